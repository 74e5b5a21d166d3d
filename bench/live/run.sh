#!/usr/bin/env bash
# The live-delivery benchmark of docs/benchmarks.md (issue 4), in one run on this machine:
#   1. start the platform (LiveServer: the whole application on a throw-away embedded PostgreSQL)
#      and create BUYERS × SUPPLIERS negotiations and one API token per organization through the
#      services;
#   2. LiveClient opens two server-sent event streams per negotiation (GET /api/v1/negotiations/{id}/live,
#      one per party: 2,000 connections by default), waits for every `ready`, then the buyers post
#      messages (POST /api/v1/negotiations/{id}/messages) and each is timed until its event is read
#      from the supplier's stream: closed loop with SENDERS messages in flight (messages/s and
#      latency), then open loop at RATE messages/s (latency from the time each message was due);
#      every message must reach both parties' streams (lost, out of order are counted);
#   3. the same client, unchanged, against LiveBaseline: a bare JDK HttpServer with the same paths
#      and the same fan-out thread, no database, security or Spring;
#   4. writes target/bench/live/report.md with both runs and the ratios platform / baseline.
# Client and server share this machine's cores. Needs curl. About 3 minutes.
#
#   bench/live/run.sh                              # the full run: 50 × 20 negotiations, 2,000 streams
#   BUYERS=10 WARMUP=3 DURATION=5 bench/live/run.sh  # a quick look (400 streams)
set -euo pipefail

BUYERS=${BUYERS:-50}
SUPPLIERS=${SUPPLIERS:-20}
SENDERS=${SENDERS:-8}
RATE=${RATE:-50}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
HEAP=${HEAP:-1g}
APP_PORT=${APP_PORT:-18090}
BASE_PORT=${BASE_PORT:-18091}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/target/bench/live
mkdir -p "$OUT"
REPORT=$OUT/report.md
command -v curl > /dev/null || { echo "curl is missing (apt-get install curl)"; exit 2; }
STREAMS=$((BUYERS * SUPPLIERS * 2))
if (( $(ulimit -n) < STREAMS + 1000 )); then
  ulimit -n $((STREAMS + 1000)) 2> /dev/null || { echo "ulimit -n is $(ulimit -n): too few file descriptors for $STREAMS streams"; exit 2; }
fi

log() { echo "== $(date -u +%H:%M:%S) $*"; }

log "build"
./mvnw -q -B -o -DskipTests test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" -Dmdep.includeScope=test
# target/test-classes first: its config/application.properties gives a throw-away database and index
CP="target/test-classes:target/classes:$(cat "$OUT/classpath")"

for port in "$APP_PORT" "$BASE_PORT"; do
  if (echo > /dev/tcp/127.0.0.1/$port) 2> /dev/null; then
    echo "port $port is taken: is an earlier run still going?"
    exit 1
  fi
done
SERVER_PID=
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2> /dev/null || true
  wait 2> /dev/null || true
}
trap cleanup EXIT

await_ready() { # log file, seconds
  for _ in $(seq 1 "$2"); do
    grep -q '^READY' "$1" && return 0
    kill -0 "$SERVER_PID" 2> /dev/null || break
    sleep 1
  done
  echo "the server did not get ready"; tail -50 "$1"; exit 1
}
client() { # label, port, fixture, [java options]
  "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" "${@:4}" -cp "$CP" trade.caravan.bench.LiveClient "http://127.0.0.1:$2" "$3" "$1" \
    "$SENDERS" "$WARMUP" "$DURATION" "$RATE"
}

