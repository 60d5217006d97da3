#!/usr/bin/env bash
# Start Keycloak 26.4 in dev mode (H2, local caches) on 127.0.0.1:8180 with the nexustrade realm imported,
# wait until the realm answers, and print start-up time and RSS. Run ./fetch.sh first.
#
#   KC_PORT       HTTP port (default 8180), bound to 127.0.0.1 only
#   KC_JAVA_HOME  the JDK (default /usr/lib/jvm/temurin-25-jdk-amd64: Keycloak 26.4 wants 21+)
#   KC_KEEP_DATA  1 keeps the previous run's H2 database; by default every start begins from a fresh
#                 database and imports realm-nexustrade.json, so runs are comparable
#   KC_LOG        log file (default perf/keycloak/.run/keycloak.log)
#   KC_ROTATION   strict (default): a used refresh token is refused, the rule our service keeps;
#                 default: Keycloak's own default, refresh tokens are not revoked on use (revokeRefreshToken false)
# Writes the pid to perf/keycloak/.run/keycloak.pid and the measurements to .run/startup.txt.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
KC_VERSION=${KC_VERSION:-26.4.0}
home="$here/.dist/keycloak-$KC_VERSION"
port=${KC_PORT:-8180}
mgmt_port=${KC_MANAGEMENT_PORT:-$((port + 10))}
export JAVA_HOME=${KC_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
run="$here/.run"
log=${KC_LOG:-$run/keycloak.log}
pidfile="$run/keycloak.pid"

[ -x "$home/bin/kc.sh" ] || { echo "Keycloak is not unpacked: run perf/keycloak/fetch.sh first" >&2; exit 2; }
mkdir -p "$run" "$(dirname "$log")"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "Keycloak already running (pid $(cat "$pidfile")); run stop.sh first" >&2; exit 2
fi
if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
  echo "127.0.0.1:$port is already in use" >&2; exit 2
fi

if [ "${KC_KEEP_DATA:-0}" != 1 ]; then rm -rf "$home/data"; fi
mkdir -p "$home/data/import"
case "${KC_ROTATION:-strict}" in
  strict) cp realm-nexustrade.json "$home/data/import/realm-nexustrade.json" ;;
  default) sed 's/"revokeRefreshToken": true/"revokeRefreshToken": false/' realm-nexustrade.json \
             > "$home/data/import/realm-nexustrade.json" ;;
  *) echo "KC_ROTATION is strict or default, not ${KC_ROTATION}" >&2; exit 2 ;;
esac

# Local-only bootstrap admin (for kcadm.sh / the admin console on 127.0.0.1); not a secret.
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin-local-only}

t0=$(date +%s.%N)
# setsid: its own process group, so stop.sh can end kc.sh and its java child together.
setsid "$home/bin/kc.sh" start-dev \
  --http-host=127.0.0.1 --http-port="$port" --http-management-port="$mgmt_port" \
  --import-realm --log=console >"$log" 2>&1 < /dev/null &
echo $! > "$pidfile"
pid=$(cat "$pidfile")

url="http://127.0.0.1:$port/realms/nexustrade/.well-known/openid-configuration"
for _ in $(seq 1 1200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
  [ "$code" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "Keycloak exited during start-up; log: $log" >&2; tail -40 "$log" >&2; exit 1; }
  sleep 0.1
done
[ "$code" = 200 ] || { echo "Keycloak did not answer within 120 s; log: $log" >&2; exit 1; }
t1=$(date +%s.%N)
java_pid=$(pgrep -g "$pid" -f 'java' | head -1 || true)
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/${java_pid:-$pid}/status" 2>/dev/null || echo 0)
startup=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
{
  echo "keycloak_version=$KC_VERSION"
  echo "java=$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "startup_to_first_200_s=$startup"
  echo "rss_after_startup_mb=$((rss_kb / 1024))"
  echo "pid=$pid java_pid=${java_pid:-?}"
} | tee "$run/startup.txt"
echo "Keycloak is up: http://127.0.0.1:$port/realms/nexustrade (log: $log)"
