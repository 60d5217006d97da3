#!/usr/bin/env bash
# Stop the Keycloak started by start.sh (its process group only), waiting up to 30 s, then SIGKILL.
set -uo pipefail
cd "$(dirname "$0")"
pidfile=.run/keycloak.pid
[ -f "$pidfile" ] || { echo "no Keycloak pid file: nothing to stop"; exit 0; }
pid=$(cat "$pidfile")
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; fi
  echo "Keycloak (pid $pid) stopped"
else
  echo "Keycloak (pid $pid) was not running"
fi
rm -f "$pidfile"
