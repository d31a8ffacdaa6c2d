#!/usr/bin/env bash
# Time and memory to mine ~1 million synthetic interactions with pattern-service's miner (a Java
# main over generated data, read from a temporary NDJSON file so that generation is not timed).
#   bench/patterns/mine-1m.sh [interactions=1000000] [days=90]
# BENCH_HEAP sets the heap limit (default 512m), to show the miner fits in it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -o -pl pattern-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="pattern-service/target/test-classes:pattern-service/target/classes:$(cat pattern-service/target/bench.classpath)"
exec java -Xmx"${BENCH_HEAP:-512m}" -XX:+UseParallelGC -cp "$cp" dev.crow.pattern.bench.MiningBenchmark "$@"
