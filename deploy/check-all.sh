#!/usr/bin/env bash
# Runs every offline check of the deployment files (see docs/operations.md §13). Needs Debian packages:
#   apt-get install yamllint nginx-light coturn lua5.4 postgresql-client nodejs
# and the embedded-postgres binaries in ~/.m2 (present once the server module has been built); Maven for the
# station check (builds devices + station offline, runs one test class).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
passed=0; failed=0
run() {
  local name=$1; shift
  if "$@" > /tmp/telestation-deploy-check.$$ 2>&1; then passed=$((passed+1)); echo "ok   $name"
  else failed=$((failed+1)); echo "FAIL $name"; sed 's/^/     /' /tmp/telestation-deploy-check.$$; fi
  rm -f /tmp/telestation-deploy-check.$$
}
units=$(mktemp -d); cp "$root"/deploy/systemd/*.service "$root"/deploy/systemd/*.timer "$units"/
run "helm chart (offline checks)" python3 "$root/deploy/helm/check-chart.py"
run "systemd units (systemd-analyze verify)" bash -c "out=\$(systemd-analyze verify --man=no $units/*.service $units/*.timer 2>&1); echo \"\$out\"; [ -z \"\$out\" ]"
# The station's env and properties examples and its unit against what the agent reads (module station).
run "station env/properties/unit vs the agent (StationDeploymentFilesTest)" bash -c "cd '$root' && mvn -B -o -q -pl station -am test -Dtest=StationDeploymentFilesTest -Dsurefire.failIfNoSpecifiedTests=false"
run "sysusers (dry run)" bash -c "r=\$(mktemp -d); systemd-sysusers --root=\$r --dry-run $root/deploy/systemd/telestation.sysusers.conf; s=\$?; rm -rf \$r; exit \$s"
run "nginx (nginx -t + functional)" "$root/deploy/nginx/check.sh" --functional
run "postgresql roles and grants" "$root/deploy/postgresql/check-roles.sh"
run "coturn credentials" "$root/deploy/turn/check.sh"
run "prosody config (Lua syntax)" luac5.4 -p "$root/deploy/jitsi/prosody-meet.cfg.lua"
run "jitsi config.js (JS syntax)" node -e 'new (require("vm").Script)(require("fs").readFileSync(process.argv[1],"utf8"))' "$root/deploy/jitsi/config.js.snippet"
rm -rf "$units"
echo "deploy: $passed passed, $failed failed"
[ "$failed" = 0 ]
