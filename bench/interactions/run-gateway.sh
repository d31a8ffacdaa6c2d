#!/usr/bin/env bash
# Ingestion benchmark through the gateway, as SDKs send interactions: starts auth, users,
# interactions and the gateway with the local launcher (own data directory, ports shifted by
# PORT_OFFSET), signs up, creates an organization and a crow_ API key, runs IngestBenchmark.java
# with X-API-Key against the gateway, reports the CPU the gateway, interaction-service and
# PostgreSQL used, and stops everything.
#   bench/interactions/run-gateway.sh [--batches 100,1000] [--concurrency 8] [--seconds 20] [--warmup 20]
# BUILD=0 skips the Maven build; PORT_OFFSET (default 1000); SERVICE_JVM_OPTS for the services
# (default: C2 and a 1 GB heap, not the launcher's start-fast settings); CROW_JAVA picks the JVM.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
offset=${PORT_OFFSET:-1000}
gateway="http://127.0.0.1:$((8080 + offset))"
origin="http://localhost:$((8080 + offset))"
work="$(mktemp -d /tmp/crow-ingest-gateway.XXXXXX)"
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ "${BUILD:-1}" == 1 ]]; then
  log "building"
  ./mvnw -B -q -DskipTests install
fi

# The rate limit counts requests, not interactions; the free tier's 60 a minute would refuse the
# benchmark after a second, so this platform's free tier is raised far above what it can reach.
export CROW_GATEWAY_RATELIMITS_TIERS_FREE_PERMINUTE=100000000
export CROW_GATEWAY_RATELIMITS_TIERS_FREE_PERDAY=1000000000
export CROW_SERVICE_JVM_OPTS="${SERVICE_JVM_OPTS:--Xms256m -Xmx1g -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError}"

log "starting auth, users, interactions and the gateway (data in $work)"
./crow up --no-build --data-dir "$work/data" --port-offset "$offset" --only auth,users,interactions,gateway \
  > "$work/platform.log" 2>&1 &
platform=$!
stop() {
  kill "$platform" 2>/dev/null || true
  wait "$platform" 2>/dev/null || true
}
trap stop EXIT
deadline=$((SECONDS + 600))
until grep -q "CROW is ready" "$work/platform.log"; do
  if ! kill -0 "$platform" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    tail -40 "$work/platform.log" >&2
    log "the platform did not start (or was not ready within 600 s)"
    exit 1
  fi
  sleep 1 # polling the launcher's log for its ready line
done
log "$(grep "CROW is ready" "$work/platform.log")"

jar="$work/cookies.txt"
email="bench.$(date +%s)@acme-retail.example"
post() { # path json -> body, fails on non-2xx
  curl -sf -b "$jar" -c "$jar" "$gateway$1" -H 'Content-Type: application/json' -H "Origin: $origin" -d "$2"
}
post /api/v1/auth/sign-up/email "{\"name\":\"Bench Owner\",\"email\":\"$email\",\"password\":\"correct horse battery\"}" > /dev/null
post /api/v1/auth/organization/create "{\"name\":\"Bench Retail\",\"slug\":\"bench-$(date +%s)\"}" > /dev/null
key=$(post /api/v1/auth/api-key/create '{"name":"ingest benchmark"}' | sed -n 's/.*"key":"\(crow_[^"]*\)".*/\1/p')
if [[ -z "$key" ]]; then
  log "could not create an API key"
  exit 1
fi

pid_of() { pgrep -f -- "$1" | head -1; }
gateway_pid=$(pid_of "gateway-.*-exec.jar")
interactions_pid=$(pid_of "interaction-service-.*-exec.jar")
postgres_pid=""
for pid in $(pgrep -x postgres || true); do
  if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$work/data"; then postgres_pid=$pid; break; fi
done
log "gateway pid $gateway_pid, interaction-service pid $interactions_pid, postgres pid ${postgres_pid:-?}"

# CPU ticks (user + system) of a process and all its descendants (PostgreSQL's backends)
ticks() {
  local pid=$1 total child
  total=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
  for child in $(pgrep -P "$pid" || true); do
    total=$((total + $(ticks "$child")))
  done
  echo "$total"
}
declare -A before
for name in gateway interactions postgres; do
  pid_var="${name}_pid"
  [[ -n "${!pid_var}" ]] && before[$name]=$(ticks "${!pid_var}")
done
started=$(date +%s.%N)

java bench/interactions/IngestBenchmark.java --base-url "$gateway" --api-key "$key" --warmup 20 \
  --cpu-pids "$(IFS=,; echo "${gateway_pid},${interactions_pid}${postgres_pid:+,$postgres_pid}")" "$@"

elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
hz=$(getconf CLK_TCK)
for name in gateway interactions postgres; do
  pid_var="${name}_pid"
  [[ -n "${!pid_var}" ]] || continue
  log "$(awk -v n="$name" -v t="$(( $(ticks "${!pid_var}") - ${before[$name]} ))" -v hz="$hz" -v e="$elapsed" \
    'BEGIN { printf "%-12s %.1f CPU-s over the whole client run (%.0f s, warm-ups included): %.2f cores", n, t / hz, e, t / hz / e }')"
done
for name in gateway interactions; do
  pid_var="${name}_pid"
  rss=$(awk '/VmHWM/ {print $2}' "/proc/${!pid_var}/status" 2>/dev/null || echo "?")
  log "$name peak RSS: $((rss / 1024)) MB"
done
