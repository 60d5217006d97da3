#!/usr/bin/env bash
# nexus-auth against Keycloak 26.4 on this machine, same load generator (repro bench / repro storm), same run.
#
#   perf/run-comparison.sh            # everything below, results in perf/results/<UTC date>[-N]/
#
# 1. start-up to first 200 and RSS of our service, STARTUP_REPEATS fresh starts per JDK (STORE, throw-away dirs)
# 2. our service on each JDK in SERVICE_JDKS and Keycloak (perf/keycloak/start.sh, JDK 25, dev mode) all up,
#    then REPEATS rounds; each round, for each C in CLIENTS: `repro bench --clients C` against
#      ours-jdkN  (contract profile: POST /auth/refresh, JSON)
#      ours-jdkN-oauth2 (first JDK only: --profile oauth2 against our /oauth2/token, the same protocol as Keycloak)
#      keycloak   (--profile oauth2 against /realms/nexustrade/protocol/openid-connect/token)
#    interleaved, so drift in the machine's load hits every target alike; RSS of each server sampled during load
# 3. STORM_REPEATS × `repro storm --users 10000 --devices 2 --retries 3` against a fresh service on the first JDK
# 4. (PROFILE=1) JFR of the service (first JDK) under `repro bench --clients 64`, with text views of the hot spots
# 5. perf/summarize.py: medians into summary.md / summary.json
# All traffic goes to 127.0.0.1; every loop is bounded in count and time; everything started here is stopped on exit.
#
# Knobs (environment): STORE (sqlite: the shipped embedded store; h2), SERVICE_JDKS ("25 17"), CLIENTS ("16 64"), REPEATS (3), DURATION (20 s measured),
# WARMUP (5 s, inside each bench), WARM_ROUNDS (1: whole rounds of WARM_DURATION=10 s benches against every target
# before the measured rounds, not recorded, so that no target's first measured round is a cold JVM),
# XMX_VARIANT (empty; e.g. 256m adds target ours-jdkN-xmx256m: the first JDK with -Xmx<value>, to show the heap's
# share of RSS; the default targets run with the JVM's default heap), OPTS_VARIANT (empty; e.g. the small-memory
# flags of docs/operations.md adds target ours-jdkN-opts: the first JDK with those JVM options), STARTUP_REPEATS (3), STORM_REPEATS (3), STORM_USERS (10000), STORM_DEVICES (2), STORM_RETRIES (3),
# KEYCLOAK (1; KC_ROTATION=default runs Keycloak with its own default, refresh tokens not revoked on use), PROFILE (1), QUIET_MAX (60: seconds to wait before each measurement for other processes to
# leave the CPUs below QUIET_BELOW % busy; the load seen is logged either way), FOREIGN_MAX (15) and ATTEMPTS (3):
# a bench during which processes not started by this script used more than FOREIGN_MAX % of the machine's CPU
# (perf/cpu-share.py) is set aside as *.contended-N.* and repeated, at most ATTEMPTS times in all; contention.tsv
# records every attempt; repeats stop once the run is RETRY_BUDGET (900) s old, OUT (the results directory),
# SERVICE_JAR (service/target/auth-service.jar, copied first so a rebuild during the run changes nothing), or
# SERVICE_COMMIT (e.g. HEAD: build the service of exactly that commit from `git archive`, ignoring the working tree).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SERVICE_JDKS=${SERVICE_JDKS:-"25 17"}
CLIENTS=${CLIENTS:-"16 64"}
REPEATS=${REPEATS:-3}
WARM_ROUNDS=${WARM_ROUNDS:-1}
WARM_DURATION=${WARM_DURATION:-10}
XMX_VARIANT=${XMX_VARIANT:-}
OPTS_VARIANT=${OPTS_VARIANT:-}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
STARTUP_REPEATS=${STARTUP_REPEATS:-3}
STORM_REPEATS=${STORM_REPEATS:-3}
STORM_USERS=${STORM_USERS:-10000}
STORM_DEVICES=${STORM_DEVICES:-2}
STORM_RETRIES=${STORM_RETRIES:-3}
KEYCLOAK=${KEYCLOAK:-1}
PROFILE=${PROFILE:-1}
QUIET_MAX=${QUIET_MAX:-60}
QUIET_BELOW=${QUIET_BELOW:-30}
FOREIGN_MAX=${FOREIGN_MAX:-15}
ATTEMPTS=${ATTEMPTS:-3}
RETRY_BUDGET=${RETRY_BUDGET:-900}
RETRY_UNTIL=$(( $(date +%s) + RETRY_BUDGET ))
SERVICE_JAR=${SERVICE_JAR:-service/target/auth-service.jar}
REPRO_JAR=${REPRO_JAR:-repro-cli/target/repro.jar}
KC_PORT=${KC_PORT:-8180}
KC_TOKEN="http://127.0.0.1:$KC_PORT/realms/nexustrade/protocol/openid-connect/token"
PASSWORD=${DEMO_TRADER_PASSWORD:-trader1-demo-password}
LOADGEN_JAVA=${LOADGEN_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

jdk_home() {
  case "$1" in
    17) echo /usr/lib/jvm/java-17-openjdk-amd64 ;;
    25) echo /usr/lib/jvm/temurin-25-jdk-amd64 ;;
    *) echo "unknown JDK $1 (17 or 25)" >&2; exit 2 ;;
  esac
}
main_jdk=${SERVICE_JDKS%% *}

