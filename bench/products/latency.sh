#!/usr/bin/env bash
# Product search latency (p50/p95/p99) at 10,000 and 100,000 products per organization, against
# an embedded PostgreSQL it starts itself. Vectors of the catalogue are synthetic (random unit
# vectors); query vectors come from the real embedding model. Needs nothing running.
# Usage: bench/products/latency.sh [size …]   (default: 10000 100000); BENCH_JAVA=/path/to/java picks the JVM.
# The JVM runs with the Vector API module, as product-service should in production (int8 SIMD scan).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -pl product-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
module="$root/product-service"
exec "${BENCH_JAVA:-java}" -Xmx3g --add-modules jdk.incubator.vector -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  dev.crow.product.search.LatencyBench "$@"
