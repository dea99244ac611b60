#!/usr/bin/env bash
# Measures the station agent's start time (JVM launch → nurse's screen answering) and its resident memory (RSS)
# after it has run for a while with the synthetic oximeter streaming. Targets: start ≤ 5 s, RSS ≤ 250 MB.
#   bench/station-footprint.sh            build the station module if needed, then measure
#   RUN_SECONDS=30 bench/station-footprint.sh
#   bench/station-footprint.sh --demo     with every demo device attached instead (serial simulators over socat,
#                                         BLE simulators, ECG, stethoscope, otoscope, retinograph; needs socat);
#                                         also records an ECG, an auscultation and an otoscope photo meanwhile
# The server is not needed: the agent starts offline (unreachable server URL) with a throw-away credential.
set -euo pipefail
cd "$(dirname "$0")/.."

run_seconds=${RUN_SECONDS:-15}
demo=""
[ "${1:-}" = "--demo" ] && demo=yes
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
  $( [ -n "$demo" ] && echo "--demo --set telestation.demo.dir=$work/demo" \
                    || echo "--set telestation.device.oximeter.protocol=synthetic-oximeter" ) \
  > "$work/agent.log" 2>&1 &
agent_pid=$!

until curl -fsS "http://127.0.0.1:$port/api/state" >/dev/null 2>&1; do
  if ! kill -0 "$agent_pid" 2>/dev/null; then echo "agent died:"; cat "$work/agent.log"; exit 1; fi
  sleep 0.05
done
ready_ns=$(date +%s%N)
start_ms=$(( (ready_ns - start_ns) / 1000000 ))

state() { curl -fsS "http://127.0.0.1:$port/api/state"; }
if [ -n "$demo" ]; then
  until state | python3 -c 'import json,sys; d=json.load(sys.stdin)["devices"]; sys.exit(0 if len(d) >= 10 and all(x["state"]=="CONNECTED" and x["values"] for x in d if x["kind"] in ("PULSE_OXIMETER","THERMOMETER","BLOOD_PRESSURE_MONITOR")) else 1)'; do
    sleep 0.1
  done
  all_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  echo "every demo device connected with values: ${all_ms} ms after JVM launch"
  # The nurse's buttons: a 10 s ECG, a 10 s auscultation, a photo — the heaviest work the agent does.
  state | python3 -c 'import json,sys
for d in json.load(sys.stdin)["devices"]:
    for a in d.get("actions", [])[:1]:
        if a["id"] in ("record-ecg", "record-audio", "snapshot"): print(d["id"] + "\t" + a["id"])' |
  while IFS=$'\t' read -r device action; do
    curl -fsS -X POST --data-urlencode "device=$device" --data-urlencode "action=$action" \
      "http://127.0.0.1:$port/api/action" >/dev/null
  done
fi
sleep "$run_seconds"
# Exercise the path a nurse uses once, so the numbers include the outbox and the screen.
curl -fsS -X POST -d "device=$(curl -fsS "http://127.0.0.1:$port/api/state" | python3 -c 'import json,sys; print([d for d in json.load(sys.stdin)["devices"] if d["values"]][0]["id"])')" \
  "http://127.0.0.1:$port/api/capture" >/dev/null
sleep 1
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$agent_pid/status")
hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$agent_pid/status")

devices=$(state | python3 -c 'import json,sys; d=json.load(sys.stdin)["devices"]; print(len(d), "devices,", sum(x["state"]=="CONNECTED" for x in d), "connected")')
items=$(curl -fsS "http://127.0.0.1:$port/api/outbox" | python3 -c 'import json,sys,collections; print(dict(collections.Counter(i["kind"] for i in json.load(sys.stdin))))')
echo "devices: $devices; outbox items: $items"
echo "station agent start (JVM launch → nurse's screen answers): ${start_ms} ms (target ≤ 5000)"
echo "station agent RSS after ${run_seconds} s streaming + 1 capture: $((rss_kb / 1024)) MB, peak $((hwm_kb / 1024)) MB (target ≤ 250)"
[ "$start_ms" -le 5000 ] && [ "$hwm_kb" -le $((250 * 1024)) ]
