#!/usr/bin/env bash
# Live benchmark, one command: reads and freshness while writing, with query-service on the primary and then on a
# streaming hot standby (as k8s/ deploys it). 1,000,000 current results (MODELS x BENCHMARKS), ingest at INGEST_RATE
# events/s, the leaderboards at READ_RATE req/s (cached) and UNCACHED_RATE req/s (response cache off),
# publish->visible latency to the database, the leaderboard and the chart. Peers, during the same ingest: pgbench
# runs the leaderboard's own SQL at the same rate on the same database, and nginx serves the cached reads' answers
# as static files at the same rate, with the freshness markers going on as during the cached reads. Each measured
# phase starts once ingest has caught up with the stream. Takes about 12 minutes.
#
# Environment: MODELS (100000), BENCHMARKS (10), INGEST_RATE (1000), READ_RATE (1000), UNCACHED_RATE (500),
# DURATION (30) seconds per measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pgbench >/dev/null; then
  apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null
fi
if ! command -v nginx >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null
fi
for module in ingest-service query-service chart-service; do
  if [ ! -f "$module/target/quarkus-app/quarkus-run.jar" ] || [ ! -f dev-stack/target/classpath.txt ]; then
    ./mvnw -B -q package -DskipTests
    break
  fi
done
WORK=$(mktemp -d /tmp/evalboard-live-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
java -Xmx2g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "dev-stack/target/classes:$(cat dev-stack/target/classpath.txt)" \
  dev.evalboard.devstack.bench.LiveBenchmark "$WORK" "${MODELS:-100000}" "${BENCHMARKS:-10}" "${INGEST_RATE:-1000}" \
  "${READ_RATE:-1000}" "${UNCACHED_RATE:-500}" "${DURATION:-30}"
echo "load: $(uptime | sed 's/.*load average://'), cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