if [ -z "${OUT:-}" ]; then
  OUT=perf/results/$(date -u +%Y-%m-%d); n=2
  while [ -e "$OUT" ]; do OUT=perf/results/$(date -u +%Y-%m-%d)-$n; n=$((n + 1)); done
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK="$ROOT/perf/.work/$(basename "$OUT")"
rm -rf "$WORK"; mkdir -p "$WORK"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }

if [ -n "${SERVICE_COMMIT:-}" ]; then  # measure exactly a commit, whatever the working tree holds
  log "building the service from commit $SERVICE_COMMIT (git archive into perf/.work, mvn -o package -DskipTests)"
  mkdir -p "$WORK/src"
  git archive "$SERVICE_COMMIT" | tar -x -C "$WORK/src"
  (cd "$WORK/src" && mvn -B -q -o -pl service -am package -DskipTests) >> "$OUT/run.log" 2>&1
  SERVICE_JAR="$WORK/src/service/target/auth-service.jar"
fi
[ -f "$SERVICE_JAR" ] || { echo "no $SERVICE_JAR: from the repository root, ./mvnw -B -q -pl service package -DskipTests" >&2; exit 2; }
[ -f "$REPRO_JAR" ] || { echo "no $REPRO_JAR: mvn -B -q -o -pl repro-cli -am package -DskipTests" >&2; exit 2; }
cp "$SERVICE_JAR" "$WORK/auth-service.jar"
cp "$REPRO_JAR" "$WORK/repro.jar"

