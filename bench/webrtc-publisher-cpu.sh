#!/bin/sh
# Time to first frame and CPU of the clinical-media publisher (webrtc-java) at 640x480@15 fps.
# The receiver runs in a second JVM so its decoding is not counted. Usage: bench/webrtc-publisher-cpu.sh [probe options]
# (see PublisherCpuProbe --help; e.g. --fps 30 --seconds 30). Needs Debian libpulse0 (webrtc-java's native library).
set -eu
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q -pl station -am compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
exec java -cp "station/target/classes:devices/target/classes:$(cat "$cp_file")" \
  org.telestation.station.media.PublisherCpuProbe "$@"