log "start the platform, create $((BUYERS * SUPPLIERS)) negotiations"
# exec: $! is then the JVM itself
(exec "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -cp "$CP" trade.caravan.bench.LiveServer "$APP_PORT" "$BUYERS" "$SUPPLIERS" \
  "$OUT/fixture-app.txt" --logging.level.root=warn > "$OUT/app.log" 2>&1) &
SERVER_PID=$!
await_ready "$OUT/app.log" 300
grep '^created' "$OUT/app.log"
log "platform: $STREAMS streams, then messages"
client app "$APP_PORT" "$OUT/fixture-app.txt" -Dlive.metrics="http://127.0.0.1:$APP_PORT/actuator/prometheus" \
  | tee "$OUT/app.txt"
errors_logged=$(grep -c ' ERROR ' "$OUT/app.log" || true)
kill "$SERVER_PID"; wait "$SERVER_PID" 2> /dev/null || true

log "baseline: $STREAMS streams, then messages"
(exec "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -cp "$CP" trade.caravan.bench.LiveBaseline "$BASE_PORT" "$((BUYERS * SUPPLIERS))" \
  "$OUT/fixture-baseline.txt" > "$OUT/baseline.log" 2>&1) &
SERVER_PID=$!
await_ready "$OUT/baseline.log" 60
client baseline "$BASE_PORT" "$OUT/fixture-baseline.txt" | tee "$OUT/baseline.txt"
kill "$SERVER_PID"; wait "$SERVER_PID" 2> /dev/null || true
SERVER_PID=

line() { grep "^RESULT $2" "$1"; }
value() { grep -o " $2=[0-9.]*" <<< "$1" | cut -d= -f2; }
ratio() { python3 -c "import sys
try: print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')
except (ValueError, ZeroDivisionError): print('n/a')" "$1" "$2"; }
app_open=$(line "$OUT/app.txt" open) base_open=$(line "$OUT/baseline.txt" open)
app_closed=$(line "$OUT/app.txt" "app mode=closed") base_closed=$(line "$OUT/baseline.txt" "baseline mode=closed")
app_rate=$(line "$OUT/app.txt" "app mode=open") base_rate=$(line "$OUT/baseline.txt" "baseline mode=open")
app_del=$(line "$OUT/app.txt" "app delivery") base_del=$(line "$OUT/baseline.txt" "baseline delivery")
server_count=$(grep -o 'caravan_live_connections=[0-9.]*' "$OUT/app.txt" | cut -d= -f2 || true)
row() { # name, closed/open line
  echo "| $1 | $(value "$2" msgs_per_s) | $(value "$2" n) | $(value "$2" p50_ms) | $(value "$2" p90_ms) | $(value "$2" p99_ms) | $(value "$2" p999_ms) | $(value "$2" max_ms) | $(value "$2" errors) |"
}
cat > "$REPORT" << EOF
# Live delivery benchmark, $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))

Command: \`bench/live/run.sh\` (BUYERS=$BUYERS SUPPLIERS=$SUPPLIERS SENDERS=$SENDERS RATE=$RATE WARMUP=$WARMUP DURATION=$DURATION HEAP=$HEAP);
client and server on the same $(nproc) cores, server and client heap $HEAP each.

- Streams: $STREAMS open at once (two per negotiation, one per party); the platform counted
  ${server_count:-?} open live connections. Opened and \`ready\`: platform $(value "$app_open" seconds) s
  ($(value "$app_open" per_s)/s), baseline $(value "$base_open" seconds) s ($(value "$base_open" per_s)/s).
- Latency: from just before the buyer's POST to the event read from the supplier's stream.

| run | messages/s | measured | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |
|---|---|---|---|---|---|---|---|---|
$(row "platform, closed loop, $SENDERS in flight" "$app_closed")
$(row "baseline, closed loop, $SENDERS in flight" "$base_closed")
$(row "platform, open loop at $RATE/s" "$app_rate")
$(row "baseline, open loop at $RATE/s" "$base_rate")

- Ratios platform / baseline, closed loop: messages/s **$(ratio "$(value "$app_closed" msgs_per_s)" "$(value "$base_closed" msgs_per_s)")**,
  p50 **$(ratio "$(value "$app_closed" p50_ms)" "$(value "$base_closed" p50_ms)")×**,
  p99 **$(ratio "$(value "$app_closed" p99_ms)" "$(value "$base_closed" p99_ms)")×**;
  open loop at $RATE/s: p50 **$(ratio "$(value "$app_rate" p50_ms)" "$(value "$base_rate" p50_ms)")×**,
  p99 **$(ratio "$(value "$app_rate" p99_ms)" "$(value "$base_rate" p99_ms)")×**.
- Delivery, platform: posted $(value "$app_del" posted), heard by supplier $(value "$app_del" supplier_heard),
  by buyer $(value "$app_del" buyer_heard), **lost $(value "$app_del" lost)**, out of order $(value "$app_del" out_of_order),
  stream failures $(value "$app_del" stream_failures), POST errors $(value "$app_del" post_errors),
  timeouts $(value "$app_del" timeouts); ERROR lines in the platform's log: $errors_logged.
- Delivery, baseline: posted $(value "$base_del" posted), lost $(value "$base_del" lost), out of order
  $(value "$base_del" out_of_order), stream failures $(value "$base_del" stream_failures).
EOF
log "report"
cat "$REPORT"