# ---------------------------------------------------------------- processes started here, stopped on exit
declare -A SVC_PID SVC_PORT SVC_ADMIN
KC_STARTED=0
cleanup() {
  set +e
  for key in "${!SVC_PID[@]}"; do stop_service "$key"; done
  [ "$KC_STARTED" = 1 ] && perf/keycloak/stop.sh >>"$OUT/run.log" 2>&1
  rm -f "$WORK"/*.sampling
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }

# CPU busy % over 2 s, whole machine, and the busiest other processes: the noise this run was measured in.
cpu_busy() {
  python3 - <<'PY'
import time
def snap():
    v = list(map(int, open("/proc/stat").readline().split()[1:]))
    return sum(v), v[3] + v[4]
t0, i0 = snap(); time.sleep(2); t1, i1 = snap()
print(round(100 * (1 - (i1 - i0) / max(1, t1 - t0))))
PY
}
wait_quiet() {  # label; our own idle servers are included in the figure
  local label=$1 busy waited=0
  busy=$(cpu_busy)
  while [ "$busy" -ge "$QUIET_BELOW" ] && [ "$waited" -lt "$QUIET_MAX" ]; do
    sleep 8; waited=$((waited + 10)); busy=$(cpu_busy)
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%H:%M:%S)" "$label" "$busy" "$waited" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine-load.tsv"
  if [ "$busy" -ge "$QUIET_BELOW" ]; then
    log "  note: machine still ${busy}% busy before $label after ${waited}s; busiest: $(ps -eo pcpu,comm --sort=-pcpu | sed -n 2,4p | tr -s ' ' | tr '\n' ';')"
  fi
}

# RSS sampler: every 0.5 s while the marker file exists (at most 1,200 samples = 10 minutes)
start_rss_sampler() {  # pid outfile
  local pid=$1 outfile=$2 marker="$WORK/$(basename "$2").sampling"
  : > "$marker"
  ( for _ in $(seq 1 1200); do
      [ -e "$marker" ] && kill -0 "$pid" 2>/dev/null || break
      printf '%s %s\n' "$(date +%s.%N | cut -c1-14)" "$(rss_mb "$pid")" >> "$outfile"
      sleep 0.5
    done ) &
  SAMPLER=$!
}
stop_rss_sampler() { rm -f "$WORK"/*.sampling; wait "$SAMPLER" 2>/dev/null || true; }

# ---------------------------------------------------------------- our service
# STORE=sqlite (the shipped embedded store, default) or h2 (the supported alternative, its shipped URL settings).
STORE=${STORE:-sqlite}
SQLITE_SETTINGS='journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true&journal_size_limit=67108864'
store_driver() { [ "$STORE" = h2 ] && echo org.h2.Driver || echo org.sqlite.JDBC; }
store_url() {  # dir
  if [ "$STORE" = h2 ]; then echo "jdbc:h2:file:$1/db;MODE=PostgreSQL;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
  else echo "jdbc:sqlite:$1/nexus-auth.db?${SQLITE_SETTINGS}"; fi
}
start_service() {  # key jdk [extra JVM options...]
  local key=$1 jdk=$2; shift 2
  local java; java="$(jdk_home "$jdk")/bin/java"
  local dir="$WORK/$key"; rm -rf "$dir"; mkdir -p "$dir"
  local port admin; port=$(free_port); admin=$(free_port)
  local t0 t1 code=000
  t0=$(date +%s.%N)
  AUTH_PORT=$port AUTH_ADMIN_PORT=$admin AUTH_KEY_DIR="$dir/keys" AUTH_ISSUER="http://127.0.0.1:$port" \
    AUTH_DB_DRIVER="$(store_driver)" AUTH_DB_URL="$(store_url "$dir")" \
    "$java" "$@" -Ddw.oauth2.passwordGrantEnabled=true -jar "$WORK/auth-service.jar" server config.yml \
    > "$dir/service.log" 2>&1 < /dev/null &
  local pid=$!
  SVC_PID[$key]=$pid; SVC_PORT[$key]=$port; SVC_ADMIN[$key]=$admin
  for _ in $(seq 1 1200); do   # 50 ms steps, at most 60 s
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/.well-known/jwks.json" || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { log "service $key exited during start-up"; tail -30 "$dir/service.log" >&2; exit 1; }
    sleep 0.05
  done
  [ "$code" = 200 ] || { log "service $key did not answer 200 within 60 s"; exit 1; }
  t1=$(date +%s.%N)
  STARTUP_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  sleep 1
  STARTUP_RSS=$(rss_mb "$pid")
  log "  service $key (JDK $jdk) on 127.0.0.1:$port: first 200 after ${STARTUP_S} s, RSS ${STARTUP_RSS} MB"
}
stop_service() {  # key
  local key=$1 pid=${SVC_PID[$1]:-}
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
  fi
  unset "SVC_PID[$key]"
}

# ---------------------------------------------------------------- repro runs
REPRO=("$LOADGEN_JAVA" -jar "$WORK/repro.jar")
bench() {  # target clients rep
  local target=$1 c=$2 rep=$3 name="bench-$1-c$2-r$3" pid args=()
  case "$target" in
    keycloak)
      pid=$(cat perf/keycloak/.run/keycloak.pid)
      args=(--profile oauth2 --client-id nexustrade-mobile --base-url "http://127.0.0.1:$KC_PORT/realms/nexustrade" --token-endpoint "$KC_TOKEN") ;;
    *-oauth2)
      local key=${target%-oauth2}; pid=${SVC_PID[$key]}
      args=(--profile oauth2 --client-id nexustrade-mobile --base-url "http://127.0.0.1:${SVC_PORT[$key]}") ;;
    *)
      pid=${SVC_PID[$target]}; args=(--base-url "http://127.0.0.1:${SVC_PORT[$target]}") ;;
  esac
  local dur=$DURATION dest=$OUT
  if [ "$rep" = warm ]; then dur=$WARM_DURATION; dest=$WORK; fi
  local attempt share foreign
  for attempt in $(seq 1 "$ATTEMPTS"); do
    [ "$rep" = warm ] || wait_quiet "$name"
    rm -f "$dest/$name.rss"
    start_rss_sampler "$pid" "$dest/$name.rss"
    python3 perf/cpu-share.py snap "$WORK/cpu.snap"
    local rc=0
    REPRO_PASSWORD=$PASSWORD timeout $((WARMUP + dur + 240)) \
      "${REPRO[@]}" bench "${args[@]}" --clients "$c" --duration "$dur" --warmup "$WARMUP" --login-parallel 4 \
        --format json --output "$dest/$name.json" > "$dest/$name.txt" 2>&1 || rc=$?
    share=$(python3 perf/cpu-share.py diff "$WORK/cpu.snap" "$WORK/" "perf/keycloak/.dist")
    foreign=${share%% *}
    stop_rss_sampler
    log "  $name: exit $rc: $(grep -m1 -E 'refreshes/s|could not' "$dest/$name.txt" | sed 's/^ *//'); max RSS $(sort -k2 -n "$dest/$name.rss" | tail -1 | cut -d' ' -f2) MB; CPU foreign/ours/idle ${share// //} %"
    [ "$rep" = warm ] && break
    printf '%s\t%s\t%s\t%s\n' "$name" "$attempt" "$share" "$rc" >> "$OUT/contention.tsv"
    [ "$foreign" -le "$FOREIGN_MAX" ] && break
    if [ "$attempt" -lt "$ATTEMPTS" ] && [ "$(date +%s)" -lt "$RETRY_UNTIL" ]; then
      log "    other processes used ${foreign}% of the CPU during $name: set aside as $name.contended-$attempt.*, repeating"
      for ext in json txt rss; do [ -e "$dest/$name.$ext" ] && mv "$dest/$name.$ext" "$dest/$name.contended-$attempt.$ext"; done
    else
      log "    other processes used ${foreign}% of the CPU during $name; kept after $attempt attempt(s) (see contention.tsv)"
      break
    fi
  done
}

