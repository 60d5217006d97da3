#!/usr/bin/env bash
# The incident-04 regression gate, after `mvn -B clean verify`: the packaged service started on free ports with a
# throw-away database and key directory, `repro all` run against it (JUnit report, Markdown summary), the service
# stopped. The GitHub Actions workflow next to this script runs it as it is, and so does this repository's .ci/run,
# so the steps a team copies are the steps CI runs here. Exit status: repro's (0 pass, 1 incident, 2 could not run).
#
#   docs/ci/repro-gate.sh                      from the repository root, or from anywhere
#   REPRO_REPORT=out/repro.xml docs/ci/repro-gate.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

# The demo user's password and the demo service's secret, in this one place: the service is given them (config.yml
# reads DEMO_TRADER_PASSWORD and DEMO_ORDERS_SECRET) and repro logs in with them. A pipeline may set its own.
demo_password=${DEMO_TRADER_PASSWORD:-trader1-demo-password}
demo_secret=${DEMO_ORDERS_SECRET:-orders-demo-secret}

service_jar=${SERVICE_JAR:-service/target/auth-service.jar}
repro_jar=${REPRO_JAR:-repro-cli/target/repro.jar}
report=${REPRO_REPORT:-repro-cli/target/repro-reports/TEST-repro-incident04.xml}
summary=${REPRO_SUMMARY:-${GITHUB_STEP_SUMMARY:-repro-cli/target/repro-reports/summary.md}}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
admin=$(free_port)
work=$(mktemp -d)
mkdir -p "$(dirname "$summary")"

DEMO_TRADER_PASSWORD=$demo_password DEMO_ORDERS_SECRET=$demo_secret \
  AUTH_PORT=$port AUTH_ADMIN_PORT=$admin AUTH_KEY_DIR=$work/keys \
  AUTH_DB_URL="jdbc:h2:file:$work/db;MODE=PostgreSQL;LOCK_TIMEOUT=10000;WRITE_DELAY=0" \
  java -Xmx256m -jar "$service_jar" server config.yml > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 60); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json" && break
  kill -0 $service 2>/dev/null || { echo "service exited during start-up:"; cat "$work/service.log"; exit 2; }
  sleep 1
done

echo "incident-04 gate: repro all against the packaged service on 127.0.0.1:$port"
REPRO_PASSWORD=$demo_password REPRO_SERVICE_SECRET=$demo_secret \
  java -jar "$repro_jar" all --base-url "http://127.0.0.1:$port" --service-id orders \
    --format junit --output "$report" --summary "$summary"
