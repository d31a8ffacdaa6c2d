#!/usr/bin/env bash
# Ingestion benchmark directly against interaction-service: builds the service, starts it as its
# own process on a fresh embedded PostgreSQL with a local key set, runs IngestBenchmark.java with
# a JWT, and tears everything down.
#   bench/interactions/run-local.sh [--batches 100,1000] [--concurrency 8] [--seconds 20] [--warmup 8]
# BENCH_DURABLE=true keeps PostgreSQL's fsync and synchronous commit on (default: off, as the
# local launcher and tests run it). BENCH_SERVICE_JAVA picks the service's JVM.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -o -pl interaction-service package -DskipTests
./mvnw -B -q -o -pl interaction-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="interaction-service/target/test-classes:interaction-service/target/classes:$(cat interaction-service/target/bench.classpath)"
jar="$(ls interaction-service/target/interaction-service-*-exec.jar | head -1)"
exec java -Dbench.durable="${BENCH_DURABLE:-false}" -Dbench.service.java="${BENCH_SERVICE_JAVA:-java}" \
  -cp "$cp" dev.crow.interaction.bench.LocalIngestBench "$jar" bench/interactions/IngestBenchmark.java "$@"
