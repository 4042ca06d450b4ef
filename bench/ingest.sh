#!/usr/bin/env bash
# Ingest benchmark: N events (default 1,000,000) through the real ingest-service, against PostgreSQL COPY of the
# same rows into the same schema, in one run. The service first ingests WARMUP other events (default N / 2) from a
# cold start, and is timed on the N that follow, in its steady state; the cold rate is printed too.
# Usage: [WARMUP=events] bench/ingest.sh [events]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f ingest-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f dev-stack/target/classpath.txt ]; then
  ./mvnw -B -q package -DskipTests -pl event-contract,dev-stack,ingest-service -am
fi
# The schema migration lives in event-contract; the benchmark's COPY peer loads it from the class path.
exec java -Xmx6g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Devalboard.repo="$(pwd)" \
  -Devalboard.bench.warm-up="${WARMUP:-}" -cp "dev-stack/target/classes:$(cat dev-stack/target/classpath.txt)" \
  dev.evalboard.devstack.bench.IngestBenchmark "$@"
