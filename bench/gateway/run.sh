#!/usr/bin/env bash
# Gateway benchmark: the same tiny backend measured three ways on this machine, alternating,
#   direct   wrk -> nginx answering from memory
#   nginx    wrk -> nginx reverse proxy (keep-alive upstream, HTTP/1.1) -> backend
#   gateway  wrk -> CROW gateway (API-key auth, internal JWT injection, rate limiting) -> backend
# then the gateway once more at half its peak rate, for its latency under a steady load.
#
# Usage: bench/gateway/run.sh            (defaults: 3 rounds x 15 s, wrk -t1 -c32)
#   ROUNDS=5 DURATION=30 CONNECTIONS=64 JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/gateway/run.sh
#   BUILD=0 skips the Maven build when the jar is already there; JFR=1 records a flight recording
#   of the gateway and prints where its CPU time goes.
# Everything listens on 127.0.0.1 only. Needs wrk and nginx (installed with apt-get when missing).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
WARMUP=${WARMUP:-60}
BUILD=${BUILD:-1}
JFR=${JFR:-0}
BACKEND_PORT=${BACKEND_PORT:-19081}
PROXY_PORT=${PROXY_PORT:-19082}
AUTH_PORT=${AUTH_PORT:-19083}
GATEWAY_PORT=${GATEWAY_PORT:-19080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-19180}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# Two event loops for two cores; the heap is small and the collector simple because the gateway keeps
# little state. Add -Dreactor.netty.native=false to compare with the NIO transport.
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC -Dio.netty.leakDetection.level=disabled -Dreactor.netty.ioWorkerCount=2}
JAR="$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar"
API_KEY="crow_bench_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SERVICE_KEY="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PATH_UNDER_TEST=/api/v1/products/bench
WORK=$(mktemp -d /tmp/crow-gateway-bench.XXXXXX)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for conf in backend proxy; do
    [ -f "$WORK/$conf.pid" ] && kill "$(cat "$WORK/$conf.pid")" 2>/dev/null || true
  done
}
trap cleanup EXIT

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

wait_for() { # url, seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    if [ $SECONDS -ge $deadline ]; then log "not ready after $2 s: $1"; exit 1; fi
    sleep 0.2
  done
}

install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build_gateway() {
  if [ "$BUILD" = 1 ] || [ ! -f "$JAR" ]; then
    log "building the gateway"
    (cd "$ROOT" && { ./mvnw -B -q -o -pl gateway -DskipTests package || ./mvnw -B -q -pl gateway -DskipTests package; })
  fi
}

start_nginx() {
  cat > "$WORK/backend.conf" <<EOF
worker_processes 1;
pid $WORK/backend.pid;
error_log $WORK/backend-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    location / {
      default_type application/json;
      return 200 '{"id":"bench","name":"CROW benchmark product","price":{"amount":1299,"currency":"EUR"}}';
    }
  }
}
EOF
  cat > "$WORK/proxy.conf" <<EOF
worker_processes auto;
pid $WORK/proxy.pid;
error_log $WORK/proxy-error.log warn;
events { worker_connections 4096; }
http {
  access_log $WORK/proxy-access.log combined buffer=64k flush=1s;
  keepalive_requests 10000000;
  keepalive_timeout 75s;
  upstream backend {
    server 127.0.0.1:$BACKEND_PORT;
    keepalive 128;
    keepalive_requests 10000000;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Request-Id \$request_id;
    }
  }
}
EOF
  nginx -p "$WORK" -c "$WORK/backend.conf"
  nginx -p "$WORK" -c "$WORK/proxy.conf"
  wait_for "http://127.0.0.1:$BACKEND_PORT/" 10
  wait_for "http://127.0.0.1:$PROXY_PORT/" 10
}

start_fake_auth() {
  python3 "$HERE/fake_auth.py" "$AUTH_PORT" "$SERVICE_KEY" &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$AUTH_PORT/" 10
}

start_gateway() {
  local jfr_opts=() java_major
  java_major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [ "${java_major%%.*}" -ge 24 ] 2>/dev/null && [[ "$GATEWAY_JAVA_OPTS" != *unsafe-memory-access* ]]; then
    # Netty uses sun.misc.Unsafe for its buffers only when allowed; Java 24+ forbids it by default.
    GATEWAY_JAVA_OPTS="$GATEWAY_JAVA_OPTS --sun-misc-unsafe-memory-access=allow"
  fi
  if [ "$JFR" = 1 ]; then
    jfr_opts=(-XX:+FlightRecorder "-XX:StartFlightRecording=filename=$WORK/gateway.jfr,settings=profile,dumponexit=true")
  fi
  # shellcheck disable=SC2086
  CROW_PLATFORM_SERVICE_KEY="$SERVICE_KEY" "$JAVA" $GATEWAY_JAVA_OPTS "${jfr_opts[@]}" -jar "$JAR" \
    --server.port="$GATEWAY_PORT" \
    --server.address=127.0.0.1 \
    --management.server.port="$MANAGEMENT_PORT" \
    --management.server.address=127.0.0.1 \
    --crow.gateway.services.auth="http://127.0.0.1:$AUTH_PORT" \
    --crow.gateway.services.products="http://127.0.0.1:$BACKEND_PORT" \
    > "$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  wait_for "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" 180
  local probe
  probe=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $API_KEY" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST")
  if [ "$probe" != 200 ]; then log "gateway answered $probe to an authenticated request"; tail -20 "$WORK/gateway.log"; exit 1; fi
}

