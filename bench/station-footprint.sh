#!/usr/bin/env bash
# Measures the station agent's start time (JVM launch → nurse's screen answering) and its resident memory (RSS)
# after it has run for a while with the synthetic oximeter streaming. Targets: start ≤ 5 s, RSS ≤ 250 MB.
#   bench/station-footprint.sh            build the station module if needed, then measure
#   RUN_SECONDS=30 bench/station-footprint.sh
# The server is not needed: the agent starts offline (unreachable server URL) with a throw-away credential.
set -euo pipefail
cd "$(dirname "$0")/.."

run_seconds=${RUN_SECONDS:-15}
work=$(mktemp -d)
agent_pid=""
cleanup() {
  if [ -n "$agent_pid" ] && kill -0 "$agent_pid" 2>/dev/null; then kill "$agent_pid"; wait "$agent_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -d station/target/classes ] || [ ! -f station/target/classpath.txt ]; then
  # compile in the same run so the reactor resolves devices to its classes; the relative output file lands in each
  # module's own target/ (station's is the one used below).
  mvn -B -o -q -pl station -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/classpath.txt >/dev/null
fi
cp="station/target/classes:devices/target/classes:$(cat station/target/classpath.txt)"

printf 'stationCode=FOOTPRINT\nsecret=none\n' > "$work/credential.properties"
chmod 600 "$work/credential.properties"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

start_ns=$(date +%s%N)
java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -cp "$cp" org.telestation.station.StationAgent \
  --set telestation.server.url=http://localhost:9 \
  --set telestation.credential.file="$work/credential.properties" \
  --set telestation.outbox.file="$work/outbox.db" \
  --set telestation.outbox.min-free-disk-mb=0 \
  --set telestation.ui.port="$port" \
  --set telestation.device.oximeter.protocol=synthetic-oximeter \
  > "$work/agent.log" 2>&1 &
agent_pid=$!

until curl -fsS "http://127.0.0.1:$port/api/state" >/dev/null 2>&1; do
  if ! kill -0 "$agent_pid" 2>/dev/null; then echo "agent died:"; cat "$work/agent.log"; exit 1; fi
  sleep 0.05
done
ready_ns=$(date +%s%N)
start_ms=$(( (ready_ns - start_ns) / 1000000 ))

sleep "$run_seconds"
# Exercise the path a nurse uses once, so the numbers include the outbox and the screen.
curl -fsS -X POST -d "device=$(curl -fsS "http://127.0.0.1:$port/api/state" | python3 -c 'import json,sys; print(json.load(sys.stdin)["devices"][0]["id"])')" \
  "http://127.0.0.1:$port/api/capture" >/dev/null
sleep 1
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$agent_pid/status")
hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$agent_pid/status")

echo "station agent start (JVM launch → nurse's screen answers): ${start_ms} ms (target ≤ 5000)"
echo "station agent RSS after ${run_seconds} s streaming + 1 capture: $((rss_kb / 1024)) MB, peak $((hwm_kb / 1024)) MB (target ≤ 250)"
[ "$start_ms" -le 5000 ] && [ "$hwm_kb" -le $((250 * 1024)) ]
