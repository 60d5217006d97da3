#!/usr/bin/env bash
# A market-open storm against a fresh service, with the grace window and the admission limit of your choice: how a
# storm longer than the window is served (docs/rotation.md, "A storm longer than the grace window").
#
#   perf/storm-grace.sh <auth-service.jar> <label> [users=3000] [grace=5s] [maxRefreshesRotating=64]
#
# Starts the jar (JDK 25 unless JAVA is set) as the README runs it (config.yml, jvm.options) on free 127.0.0.1 ports
# with a throw-away database and key directory, -Ddw.tokens.refreshReuseGrace=<grace> and
# -Ddw.store.maxRefreshesRotating=<limit>; runs `repro storm --users <users> --devices 2 --retries 3 --seed 42`
# (logins first, then 256 workers); writes OUT/storm-<label>.json (OUT defaults to .), prints one line of the report
# and the service's nexus-auth.refresh.* counters. 3,000 users take about 4 minutes of logins on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=$(realpath "$1"); LABEL=$2; USERS=${3:-3000}; GRACE=${4:-5s}; LIMIT=${5:-64}
OUT=$(realpath "${OUT:-.}")
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port); ADMIN_PORT=$(free_port)
(cd "$WORK" && exec "$JAVA" @"$ROOT/jvm.options" -Ddw.server.applicationConnectors[0].port="$PORT" \
  -Ddw.server.adminConnectors[0].port="$ADMIN_PORT" -Ddw.keys.directory="$WORK/keys" \
  -Ddw.tokens.refreshReuseGrace="$GRACE" -Ddw.store.maxRefreshesRotating="$LIMIT" \
  -jar "$JAR" server "$ROOT/config.yml" > "$WORK/service.log" 2>&1) &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/.well-known/jwks.json" > /dev/null && break; sleep 0.2; done
REPRO_PASSWORD=trader1-demo-password "$JAVA" -jar "$ROOT/repro-cli/target/repro.jar" storm \
  --base-url "http://127.0.0.1:$PORT" --users "$USERS" --devices 2 --retries 3 --seed 42 --format json \
  > "$OUT/storm-$LABEL.json" 2> "$OUT/storm-$LABEL.err" || true
python3 - "$OUT/storm-$LABEL.json" "$LABEL" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(sys.argv[2], "forced_users=", r.get("forced_logouts"), "status=", r.get("status_counts"),
      "rps=", r.get("throughput_rps"), "lat=", r.get("latency_ms"), "wake=", r.get("wake_to_answer_ms"))
PY
curl -s "http://127.0.0.1:$ADMIN_PORT/metrics" | python3 -c 'import json, sys
counters = json.load(sys.stdin)["counters"]
print({k: v["count"] for k, v in counters.items() if k.startswith("nexus-auth.refresh")})'
