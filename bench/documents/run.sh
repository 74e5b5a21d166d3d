#!/usr/bin/env bash
# The documents benchmark of docs/benchmarks.md (issue 5), in one run on this machine: documents per
# second, one thread, for rendering a contract (PDF/A-3b), signing it PAdES B-LT with the transparency
# log append, and verifying it (DSS full validation and the log inclusion proof), against plain
# PDFBox + CMS sign and verify of the same PDF with the same key, measured in the same run
# (DocumentsBench). The platform runs in-process on a throw-away embedded PostgreSQL.
# Writes target/bench/documents/report.md. About 3 minutes with the defaults.
#
#   bench/documents/run.sh                  # WARMUP=10 MEASURE=20 seconds per step
#   WARMUP=2 MEASURE=5 bench/documents/run.sh
#   THREADS=2 bench/documents/run.sh        # every step on two threads at once (both cores)
set -euo pipefail

WARMUP=${WARMUP:-10}
THREADS=${THREADS:-1}
MEASURE=${MEASURE:-20}
HEAP=${HEAP:-1g}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

cd "$(dirname "$0")/../.."
OUT=$PWD/target/bench/documents
mkdir -p "$OUT"
./mvnw -q -B -o -DskipTests test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" -Dmdep.includeScope=test
# target/test-classes first: its config/application.properties gives a throw-away database
CP="target/test-classes:target/classes:$(cat "$OUT/classpath")"
"$JAVA_HOME/bin/java" -Xmx"$HEAP" -cp "$CP" trade.caravan.bench.DocumentsBench "$WARMUP" "$MEASURE" \
    "$OUT/report.md" "$THREADS" --logging.level.root=WARN --logging.level.eu.europa.esig=ERROR 2>&1 | grep -v "^\s*$" | tail -30
echo "report: $OUT/report.md"
