#!/usr/bin/env bash
# What the transparency log's start-up (and daily) check costs as the log grows (docs/benchmarks.md,
# issue 5): the log is filled through the real append path (one signed head per leaf, as in
# production) to each size, then checked whole, best of 3, against the bare SHA-256 and Ed25519 work
# such a check cannot avoid, measured in the same run (LogCheckBench). Throw-away embedded
# PostgreSQL. Writes target/bench/documents/logcheck.md.
#
#   bench/documents/logcheck.sh                 # sizes 1000 10000 50000
#   SIZES="1000 5000" bench/documents/logcheck.sh
set -euo pipefail

SIZES=${SIZES:-1000 10000 50000}
HEAP=${HEAP:-1g}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

cd "$(dirname "$0")/../.."
OUT=$PWD/target/bench/documents
mkdir -p "$OUT"
./mvnw -q -B -o -DskipTests test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$OUT/classpath" -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat "$OUT/classpath")"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -Xmx"$HEAP" -cp "$CP" trade.caravan.documents.transparency.LogCheckBench "$OUT/logcheck.md" \
    $SIZES --logging.level.root=WARN 2>&1 | grep -v "^\s*$" | tail -20
echo "report: $OUT/logcheck.md"
