#!/usr/bin/env bash
# Runs the Continuity benchmarks B1-B8: packages the service, starts a real Kafka broker (KRaft, in-JVM), PostgreSQL
# (the one on 127.0.0.1:5432, else an embedded one) and the packaged service, shows progress, and prints one table
# (also written to target/bench/results.md). See benchmark/README.md.
#
#   benchmark/run.sh [full|small|smoke] [more Maven arguments]
#   benchmark/run.sh full -Dbench.jfr=true        # also record the service with JFR: target/bench/jfr-summary.md
#   benchmark/run.sh small -Dbench.only=B2,B5     # only some benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."

scale="${1:-full}"
[ $# -eq 0 ] || shift

jdk_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}

# ./mvnw finds a JDK 21+ itself; this only helps when JAVA_HOME points at an older one.
if [ -n "${JAVA_HOME:-}" ] && [ "$(jdk_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  unset JAVA_HOME
fi
if [ -z "${JAVA_HOME:-}" ]; then
  best=""; best_major=0
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${HOME:-}"/.sdkman/candidates/java/*; do
    [ -x "$dir/bin/javac" ] || continue
    major="$(jdk_major "$dir")"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
  done
  [ -z "$best" ] || export JAVA_HOME="$best"
fi

echo "Continuity benchmarks, scale '$scale' ($(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), JAVA_HOME=${JAVA_HOME:-default})"
exec ./mvnw -B --no-transfer-progress -Pbench -Dbench.scale="$scale" "$@"