# ---------------------------------------------------------------- the run
{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  if [ -n "${SERVICE_COMMIT:-}" ]; then echo "service built from commit $(git rev-parse --short "$SERVICE_COMMIT")"
  else echo "git=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- service repro-cli || echo ' (service/ or repro-cli/ modified in the working tree: the jar may hold uncommitted changes)')"; fi
  echo "service_jar_sha256=$(sha256sum "$WORK/auth-service.jar" | cut -c1-16) built $(date -u -r "$SERVICE_JAR" +%Y-%m-%dT%H:%M:%SZ)"
  echo "repro_jar_sha256=$(sha256sum "$WORK/repro.jar" | cut -c1-16) built $(date -u -r "$REPRO_JAR" +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "mem_total=$(free -h | awk '/^Mem/ {print $2}')"
  echo "kernel=$(uname -r)"
  for j in $SERVICE_JDKS; do echo "jdk$j=$("$(jdk_home "$j")/bin/java" -version 2>&1 | head -1)"; done
  echo "loadgen_java=$("$LOADGEN_JAVA" -version 2>&1 | head -1)"
  echo "settings: SERVICE_JDKS='$SERVICE_JDKS' CLIENTS='$CLIENTS' REPEATS=$REPEATS WARM_ROUNDS=$WARM_ROUNDS WARM_DURATION=$WARM_DURATION XMX_VARIANT='$XMX_VARIANT' OPTS_VARIANT='$OPTS_VARIANT' DURATION=$DURATION WARMUP=$WARMUP STARTUP_REPEATS=$STARTUP_REPEATS STORM_REPEATS=$STORM_REPEATS STORM_USERS=$STORM_USERS STORM_DEVICES=$STORM_DEVICES STORM_RETRIES=$STORM_RETRIES KEYCLOAK=$KEYCLOAK PROFILE=$PROFILE"
} > "$OUT/environment.txt"
cat "$OUT/environment.txt" | tee -a "$OUT/run.log"
printf 'time\tbefore\tbusy_pct\twaited_s\tloadavg\n' > "$OUT/machine-load.tsv"
printf 'run\tattempt\tforeign ours idle (%% of machine CPU)\texit\n' > "$OUT/contention.tsv"

