#!/usr/bin/env bash
# Peak RSS of the service started exactly as the README's run command starts it (`java @jvm.options -jar
# service/target/auth-service.jar server config.yml`), through a 64-client `repro bench` minute, then a
# 10,000-user `repro storm`. Prints the peak RSS after each phase (VmHWM of /proc/<pid>/status).
#
#   perf/memory-under-load.sh        # after ./mvnw -B -q clean package -DskipTests
#
# Knobs: JAVA (java on PATH), CLIENTS (64), DURATION (60 s measured, after WARMUP 5 s), USERS (10000),
# JVM_OPTIONS (@jvm.options; e.g. "-Xmx256m" to compare). Traffic goes to 127.0.0.1 only, on free ports, with
# a throw-away data directory; every phase is bounded and the service is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
java=${JAVA:-java}
clients=${CLIENTS:-64}; duration=${DURATION:-60}; warmup=${WARMUP:-5}; users=${USERS:-10000}
jvm_options=${JVM_OPTIONS:-@$PWD/jvm.options}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port); admin=$(free_port); work=$(mktemp -d)
# shellcheck disable=SC2086
(cd "$work" && AUTH_PORT=$port AUTH_ADMIN_PORT=$admin exec "$java" $jvm_options \
   -jar "$OLDPWD/service/target/auth-service.jar" server "$OLDPWD/config.yml") > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json" && break
  kill -0 $service 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 1
done
rss() { awk -v what="$1" '$1 == what":" {printf "%d MB", $2 / 1024}' "/proc/$service/status"; }
echo "service pid $service ($("$java" -version 2>&1 | head -1)), options: $jvm_options"
echo "after start: RSS $(rss VmRSS), peak $(rss VmHWM)"

export REPRO_PASSWORD=${DEMO_TRADER_PASSWORD:-trader1-demo-password}
"$java" -jar repro-cli/target/repro.jar bench --base-url "http://127.0.0.1:$port" --clients "$clients" \
  --warmup "$warmup" --duration "$duration" | tail -n 4
echo "after bench --clients $clients ($duration s): RSS $(rss VmRSS), peak $(rss VmHWM)"
"$java" -jar repro-cli/target/repro.jar storm --base-url "http://127.0.0.1:$port" --users "$users" \
  --devices 2 --retries 3 --seed 42 | tail -n 4 || true   # a storm past the grace window may FAIL; memory is the point here
echo "after storm --users $users: RSS $(rss VmRSS), peak $(rss VmHWM)"
