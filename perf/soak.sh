#!/usr/bin/env bash
# Soak: the shipped configuration under sustained refresh load, sampled once a minute.
#
#   perf/soak.sh [auth-service.jar] [minutes=30] [clients=64]
#
# Starts the jar with config.yml as shipped (the embedded SQLite store; STORE=h2 for the H2 alternative) on free
# 127.0.0.1 ports with a throw-away data and key directory (JDK 25 unless JAVA is set; SVC_OPTS adds JVM options),
# runs one `repro bench --clients C` for the whole soak, and every 60 s appends to soak.tsv: refreshes served in
# that minute (the service's own counters), refusals (expired, revoked, unknown, reuse) in that minute, the store's
# size on disk (database files, WAL included), the live rows, and the service's RSS. At the end it prints the
# bench summary and a verdict line: throughput trend (first vs last third), store growth over the last half,
# non-200 answers. Bounded: at most 240 minutes; everything started here is stopped on exit.
# Results go to OUT (default perf/results/soak-<UTC time>).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-service/target/auth-service.jar}; MINUTES=${2:-30}; C=${3:-64}
[ "$MINUTES" -ge 1 ] && [ "$MINUTES" -le 240 ] || { echo "minutes must be 1..240" >&2; exit 2; }
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
REPRO=(${LOADGEN:-$JAVA -jar repro-cli/target/repro.jar})
OUT=${OUT:-perf/results/soak-$(date -u +%Y-%m-%dT%H%M)}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
W=$(mktemp -d)
fp() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PORT=$(fp); APORT=$(fp)
if [ "${STORE:-sqlite}" = h2 ]; then
  export AUTH_DB_DRIVER=org.h2.Driver AUTH_DB_URL="jdbc:h2:file:$W/data/nexus-auth;MODE=PostgreSQL;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
fi
# The shipped config.yml puts the store under ./data of the working directory: run the service from $W.
ROOT=$(pwd)
# shellcheck disable=SC2086 # options are words on purpose
(cd "$W" && exec "$JAVA" ${SVC_OPTS:-} -Ddw.server.applicationConnectors[0].port="$PORT" \
  -Ddw.server.adminConnectors[0].port="$APORT" -Ddw.keys.directory="$W/keys" \
  -jar "$ROOT/$JAR" server "$ROOT/config.yml" > "$OUT/service.log" 2>&1) &
SP=$!
BP=
cleanup() { [ -n "$BP" ] && kill "$BP" 2>/dev/null; kill "$SP" 2>/dev/null; wait 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/.well-known/jwks.json" >/dev/null && break; sleep 0.2; done
JPID=$(pgrep -P "$SP" java || echo "$SP")   # the JVM (the subshell execs it, so usually SP itself)
counters() { curl -s "http://127.0.0.1:$APORT/metrics" | python3 -c '
import json,sys
c=json.load(sys.stdin)["counters"]; g=lambda k: c.get("nexus-auth.refresh."+k,{"count":0})["count"]
print(g("rotated")+g("grace_replay"), g("expired")+g("revoked")+g("unknown")+g("reuse_detected"))'; }
store_bytes() { (cat "$W"/data/nexus-auth.db* "$W"/data/nexus-auth.mv.db 2>/dev/null || true) | wc -c; }
rss_mb() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$JPID/status"; }
export REPRO_PASSWORD=${DEMO_TRADER_PASSWORD:-trader1-demo-password}
"${REPRO[@]}" bench --base-url "http://127.0.0.1:$PORT" --clients "$C" --duration $((MINUTES * 60)) --warmup 0 \
  --format json > "$OUT/bench.json" 2> "$OUT/bench.err" &
BP=$!
printf 'minute\trefreshes\trefused\tstore_mb\trss_mb\n' > "$OUT/soak.tsv"
read -r served0 refused0 < <(counters)
for m in $(seq 1 "$MINUTES"); do
  sleep 60
  read -r served refused < <(counters)
  printf '%d\t%d\t%d\t%.1f\t%d\n' "$m" $((served - served0)) $((refused - refused0)) \
    "$(awk -v b="$(store_bytes)" 'BEGIN { print b / 1e6 }')" "$(rss_mb)" | tee -a "$OUT/soak.tsv"
  served0=$served; refused0=$refused
  kill -0 "$BP" 2>/dev/null || break
done
wait "$BP" || true
BP=
python3 - "$OUT/soak.tsv" "$OUT/bench.json" <<'PY'
import csv, json, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
bench = json.load(open(sys.argv[2]))
rate = [int(r["refreshes"]) / 60 for r in rows]; store = [float(r["store_mb"]) for r in rows]
third = max(1, len(rows) // 3); half = max(1, len(rows) // 2)
print(f"bench: {bench['throughput_rps']} refreshes/s, p99 {bench['latency_ms']['p99']} ms, "
      f"failed {bench['failed_refreshes']}")
print(f"refreshes/s per minute: first third median {statistics.median(rate[:third]):.0f}, "
      f"last third {statistics.median(rate[-third:]):.0f}; store {store[0]:.1f} MB after minute 1, "
      f"{store[-half]:.1f} MB at mid-soak, {store[-1]:.1f} MB at the end; max RSS {max(int(r['rss_mb']) for r in rows)} MB; "
      f"refusals {sum(int(r['refused']) for r in rows)}")
PY