log "1. start-up to first 200 ($STARTUP_REPEATS fresh starts per JDK)"
printf 'jdk\trun\tstartup_to_first_200_s\trss_after_startup_mb\n' > "$OUT/startup-service.tsv"
for r in $(seq 1 "$STARTUP_REPEATS"); do
  for j in $SERVICE_JDKS; do
    wait_quiet "startup-jdk$j-r$r"
    start_service "startup-jdk$j" "$j"
    printf '%s\t%s\t%s\t%s\n' "$j" "$r" "$STARTUP_S" "$STARTUP_RSS" >> "$OUT/startup-service.tsv"
    stop_service "startup-jdk$j"
  done
done

log "2. bench: ${REPEATS} rounds × clients {$CLIENTS}, ${WARMUP} s warm-up + ${DURATION} s measured each"
targets=()
for j in $SERVICE_JDKS; do
  start_service "ours-jdk$j" "$j"
  targets+=("ours-jdk$j")
  [ "$j" = "$main_jdk" ] && targets+=("ours-jdk$j-oauth2")
done
if [ -n "$XMX_VARIANT" ]; then
  start_service "ours-jdk$main_jdk-xmx$XMX_VARIANT" "$main_jdk" "-Xmx$XMX_VARIANT"
  targets+=("ours-jdk$main_jdk-xmx$XMX_VARIANT")
fi
if [ -n "$OPTS_VARIANT" ]; then
  # shellcheck disable=SC2086 # the options are words on purpose
  start_service "ours-jdk$main_jdk-opts" "$main_jdk" $OPTS_VARIANT
  targets+=("ours-jdk$main_jdk-opts")
fi
if [ "$KEYCLOAK" = 1 ]; then
  perf/keycloak/fetch.sh >> "$OUT/run.log" 2>&1
  wait_quiet "keycloak-start"
  KC_STARTED=1
  KC_PORT=$KC_PORT perf/keycloak/start.sh > "$OUT/startup-keycloak.txt" 2>&1 || { cat "$OUT/startup-keycloak.txt"; exit 1; }
  KC_PORT=$KC_PORT perf/keycloak/verify.sh > "$OUT/keycloak-verify.txt" 2>&1 || { cat "$OUT/keycloak-verify.txt"; exit 1; }
  log "  $(grep startup_to_first_200_s "$OUT/startup-keycloak.txt"), $(grep rss_after "$OUT/startup-keycloak.txt")"
  targets+=(keycloak)
fi
for _ in $(seq 1 "$WARM_ROUNDS"); do
  log "  warm-up round (not recorded): ${WARM_DURATION} s per target and client count"
  for c in $CLIENTS; do
    for t in "${targets[@]}"; do bench "$t" "$c" warm; done
  done
done
for r in $(seq 1 "$REPEATS"); do
  for c in $CLIENTS; do
    for t in "${targets[@]}"; do bench "$t" "$c" "$r"; done
  done
done
for key in "${!SVC_PID[@]}"; do stop_service "$key"; done
if [ "$KEYCLOAK" = 1 ]; then perf/keycloak/stop.sh >> "$OUT/run.log" 2>&1; KC_STARTED=0; fi

