#!/usr/bin/env bash
# Runs coturn with deploy/turn/turnserver.conf (addresses, ports, certificate and secret rewritten for loopback) and
# checks the time-limited credentials made by turn_credentials.py — the server's algorithm — against it:
# a fresh credential allocates a relay and relays packets (TCP and TLS), a wrong or expired one is refused.
# Needs Debian's coturn (turnserver, turnutils_uclient, turnutils_peer) and openssl. Touches nothing in /etc.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v turnserver >/dev/null || { echo "coturn is not installed (apt-get install coturn)" >&2; exit 2; }
work=$(mktemp -d); pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); tls_port=$(free_port); peer_port=$(free_port)
secret=$(openssl rand -base64 32)
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=turn.cpts-example.fr" \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
sed -e "s#^listening-port=.*#listening-port=$port#" -e "s#^tls-listening-port=.*#tls-listening-port=$tls_port#" \
    -e "s#^listening-ip=.*#listening-ip=127.0.0.1#" -e "s#^relay-ip=.*#relay-ip=127.0.0.1#" \
    -e "s#^static-auth-secret=.*#static-auth-secret=$secret#" \
    -e "s#^cert=.*#cert=$work/fullchain.pem#" -e "s#^pkey=.*#pkey=$work/privkey.pem#" \
    -e "s#^syslog#log-file=$work/turn.log#" \
    "$here/turnserver.conf" > "$work/turnserver.conf"
# The test peer sits on loopback, which the production file denies: allow exactly it, for this test only.
printf 'allowed-peer-ip=127.0.0.1\nallow-loopback-peers\nuserdb=%s/turndb\n' "$work" >> "$work/turnserver.conf"
turnserver -c "$work/turnserver.conf" --pidfile "$work/turn.pid" >/dev/null 2>&1 & pids+=($!)
turnutils_peer -L 127.0.0.1 -p "$peer_port" >/dev/null 2>&1 & pids+=($!)
for _ in $(seq 100); do grep -qs "Total General servers" "$work"/turn*.log && break; sleep 0.1; done

passed=0; failed=0
relay() { # relay USER PASSWORD [extra uclient flags]: 0 when packets went through the relay
  local out; out=$(timeout 20 turnutils_uclient -t -n 10 -m 1 -e 127.0.0.1 -r "$peer_port" -u "$1" -w "$2" "${@:3}" 127.0.0.1 2>&1 || true)
  grep -q "Total lost packets 0 (0.000000%)" <<<"$out" && grep -q "Total transmit time" <<<"$out"
}
check() { if eval "$2"; then passed=$((passed+1)); echo "ok   $1"; else failed=$((failed+1)); echo "FAIL $1"; fi; }
creds=$(python3 "$here/turn_credentials.py" "$secret" consultation-7f3c 600); user=${creds%%$'\n'*}; pass=${creds#*$'\n'}
check "fresh credential relays over TCP" 'relay "$user" "$pass" -p "$port"'
check "fresh credential relays over TLS" 'relay "$user" "$pass" -S -p "$tls_port"'
check "wrong credential refused" '! relay "$user" "AAAA$pass" -p "$port"'
check "TLS 1.1 handshake refused" \
  '! openssl s_client -tls1_1 -connect "127.0.0.1:$tls_port" </dev/null >/dev/null 2>&1'
check "TLS 1.2 handshake accepted" \
  'openssl s_client -tls1_2 -connect "127.0.0.1:$tls_port" </dev/null >/dev/null 2>&1'
old=$(python3 "$here/turn_credentials.py" "$secret" consultation-7f3c -60); old_user=${old%%$'\n'*}; old_pass=${old#*$'\n'}
check "expired credential refused" '! relay "$old_user" "$old_pass" -p "$port"'
other=$(python3 "$here/turn_credentials.py" "another-secret" consultation-7f3c 600)
check "credential from another secret refused" '! relay "${other%%$'"'"'\n'"'"'*}" "${other#*$'"'"'\n'"'"'}" -p "$port"'
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
