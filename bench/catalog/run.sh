#!/usr/bin/env bash
# The catalog benchmark of docs/benchmarks.md, in one run on this machine:
#   1. generate LISTINGS listings and QUERIES benchmark queries into an embedded PostgreSQL of its own;
#   2. rebuild the search index from the database (documents/s, index size);
#   3. the query mix over HTTP against the platform with wrk, against raw Lucene in-process on the
#      same index (LuceneBaseline) and against PostgreSQL full-text search on the same rows
#      (PostgresBaseline), all closed-loop with CONNECTIONS at a time;
#   4. a public product page with wrk, against a bare JDK HttpServer sending the same bytes.
# Every figure lands in target/bench/catalog/report.md. Needs wrk, curl and jq.
#
#   bench/catalog/run.sh                          # the full run: 1,000,000 listings
#   LISTINGS=20000 DURATION=5 bench/catalog/run.sh  # a quick look
#   REUSE=1 bench/catalog/run.sh                   # keep the generated database and index
set -euo pipefail

LISTINGS=${LISTINGS:-1000000}
QUERIES=${QUERIES:-10000}
CONNECTIONS=${CONNECTIONS:-4}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-30}
CHECKED=${CHECKED:-300}
HEAP=${HEAP:-4g}
PG_PORT=${PG_PORT:-55432}
APP_PORT=${APP_PORT:-18080}
FIXED_PORT=${FIXED_PORT:-18081}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/target/bench/catalog
mkdir -p "$OUT"
REPORT=$OUT/report.md
for tool in wrk curl jq; do
  command -v $tool > /dev/null || { echo "$tool is missing (apt-get install $tool)"; exit 2; }
done

log() { echo "== $(date -u +%H:%M:%S) $*"; }

log "build"
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" -Dmdep.includeScope=test
JAR=$(ls target/caravan-*.jar | head -1)
CP="target/test-classes:target/classes:$(cat "$OUT/classpath")"

APP_ARGS=(--server.address=127.0.0.1 --caravan.database.embedded.data-dir="$OUT/postgres"
  --caravan.database.embedded.port="$PG_PORT" --caravan.search.index-dir="$OUT/search"
  --logging.file.name="$OUT/caravan.log")
