#!/usr/bin/env bash
# Ingestion benchmark against a running CROW: the gateway (an API key) or the service (a JWT).
#   bench/interactions/ingest.sh http://127.0.0.1:8080 --api-key crow_...
#   bench/interactions/ingest.sh http://127.0.0.1:8085 --jwt eyJ...
# More options: --batches 100,1000 --concurrency 8 --seconds 20 --warmup 8
set -euo pipefail
base_url="${1:?usage: ingest.sh BASE_URL (--api-key KEY | --jwt TOKEN) [options]}"
shift
exec java "$(dirname "$0")/IngestBenchmark.java" --base-url "$base_url" "$@"