url_of() {
  case $1 in
    direct) echo "http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST" ;;
    nginx) echo "http://127.0.0.1:$PROXY_PORT$PATH_UNDER_TEST" ;;
    gateway) echo "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" ;;
  esac
}

# cpu ticks (user+system) of a set of pids
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

pids_of() {
  case $1 in
    gateway) echo "$GATEWAY_PID" ;;
    nginx) pgrep -P "$(cat "$WORK/proxy.pid")" | tr '\n' ' ' ;;
    direct) pgrep -P "$(cat "$WORK/backend.pid")" | tr '\n' ' ' ;;
  esac
}

# wrk output -> "rps p50_ms p99_ms requests non2xx"
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /requests in/ { requests = $1 }
    /Non-2xx/ { non2xx = $NF }
    /^Requests\/sec:/ { rps = $2 }
    END { printf "%.0f %.3f %.3f %d %d\n", rps, p50, p99, requests, non2xx + 0 }' "$1"
}

run_wrk() { # name seconds [extra wrk args...] -> appends to $WORK/<name>.results
  local name=$1 seconds=$2; shift 2
  local out="$WORK/wrk-$name-$(date +%s%N).txt" pids before after
  pids=$(pids_of "$name")
  # shellcheck disable=SC2086
  before=$(cpu_ticks $pids)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -H "X-API-Key: $API_KEY" "$@" "$(url_of "$name")" > "$out"
  # shellcheck disable=SC2086
  after=$(cpu_ticks $pids)
  echo "$(parse_wrk "$out") $((after - before))"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ports_free() {
  local port
  for port in "$BACKEND_PORT" "$PROXY_PORT" "$AUTH_PORT" "$GATEWAY_PORT" "$MANAGEMENT_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "port $port is already in use on 127.0.0.1; stop what listens there or set *_PORT variables"
      exit 1
    fi
  done
}

main() {
  ports_free
  install_tools
  build_gateway
  start_nginx
  start_fake_auth
  start_gateway
  log "warming up (direct 5 s, nginx 5 s, gateway $WARMUP s)"
  run_wrk direct 5 > /dev/null
  run_wrk nginx 5 > /dev/null
  run_wrk gateway "$WARMUP" > /dev/null
  for round in $(seq 1 "$ROUNDS"); do
    for name in direct nginx gateway; do
      log "round $round/$ROUNDS: $name ${DURATION}s"
      run_wrk "$name" "$DURATION" >> "$WORK/$name.results"
    done
  done

  local ticks_per_second; ticks_per_second=$(getconf CLK_TCK)
  declare -A RPS P50 P99 CPU
  for name in direct nginx gateway; do
    RPS[$name]=$(awk '{print $1}' "$WORK/$name.results" | median)
    P50[$name]=$(awk '{print $2}' "$WORK/$name.results" | median)
    P99[$name]=$(awk '{print $3}' "$WORK/$name.results" | median)
    CPU[$name]=$(awk -v t="$ticks_per_second" '{ req += $4; ticks += $6 } END { if (req) printf "%.1f", ticks / t * 1e6 / req; else print "-" }' "$WORK/$name.results")
    if awk '{ bad += $5 } END { exit !(bad > 0) }' "$WORK/$name.results"; then
      log "WARNING: $name had non-2xx answers: $(awk '{ bad += $5 } END { print bad }' "$WORK/$name.results")"
    fi
  done

  # Half the gateway's peak, paced by wrk's per-connection delay(): each of C connections waits a random
  # 0..2D ms (D on average) before each request, so the offered rate is about C * 1000 / (D + latency).
  # The delays are random so that the connections do not fire in step: with a fixed delay all C requests
  # arrive together every D ms, a burst of C rather than a steady rate. A short calibration run corrects
  # C for the actual latency before the measured run; nginx is then measured at the same offered load.
  local half delay_ms conns calibration achieved
  half=$(awk -v r="${RPS[gateway]}" 'BEGIN { printf "%d", r / 2 }')
  delay_ms=10
  conns=$(awk -v r="$half" -v d="$delay_ms" -v l="${P50[gateway]}" 'BEGIN { c = int(r * (d + l / 2) / 1000 + 0.5); if (c < 1) c = 1; print c }')
  cat > "$WORK/paced.lua" <<EOF
function delay() return math.random(0, 2 * $delay_ms) end
EOF
  calibration=$(CONNECTIONS=$conns run_wrk gateway 5 -s "$WORK/paced.lua")
  achieved=$(awk '{print $1}' <<< "$calibration")
  conns=$(awk -v c="$conns" -v r="$half" -v a="$achieved" 'BEGIN { if (a > 0) c = int(c * r / a + 0.5); if (c < 1) c = 1; if (c > 2000) c = 2000; print c }')
  log "gateway at half its peak: target $half req/s ($conns connections, 0-$((2 * delay_ms)) ms apart) for ${DURATION}s"
  local half_result nginx_half_result
  half_result=$(CONNECTIONS=$conns run_wrk gateway "$DURATION" -s "$WORK/paced.lua")
  log "nginx at the same offered load for ${DURATION}s"
  nginx_half_result=$(CONNECTIONS=$conns run_wrk nginx "$DURATION" -s "$WORK/paced.lua")
  local rss_kb introspections
  rss_kb=$(ps -o rss= -p "$GATEWAY_PID" | tr -d ' ')
  introspections=$(curl -s "http://127.0.0.1:$AUTH_PORT/" | sed 's/.*"introspections": *\([0-9]*\).*/\1/')

  echo
  echo "CROW gateway benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
  echo "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds x ${DURATION}s alternating, medians; path $PATH_UNDER_TEST"
  echo "gateway: API key (X-API-Key) resolved through a fake introspection server started by this script"
  echo "         (the principal is cached, so it answered $introspections times in the whole run),"
  echo "         internal JWT injected, rate limiting on (enterprise limits high enough never to refuse)"
  echo "JVM options: $GATEWAY_JAVA_OPTS"
  echo
  printf '%-8s %12s %10s %10s %14s\n' path "req/s" "p50 ms" "p99 ms" "CPU us/req"
  for name in direct nginx gateway; do
    printf '%-8s %12s %10s %10s %14s\n' "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${CPU[$name]}"
  done
  echo
  awk -v g="${RPS[gateway]}" -v n="${RPS[nginx]}" -v d="${RPS[direct]}" \
    'BEGIN { printf "throughput ratios: gateway/nginx = %.2f, gateway/direct = %.2f, nginx/direct = %.2f\n", g / n, g / d, n / d }'
  read -r hrps hp50 hp99 _ hbad _ <<< "$half_result"
  echo "gateway at half peak (target $half req/s): achieved $hrps req/s, p50 $hp50 ms, p99 $hp99 ms, non-2xx $hbad"
  read -r nrps np50 np99 _ _ <<< "$nginx_half_result"
  echo "nginx at the same offered load:            achieved $nrps req/s, p50 $np50 ms, p99 $np99 ms"
  echo "gateway RSS after the run: $((rss_kb / 1024)) MB"
  echo "raw wrk outputs and logs: $WORK"

  if [ "$JFR" = 1 ]; then
    kill "$GATEWAY_PID"; wait "$GATEWAY_PID" 2>/dev/null || true
    echo
    echo "Where the event loops spend their time (JFR jdk.ExecutionSample, reactor-http threads):"
    "${JAVA%java}jfr" print --events jdk.ExecutionSample --stack-depth 300 "$WORK/gateway.jfr" > "$WORK/samples.txt"
    awk 'BEGIN { RS = "jdk.ExecutionSample" }
      /reactor-http/ { n++; delete seen; lines = split($0, l, "\n"); top = 1
        for (i = 1; i <= lines; i++) if (l[i] ~ /line:/) { f = l[i]; sub(/^[ \t]+/, "", f); sub(/\(.*/, "", f)
          if (top) { self[f]++; top = 0 }
          if (!(f in seen)) { seen[f] = 1; incl[f]++ } } }
      END { for (f in self) printf "self %.1f %s\n", self[f] * 100 / n, f
            for (f in incl) if (f ~ /^dev\.crow/) printf "own %.1f %s\n", incl[f] * 100 / n, f
            printf "samples %d\n", n }' "$WORK/samples.txt" > "$WORK/profile.txt"
    echo "  $(awk '$1 == "samples" {print $2}' "$WORK/profile.txt") samples; top of stack:"
    awk '$1 == "self" { printf "  %5.1f%% %s\n", $2, $3 }' "$WORK/profile.txt" | sort -rn | head -20
    echo "  inside the gateway's own code (inclusive):"
    awk '$1 == "own" { printf "  %5.1f%% %s\n", $2, $3 }' "$WORK/profile.txt" | sort -rn | head -15
  fi
}

main "$@"