# exec: in the background, $! is then the JVM itself, which the clean-up below stops
app() { exec "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -jar "$JAR" "${APP_ARGS[@]}" "$@"; }

seconds_between() { # two ISO timestamps of the log
  python3 -c "import sys,datetime as d;f=lambda s:d.datetime.fromisoformat(s.replace('Z','+00:00'));print((f(sys.argv[2])-f(sys.argv[1])).total_seconds())" "$1" "$2"
}

if [[ "${REUSE:-0}" != 1 || ! -d "$OUT/postgres" ]]; then
  log "generate $LISTINGS listings and $QUERIES queries"
  rm -rf "$OUT/postgres" "$OUT/search"
  (app --server.port=0 --caravan.generate.listings="$LISTINGS" --caravan.generate.queries="$QUERIES" \
    --caravan.generate.queries-file="$OUT/queries.jsonl" > "$OUT/generate.log" 2>&1)
  grep -o 'Generated .*listings/s, [0-9]* rows/s' "$OUT/generate.log"
fi

if [[ "${REUSE:-0}" != 1 || ! -d "$OUT/search" ]]; then
  log "rebuild the search index"
  (app --server.port=0 --caravan.search.reindex > "$OUT/reindex.log" 2>&1)
fi
started=$(grep 'Rebuilding the search index' "$OUT/reindex.log" | tail -1 | awk '{print $1}')
ended=$(grep 'Rebuilt the search index' "$OUT/reindex.log" | tail -1 | awk '{print $1}')
indexed=$(grep -o 'Rebuilt the search index: [0-9]*' "$OUT/reindex.log" | tail -1 | grep -o '[0-9]*$')
index_seconds=$(seconds_between "$started" "$ended")
index_rate=$(python3 -c "print(round($indexed / $index_seconds))")
index_bytes=$(du -sb "$OUT/search" | cut -f1)
index_size=$(du -sh "$OUT/search" | cut -f1)
log "indexed $indexed documents in $index_seconds s: $index_rate documents/s; index $index_size"

for port in "$APP_PORT" "$FIXED_PORT" "$PG_PORT"; do
  if (echo > /dev/tcp/127.0.0.1/$port) 2> /dev/null; then
    echo "port $port is taken: is an earlier run still going?"
    exit 1
  fi
done
log "start the platform"
app --server.port="$APP_PORT" > "$OUT/app.log" 2>&1 &
APP_PID=$!
FIXED_PID=
cleanup() { # the platform stops its PostgreSQL on the way out: wait for it
  [[ -n "$FIXED_PID" ]] && kill "$FIXED_PID" 2> /dev/null || true
  kill "$APP_PID" 2> /dev/null || true
  wait 2> /dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" > /dev/null && break
  sleep 1
done
curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" > /dev/null || { echo "the platform did not start"; tail -50 "$OUT/app.log"; exit 1; }

"$JAVA" -cp "$CP" trade.caravan.bench.SearchMix "$OUT/queries.jsonl" "$OUT/search-paths.txt"

log "check: the baseline answers the same questions (first $CHECKED queries, totals of unbroadened answers)"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" trade.caravan.bench.LuceneBaseline "$OUT/search/listing" "$OUT/queries.jsonl" totals "$CHECKED" > "$OUT/lucene-totals.txt"
checked=0 same=0 broadened=0
while IFS=$'\t' read -r path expected; do
  answer=$(curl -fs -H 'Accept: application/json' "http://127.0.0.1:$APP_PORT$path")
  if [[ $(jq -r .broadened <<< "$answer") == true ]]; then
    broadened=$((broadened + 1))
    continue
  fi
  checked=$((checked + 1))
  actual=$(jq -r .total <<< "$answer")
  if [[ "$actual" == "$expected" ]]; then
    same=$((same + 1))
  else
    echo "different total: $path API $actual, Lucene $expected"
  fi
done < <(paste <(head -n "$CHECKED" "$OUT/search-paths.txt") "$OUT/lucene-totals.txt")
log "totals: $same of $checked equal ($broadened broadened by the platform, not compared)"
if [[ "$same" != "$checked" ]]; then
  echo "the baseline does not answer the same queries as the platform: the comparison would mean nothing"
  exit 1
fi

wrk_run() { # name, paths file, port
  PATHS="$2" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/paths.lua "http://127.0.0.1:$3" > /dev/null
  PATHS="$2" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/paths.lua "http://127.0.0.1:$3" \
    | grep '^RESULT' | sed "s/^RESULT /RESULT $1 threads=$CONNECTIONS /"
}
value() { grep -o "$2=[0-9.]*" <<< "$1" | cut -d= -f2; }

log "search over HTTP"
http=$(wrk_run http "$OUT/search-paths.txt" "$APP_PORT")
echo "$http"
log "search on raw Lucene"
"$JAVA" --enable-native-access=ALL-UNNAMED -Xmx"$HEAP" -cp "$CP" trade.caravan.bench.LuceneBaseline "$OUT/search/listing" \
  "$OUT/queries.jsonl" "$CONNECTIONS" "$WARMUP" "$DURATION" > "$OUT/lucene.txt"
cat "$OUT/lucene.txt"
lucene=$(grep '^RESULT' "$OUT/lucene.txt")
log "search on PostgreSQL full text"
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/caravan"
"$JAVA" -cp "$CP" trade.caravan.bench.PostgresBaseline "$PG_URL" postgres "" prepare | tee "$OUT/pg-prepare.txt"
"$JAVA" -cp "$CP" trade.caravan.bench.PostgresBaseline "$PG_URL" postgres "" run "$OUT/queries.jsonl" \
  "$CONNECTIONS" "$WARMUP" "$DURATION" > "$OUT/postgres.txt"
cat "$OUT/postgres.txt"
postgres=$(grep '^RESULT' "$OUT/postgres.txt")

log "public product page"
product=$(curl -fs -H 'Accept: application/json' "http://127.0.0.1:$APP_PORT/api/v1/search?limit=1" | jq -r '.items[0].id')
page="/products/$product"
curl -fs -H 'Accept-Language: en' "http://127.0.0.1:$APP_PORT$page" -o "$OUT/product.html"
echo "$page" > "$OUT/page-paths.txt"
echo "/" > "$OUT/fixed-paths.txt"
page_run=$(wrk_run page "$OUT/page-paths.txt" "$APP_PORT")
echo "$page_run"
"$JAVA" -Dsun.net.httpserver.nodelay=true -cp "$CP" trade.caravan.bench.FixedResponseServer "$FIXED_PORT" "$OUT/product.html" &
FIXED_PID=$!
for _ in $(seq 1 60); do
  (echo > /dev/tcp/127.0.0.1/$FIXED_PORT) 2> /dev/null && break
  sleep 0.5
done
fixed_run=$(wrk_run fixed "$OUT/fixed-paths.txt" "$FIXED_PORT")
echo "$fixed_run"

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
http_rps=$(value "$http" rps) lucene_rps=$(value "$lucene" rps)
http_p99=$(value "$http" p99_ms) pg_p99=$(value "$postgres" p99_ms)
cat > "$REPORT" << EOF
# Catalog benchmark, $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))

Command: \`bench/catalog/run.sh\` (LISTINGS=$LISTINGS QUERIES=$QUERIES CONNECTIONS=$CONNECTIONS WARMUP=$WARMUP DURATION=$DURATION HEAP=$HEAP)

- Generation (bench data, not a target): $(grep -o 'Generated .*rows/s' "$OUT/generate.log" | tail -1).
- Indexing: $indexed documents in $index_seconds s, **$index_rate documents/s**; index $index_size ($index_bytes bytes).
- Same question: $same of $checked unbroadened answers of the API have the baseline's total ($broadened broadened).

| run | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |
|---|---|---|---|---|---|---|
| search over HTTP | $http_rps | $(value "$http" p50_ms) | $(value "$http" p90_ms) | $http_p99 | $(value "$http" max_ms) | $(value "$http" errors)+$(value "$http" non2xx) |
| raw Lucene in-process | $lucene_rps | $(value "$lucene" p50_ms) | $(value "$lucene" p90_ms) | $(value "$lucene" p99_ms) | $(value "$lucene" max_ms) | 0 |
| PostgreSQL full text | $(value "$postgres" rps) | $(value "$postgres" p50_ms) | $(value "$postgres" p90_ms) | $pg_p99 | $(value "$postgres" max_ms) | 0 |
| product page over HTTP | $(value "$page_run" rps) | $(value "$page_run" p50_ms) | $(value "$page_run" p90_ms) | $(value "$page_run" p99_ms) | $(value "$page_run" max_ms) | $(value "$page_run" errors)+$(value "$page_run" non2xx) |
| bare JDK HttpServer, same bytes | $(value "$fixed_run" rps) | $(value "$fixed_run" p50_ms) | $(value "$fixed_run" p90_ms) | $(value "$fixed_run" p99_ms) | $(value "$fixed_run" max_ms) | $(value "$fixed_run" errors)+$(value "$fixed_run" non2xx) |

- Search p99 over HTTP: $http_p99 ms (target ≤ 15 ms).
- HTTP throughput / raw Lucene: **$(ratio "$http_rps" "$lucene_rps")** (target ≥ 0.80).
- PostgreSQL p99 / HTTP p99: **$(ratio "$pg_p99" "$http_p99")×** (target ≥ 40×).
- Product page / bare HttpServer: **$(ratio "$(value "$page_run" rps)" "$(value "$fixed_run" rps)")** (target ≥ 0.50); page of $(wc -c < "$OUT/product.html") bytes.
EOF
log "report"
cat "$REPORT"