log "3. storm: ${STORM_REPEATS} × --users $STORM_USERS --devices $STORM_DEVICES --retries $STORM_RETRIES, fresh service (JDK $main_jdk) each"
for r in $(seq 1 "$STORM_REPEATS"); do
  name="storm-ours-jdk$main_jdk-u$STORM_USERS-r$r"
  start_service storm "$main_jdk"
  printf '%s\t%s\t%s\t%s\n' "$main_jdk" "storm$r" "$STARTUP_S" "$STARTUP_RSS" >> "$OUT/startup-service.tsv"
  wait_quiet "$name"
  start_rss_sampler "${SVC_PID[storm]}" "$OUT/$name.rss"
  python3 perf/cpu-share.py snap "$WORK/cpu.snap"
  rc=0
  REPRO_PASSWORD=$PASSWORD timeout 1500 \
    "${REPRO[@]}" storm --base-url "http://127.0.0.1:${SVC_PORT[storm]}" --users "$STORM_USERS" --devices "$STORM_DEVICES" \
      --retries "$STORM_RETRIES" --seed $((41 + r)) --login-parallel 4 \
      --format json --output "$OUT/$name.json" > "$OUT/$name.txt" 2>&1 || rc=$?
  share=$(python3 perf/cpu-share.py diff "$WORK/cpu.snap" "$WORK/" "perf/keycloak/.dist")
  printf '%s\t%s\t%s\t%s\n' "$name" 1 "$share" "$rc" >> "$OUT/contention.tsv"
  stop_rss_sampler
  log "  $name: CPU foreign/ours/idle ${share// //} % (logins included); exit $rc: $(grep -m1 -iE 'forced|could not' "$OUT/$name.txt" | sed 's/^ *//'); max RSS $(sort -k2 -n "$OUT/$name.rss" | tail -1 | cut -d' ' -f2) MB"
  stop_service storm
done

if [ "$PROFILE" = 1 ]; then
  log "4. JFR profile: service on JDK $main_jdk under bench --clients 64"
  jfr="$WORK/profile.jfr"
  # 256 frames: at JFR's default of 64 a request thread's stack loses its outer frames (Jetty, Jersey).
  start_service profiled "$main_jdk" -XX:FlightRecorderOptions:stackdepth=256 "-XX:StartFlightRecording=filename=$jfr,settings=profile,dumponexit=true"
  wait_quiet "profile"
  python3 perf/cpu-share.py snap "$WORK/cpu.snap"
  REPRO_PASSWORD=$PASSWORD timeout $((WARMUP + DURATION + 240)) \
    "${REPRO[@]}" bench --base-url "http://127.0.0.1:${SVC_PORT[profiled]}" --clients 64 --duration "$DURATION" --warmup "$WARMUP" \
      --format json --output "$OUT/profile-bench-c64.json" > "$OUT/profile-bench-c64.txt" 2>&1 || true
  share=$(python3 perf/cpu-share.py diff "$WORK/cpu.snap" "$WORK/" "perf/keycloak/.dist")
  printf '%s\t%s\t%s\t%s\n' profile-bench-c64 1 "$share" - >> "$OUT/contention.tsv"
  log "  profiled bench: $(grep -m1 -E 'refreshes/s|could not' "$OUT/profile-bench-c64.txt" | sed 's/^ *//'); CPU foreign/ours/idle ${share// //} %"
  stop_service profiled
  JFR="$(jdk_home 25)/bin/jfr"
  "$JFR" summary "$jfr" > "$OUT/profile-summary.txt" 2>&1 || true
  for v in hot-methods cpu-time-hot-methods allocation-by-class contention-by-site gc thread-cpu-load; do
    "$JFR" view --width 200 "$v" "$jfr" > "$OUT/profile-$v.txt" 2>&1 || true
  done
  python3 perf/jfr-stacks.py "$JFR" "$jfr" "$OUT/profile-bench-c64.json" > "$OUT/profile-stacks.txt" 2>&1 || true
  log "  JFR recording kept (not committed): $jfr"
fi

python3 perf/summarize.py "$OUT" | tee -a "$OUT/run.log"
log "done: results in ${OUT#$ROOT/}"
