#!/usr/bin/env bash
# Refresh throughput and p99 on PostgreSQL with one and with two service instances sharing one database
# (issue 12, item 6). Starts a throw-away PostgreSQL cluster on a free 127.0.0.1 port (PG_BIN: the directory of
# initdb/pg_ctl, default: found on PATH), creates the schema and the user trader1 with the service's own commands,
# then for N in 1 2: starts N instances of the jar with config-postgres.yml (shared generated keys), loads them
# with CLIENTS `repro bench` workers in total (split evenly, one bench per instance, run at the same time), and
# prints one line per N: total refreshes/s, the worst p99 of the benches, failed refreshes.
#
#   perf/postgres-instances.sh [auth-service.jar] [clients=64] [measured seconds=30]
#
# JAVA (JDK 25 by default) runs the service and repro; SVC_OPTS adds JVM options (e.g. @jvm.options);
# GROUP_COMMIT=false turns store.groupCommit off. Everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-service/target/auth-service.jar}; C=${2:-64}; D=${3:-30}; WARM=${WARM:-30}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PG_BIN=${PG_BIN:-$(dirname "$(command -v initdb)")}
W=$(mktemp -d); PIDS=()
fp() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  "$PG_BIN/pg_ctl" -D "$W/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$W"
}
trap cleanup EXIT
PGPORT=$(fp)
# PostgreSQL refuses to run as root: run it as nobody when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
mkdir -p "$W/pg" && chmod 777 "$W" && { [ "$(id -u)" != 0 ] || chown nobody "$W/pg"; }
as_pg "$PG_BIN/initdb" -D "$W/pg" -U postgres -A trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$W/pg" -o "-p $PGPORT -k $W -c listen_addresses=127.0.0.1 -c max_connections=200" \
  -l "$W/pg.log" -w start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "CREATE USER nexus_auth PASSWORD 'perf-only'" \
  -c "CREATE DATABASE nexus_auth OWNER nexus_auth"
export AUTH_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/nexus_auth" AUTH_DB_USER=nexus_auth AUTH_DB_PASSWORD=perf-only
export AUTH_KEY_DIR="$W/keys" AUTH_ISSUER=http://localhost:8080
mkdir -m 700 "$AUTH_KEY_DIR"
# Keys: the first start generates nothing on config-postgres.yml (production keys are given), so make them here.
openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$AUTH_KEY_DIR/signing-key.pem"
head -c 32 /dev/urandom | base64 > "$AUTH_KEY_DIR/seal.key"
"$JAVA" -jar "$JAR" db migrate config-postgres.yml > "$W/migrate.log" 2>&1
export TRADER_PW=trader1-perf-password
"$JAVA" -jar "$JAR" add-user --username trader1 --email trader1@example.com --roles trader --tenant perf \
  --password-env TRADER_PW config-postgres.yml > "$W/add-user.log" 2>&1
export REPRO_PASSWORD=$TRADER_PW
GC=${GROUP_COMMIT:-true}
for n in 1 2; do
  PORTS=()
  for i in $(seq 1 "$n"); do
    port=$(fp); admin=$(fp)
    # shellcheck disable=SC2086 # options are words on purpose
    "$JAVA" ${SVC_OPTS:-} -Ddw.store.groupCommit="$GC" -Ddw.server.applicationConnectors[0].port="$port" \
      -Ddw.server.adminConnectors[0].port="$admin" -jar "$JAR" server config-postgres.yml > "$W/service-$n-$i.log" 2>&1 &
    PIDS+=($!); PORTS+=("$port")
  done
  for port in "${PORTS[@]}"; do
    for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/.well-known/jwks.json" >/dev/null && break; sleep 0.2; done
  done
  BENCHES=()
  for port in "${PORTS[@]}"; do   # warm the JIT of every instance, not measured
    "$JAVA" -jar repro-cli/target/repro.jar bench --base-url "http://127.0.0.1:$port" --clients $((C / n)) \
      --duration "$WARM" --warmup 2 --format json > /dev/null 2>&1 &
    BENCHES+=($!)
  done
  wait "${BENCHES[@]}" || true
  BENCHES=(); k=0
  for port in "${PORTS[@]}"; do
    k=$((k + 1))
    "$JAVA" -jar repro-cli/target/repro.jar bench --base-url "http://127.0.0.1:$port" --clients $((C / n)) \
      --duration "$D" --warmup 3 --format json > "$W/bench-$n-$k.json" 2> "$W/bench-$n-$k.err" &
    BENCHES+=($!)
  done
  wait "${BENCHES[@]}" || true   # a bench with failed refreshes exits 1: its JSON says how many
  python3 - "$n" "$GC" "$W"/bench-"$n"-*.json <<'PY'
import json, sys
n, gc, files = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = [json.load(open(f)) for f in files]
print(f"PostgreSQL, {n} instance(s), group commit {gc}: {sum(r['throughput_rps'] for r in runs):.1f} refreshes/s in total, "
      f"p50 {max(r['latency_ms']['p50'] for r in runs)} ms, p99 {max(r['latency_ms']['p99'] for r in runs)} ms (worst bench), "
      f"failed {sum(r['failed_refreshes'] for r in runs)}")
PY
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait "${PIDS[@]}" 2>/dev/null || true; PIDS=()
done
