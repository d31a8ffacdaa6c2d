#!/usr/bin/env bash
# Relevance of product search (fts, semantic, hybrid) on a generated catalogue with graded
# judgments: nDCG@10 and recall@10. Starts its own embedded PostgreSQL; needs nothing running.
# Usage: bench/products/relevance.sh [--verbose]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -pl product-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
module="$root/product-service"
exec java -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
  dev.crow.product.search.RelevanceBench "$@"
