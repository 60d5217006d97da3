#!/usr/bin/env bash
# CPU per refresh of our service and of the load generator, for A/B comparisons of two service jars.
#
#   perf/cpu-per-refresh.sh <auth-service.jar> [clients=64] [measured seconds=15]
#
# Starts the jar (JDK 25 unless JAVA is set; SVC_OPTS adds JVM options) on free 127.0.0.1 ports with a throw-away
# database and key directory: the shipped SQLite store (SQLITE_SETTINGS replaces its URL settings), or with STORE=h2
# an H2 file (H2_SETTINGS replaces the settings LOCK_TIMEOUT=10000;WRITE_DELAY=0),
# loads it with `repro bench` for WARM seconds (60) so the JIT settles, then runs a measured bench and, over a window
# inside it, reads the server's and the load generator's CPU time from /proc/<pid>/stat and the refreshes the service
# counted (nexus-auth.refresh.* on the admin port's /metrics).
# Prints one line: bench rate and latency, CPU µs per refresh of each side, how busy the two kept the machine,
# the server's peak RSS (VmHWM) and the store's size on disk (database files, WAL included) per refresh served.
# CONFIG replaces config.yml (e.g. an older commit's, to compare jars as shipped).
# REPRO_OPTS adds options to both benches (e.g. --timeout 60 on a busy machine). Run A and B interleaved, twice
# each: the machine is shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$1; C=${2:-64}; D=${3:-15}; WARM=${WARM:-60}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
REPRO=(${LOADGEN:-$JAVA -jar repro-cli/target/repro.jar})
W=$(mktemp -d)
fp() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PORT=$(fp); APORT=$(fp)
if [ "${STORE:-sqlite}" = h2 ]; then
  export AUTH_DB_DRIVER=org.h2.Driver AUTH_DB_URL="jdbc:h2:file:$W/db;MODE=PostgreSQL;${H2_SETTINGS:-LOCK_TIMEOUT=10000;WRITE_DELAY=0}"
else
  export AUTH_DB_DRIVER=org.sqlite.JDBC AUTH_DB_URL="jdbc:sqlite:$W/nexus-auth.db?${SQLITE_SETTINGS:-journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true&journal_size_limit=67108864}"
fi
# shellcheck disable=SC2086 # options are words on purpose
"$JAVA" ${SVC_OPTS:-} -Ddw.server.applicationConnectors[0].port="$PORT" -Ddw.server.adminConnectors[0].port="$APORT" \
  -Ddw.keys.directory="$W/keys" \
  -jar "$JAR" server "${CONFIG:-config.yml}" > "$W/service.log" 2>&1 &
SP=$!
trap 'kill $SP 2>/dev/null; wait $SP 2>/dev/null; echo KEPT $W' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/.well-known/jwks.json" >/dev/null && break; sleep 0.2; done
cpu() { [ -e /proc/$1/stat ] || { echo "GONE $1 at $(date +%T) SP=$SP BP=$BP" >&2; ps -ef | grep -E "java" | grep -v grep | cut -c1-150 >&2; }; python3 -c 'import sys;s=open(f"/proc/{sys.argv[1]}/stat").read();f=s[s.rindex(")")+2:].split();print(int(f[11])+int(f[12]))' "$1"; }
refreshes() { curl -s "http://127.0.0.1:$APORT/metrics" | python3 -c 'import json,sys;c=json.load(sys.stdin)["counters"];print(c["nexus-auth.refresh.rotated"]["count"]+c["nexus-auth.refresh.grace_replay"]["count"])'; }
export REPRO_PASSWORD=${DEMO_TRADER_PASSWORD:-trader1-demo-password}
"${REPRO[@]}" bench --base-url "http://127.0.0.1:$PORT" --clients "$C" --duration "$WARM" --warmup 3 ${REPRO_OPTS:-} --format json > "$W/warm.json" || true  # a failed refresh in the warm-up is not measured
"${REPRO[@]}" bench --base-url "http://127.0.0.1:$PORT" --clients "$C" --duration "$D" --warmup 4 ${REPRO_OPTS:-} ${BENCH_OPTS:-} --format json > "$W/bench.json" 2> "$W/bench.err" &
BP=$!
echo "SP=$SP BP=$BP $(date +%T)" >&2; ps -o pid,etime,cmd -p $SP,$BP >&2 || true; sleep 8; echo "t1 $(date +%T)" >&2; ps -o pid,etime -p $SP,$BP >&2 || true; s1=$(cpu $SP); r1=$(refreshes); b1=$(cpu $BP); t1=$(date +%s.%N)
sleep $((D - 10)); s2=$(cpu $SP); r2=$(refreshes); b2=$(cpu $BP); t2=$(date +%s.%N)
wait $BP || echo "the measured bench reported failed refreshes or could not run (see failed= below)" >&2
hwm=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$SP/status)
served=$(refreshes); store=$( (cat "$W"/nexus-auth.db* "$W"/db.mv.db 2>/dev/null || true) | wc -c)
python3 - "$W/bench.json" "$s1" "$s2" "$r1" "$r2" "$b1" "$b2" "$t1" "$t2" "$hwm" "$served" "$store" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); s1, s2, r1, r2, b1, b2, t1, t2, hwm, served, store = (float(x) for x in sys.argv[2:])
n = r2 - r1; lat = r["latency_ms"]; tick_us = 10_000  # /proc CPU times are in 1/100 s
print(f"rate={r['throughput_rps']} p50={lat['p50']} p99={lat['p99']} failed={r['failed_refreshes']} | "
      f"window {n:.0f} refreshes in {t2 - t1:.1f} s: server {(s2 - s1) * tick_us / n:.0f} us CPU/refresh, "
      f"load generator {(b2 - b1) * tick_us / n:.0f} us CPU/refresh, machine busy by these two "
      f"{((s2 - s1) + (b2 - b1)) / 100 / (t2 - t1) / 2 * 100:.0f}% | peak RSS {hwm:.0f} MB | "
      f"store {store / 1e6:.1f} MB after {served:.0f} refreshes served: {store / served / 1024:.2f} KB per refresh")
PY
