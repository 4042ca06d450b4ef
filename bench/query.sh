#!/usr/bin/env bash
# Query benchmark, one command: MODELS x BENCHMARKS current results (default 100,000 x 10 = 1,000,000) generated
# into the result-store schema of an embedded PostgreSQL; the packaged query-service loaded with wrk on loopback
# (leaderboard limit 50, Pareto, the model list limit 50 and one model's page, which are never cached), the same
# SQL through pgbench at the same concurrency, and the leaderboard at a
# fixed 1,000 requests/s (FixedRateLoad: Debian has no wrk2). Prints throughput, p50/p99 and the ratios.
#
# Environment: CONC (16) connections for wrk and clients for pgbench, DURATION (10) seconds per measured run,
# WARMUP (3) seconds per endpoint before measuring, RATE (1000), RATE_DURATION (10) and RATE_CONNECTIONS (8) for
# the fixed-rate run (latency from each request's scheduled time, so stalls count as in wrk2),
# MODELS (100000), BENCHMARKS (10), CACHE (true) evalboard.query.cache.enabled of the service.
set -euo pipefail
cd "$(dirname "$0")/.."
CONC=${CONC:-16}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
RATE=${RATE:-1000}
RATE_DURATION=${RATE_DURATION:-10}
RATE_CONNECTIONS=${RATE_CONNECTIONS:-8}
MODELS=${MODELS:-100000}
BENCHMARKS=${BENCHMARKS:-10}
CACHE=${CACHE:-true}

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if ! command -v pgbench >/dev/null || ! command -v psql >/dev/null; then
  apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null
fi
if [ ! -f query-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f dev-stack/target/classpath.txt ]; then
  ./mvnw -B -q package -DskipTests
fi
DEVSTACK_CP="dev-stack/target/classes:$(cat dev-stack/target/classpath.txt)"

WORK=$(mktemp -d /tmp/evalboard-query-bench.XXXXXX)
PIDS=()
cleanup() {
  set +e
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null
    wait "${PIDS[i]}" 2>/dev/null
  done
  # The database JVM stops PostgreSQL in its shutdown hook; if it could not, stop the postmaster here.
  if [ -f "$WORK/pg/postmaster.pid" ]; then
    kill "$(head -1 "$WORK/pg/postmaster.pid")" 2>/dev/null
    sleep 2
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- the database --------------------------------------------------------------------------------------------
echo "generating ${MODELS} models x ${BENCHMARKS} benchmarks in an embedded PostgreSQL ..."
java -cp "$DEVSTACK_CP" dev.evalboard.devstack.bench.QueryBenchmarkDatabase "$WORK/pg" 0 "$MODELS" "$BENCHMARKS" \
  >"$WORK/db.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do
  grep -q '^READY ' "$WORK/db.log" && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { cat "$WORK/db.log"; echo "database failed" >&2; exit 1; }
  sleep 0.5
done
grep '^generated' "$WORK/db.log"
read -r _ JDBC_URL PG_PORT < <(grep '^READY ' "$WORK/db.log")
export PGPASSWORD=postgres
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tA)
BENCH_ID=$("${PSQL[@]}" -c "SELECT id FROM benchmark WHERE name = 'bench-01' AND metric = 'pass@1'")
# A model in the middle of the name order, with a result on every benchmark.
MODEL=$("${PSQL[@]}" -c "SELECT name FROM model ORDER BY id OFFSET (SELECT count(*) / 2 FROM model) LIMIT 1")
MODEL_ID=$("${PSQL[@]}" -c "SELECT id FROM model WHERE name = '$MODEL'")

# --- query-service -------------------------------------------------------------------------------------------
HTTP_PORT=$(free_port)
MANAGEMENT_PORT=$(free_port)
QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
  QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" EVALBOARD_QUERY_CACHE_ENABLED="$CACHE" \
  java -jar query-service/target/quarkus-app/quarkus-run.jar >"$WORK/query-service.log" 2>&1 &
PIDS+=($!)
BASE="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null && break
  kill -0 "${PIDS[1]}" 2>/dev/null || { cat "$WORK/query-service.log"; echo "query-service failed" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$BASE/q/health/ready"
LEADERBOARD="$BASE/api/v1/leaderboards/bench-01?metric=pass@1&limit=50"
PARETO="$BASE/api/v1/pareto?benchmark=bench-01&metric=pass@1"
MODEL_LIST="$BASE/api/v1/models?limit=50"
MODEL_PAGE="$BASE/api/v1/models/$MODEL"
echo "leaderboard body $(curl -fsS "$LEADERBOARD" | wc -c) bytes, pareto body $(curl -fsS "$PARETO" | wc -c) bytes"

# --- the same SQL for pgbench (what the service runs per request: resolve the benchmark, then the query) -----
# The leaderboard statement is repository.RankedPageQuery's for an unfiltered top page by rank: the page, then its
# ranks and ciRanks counted over the whole board.
RESOLVE="SELECT b.id, b.name, b.metric, coalesce(b.higher_is_better, true) AS higher_is_better, coalesce(b.unit, 'percent') AS unit FROM benchmark b WHERE b.name = 'bench-01' AND b.metric = 'pass@1';"
COLUMNS="c.benchmark_id, m.id, m.name, m.parameters, m.active_parameters, m.openness, m.organization, c.score, c.stderr, c.samples, c.cost_usd, c.evaluated_at"
printf '%s\n%s\n' "$RESOLVE" \
  "WITH page AS MATERIALIZED (SELECT c.benchmark_id, m.id, m.name, m.parameters, m.active_parameters, m.openness, m.organization, c.score, c.stderr, c.samples, c.cost_usd, c.evaluated_at, (c.score + 1.96::float8 * coalesce(c.stderr, 0::float8)) AS better_end FROM (SELECT * FROM current_result c WHERE c.benchmark_id = $BENCH_ID AND c.score >= coalesce((SELECT s.score FROM current_result s WHERE s.benchmark_id = $BENCH_ID ORDER BY s.score DESC OFFSET 49 LIMIT 1), '-Infinity'::float8)) c CROSS JOIN LATERAL (SELECT * FROM model m WHERE m.id = c.model_id OFFSET 0) m ORDER BY c.score DESC, m.name COLLATE \"C\" LIMIT 50 OFFSET 0), scores AS MATERIALIZED (SELECT (SELECT count(*) FROM current_result s WHERE s.benchmark_id = $BENCH_ID AND s.score > (SELECT max(score) FROM page)) AS beyond, array(SELECT s.score FROM current_result s WHERE s.benchmark_id = $BENCH_ID AND s.score > (SELECT min(score) FROM page) AND s.score <= (SELECT max(score) FROM page)) AS band), intervals AS MATERIALIZED (SELECT (SELECT count(*) FROM current_result s WHERE s.benchmark_id = $BENCH_ID AND (s.score - 1.96::float8 * coalesce(s.stderr, 0::float8)) > (SELECT max(better_end) FROM page)) AS beyond, array(SELECT (s.score - 1.96::float8 * coalesce(s.stderr, 0::float8)) FROM current_result s WHERE s.benchmark_id = $BENCH_ID AND (s.score - 1.96::float8 * coalesce(s.stderr, 0::float8)) > (SELECT min(better_end) FROM page) AND (s.score - 1.96::float8 * coalesce(s.stderr, 0::float8)) <= (SELECT max(better_end) FROM page)) AS band) SELECT page.*, 1 + scores.beyond + (SELECT count(*) FROM unnest(scores.band) v WHERE v > page.score) AS rank, 1 + intervals.beyond + (SELECT count(*) FROM unnest(intervals.band) v WHERE v > page.better_end) AS ci_rank, (SELECT coalesce(sum(results), 0) FROM current_result_count WHERE benchmark_id = $BENCH_ID) AS total FROM page, scores, intervals ORDER BY page.score DESC, page.name COLLATE \"C\";" \
  >"$WORK/leaderboard.sql"
printf '%s\n%s\n' "$RESOLVE" \
  "SELECT $COLUMNS FROM current_result c JOIN model m ON m.id = c.model_id WHERE c.benchmark_id = ANY('{$BENCH_ID}'::integer[]);" \
  >"$WORK/pareto.sql"

MODEL_COLUMNS="m.id, m.name, m.parameters, m.active_parameters, m.openness, m.organization"
printf '%s\n%s\n' \
  "SELECT $MODEL_COLUMNS, (SELECT count(*) FROM current_result c WHERE c.model_id = m.id) AS result_count FROM model m WHERE true ORDER BY m.name COLLATE \"C\" LIMIT 50 OFFSET 0;" \
  "SELECT count(*) FROM model m WHERE true;" \
  >"$WORK/model-list.sql"
printf '%s\n%s\n' "SELECT $MODEL_COLUMNS FROM model m WHERE m.name = '$MODEL';" \
  "SELECT r.event_id, b.name AS benchmark, b.metric, coalesce(b.higher_is_better, true) AS higher_is_better, coalesce(b.unit, 'percent') AS unit, r.score, r.stderr, r.samples, r.cost_usd, r.evaluated_at, r.source, (c.event_id IS NOT NULL) AS current FROM result r JOIN benchmark b ON b.id = r.benchmark_id LEFT JOIN current_result c ON c.model_id = r.model_id AND c.benchmark_id = r.benchmark_id AND c.event_id = r.event_id WHERE r.model_id = $MODEL_ID AND c.event_id IS NOT NULL ORDER BY b.name COLLATE \"C\", b.metric COLLATE \"C\";" \
  >"$WORK/model-page.sql"

to_ms() { # wrk prints 812.00us, 1.23ms, 2.01s or 1.50m
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0;
    else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

run_wrk() { # name url -> sets W_RPS W_P50 W_P99 W_BAD
  wrk -t2 -c"$CONC" -d"${WARMUP}s" --timeout 30s "$2" >/dev/null
  wrk -t2 -c"$CONC" -d"${DURATION}s" --timeout 30s --latency "$2" >"$WORK/wrk-$1.txt"
  W_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/wrk-$1.txt")
  W_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WORK/wrk-$1.txt")")
  W_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/wrk-$1.txt")")
  W_BAD=$(awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors/ { print }' "$WORK/wrk-$1.txt")
}

run_pgbench() { # name -> sets P_TPS P_P50 P_P99 P_N
  pgbench -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$CONC" -j2 -T "$WARMUP" -f "$WORK/$1.sql" \
    postgres >/dev/null 2>&1
  (cd "$WORK" && pgbench -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$CONC" -j2 -T "$DURATION" \
    -f "$WORK/$1.sql" --log --log-prefix="pgbench-$1" postgres >"$WORK/pgbench-$1.txt" 2>&1)
  P_TPS=$(awk '/^tps = / { printf "%.1f", $3 }' "$WORK/pgbench-$1.txt")
  # Per-transaction log: client, transaction, latency in microseconds, ...
  cat "$WORK"/pgbench-"$1".* | awk '{ print $3 }' | sort -n >"$WORK/pgbench-$1.latencies"
  P_N=$(wc -l <"$WORK/pgbench-$1.latencies")
  P_P50=$(awk -v n="$P_N" 'NR == (int(n * 0.50) > 0 ? int(n * 0.50 + 0.999999) : 1) { printf "%.2f", $1 / 1000 }' "$WORK/pgbench-$1.latencies")
  P_P99=$(awk -v n="$P_N" 'NR == (int(n * 0.99) > 0 ? int(n * 0.99 + 0.999999) : 1) { printf "%.2f", $1 / 1000 }' "$WORK/pgbench-$1.latencies")
}

declare -A SUMMARY
ENDPOINTS=(leaderboard pareto model-list model-page)
declare -A URLS=([leaderboard]=$LEADERBOARD [pareto]=$PARETO [model-list]=$MODEL_LIST [model-page]=$MODEL_PAGE)
for endpoint in "${ENDPOINTS[@]}"; do
  url=${URLS[$endpoint]}
  echo "wrk $endpoint: ${CONC} connections, ${DURATION} s ..."
  run_wrk "$endpoint" "$url"
  echo "pgbench $endpoint: ${CONC} clients, ${DURATION} s ..."
  run_pgbench "$endpoint"
  RATIO=$(awk -v a="$W_RPS" -v b="$P_TPS" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }')
  SUMMARY[$endpoint]=$(printf '%-12s %10s %9s %9s | %10s %9s %9s %7s | %8s' "$endpoint" "$W_RPS" "$W_P50" "$W_P99" \
    "$P_TPS" "$P_P50" "$P_P99" "$P_N" "$RATIO")
  [ -n "$W_BAD" ] && SUMMARY[$endpoint]+="  (wrk: $W_BAD)"
  if [ "$endpoint" = leaderboard ]; then LB_RPS=$W_RPS; LB_TPS=$P_TPS; fi
done

echo "fixed rate: leaderboard at ${RATE} req/s for ${RATE_DURATION} s ..."
java -cp "$DEVSTACK_CP" dev.evalboard.devstack.bench.FixedRateLoad "$LEADERBOARD" "$RATE" "$RATE_DURATION" 3 \
  "$RATE_CONNECTIONS" \
  >"$WORK/fixed-rate.txt" 2>&1
FIXED=$(grep '^fixed-rate' "$WORK/fixed-rate.txt" || cat "$WORK/fixed-rate.txt")
FIXED_P99=$(sed -n 's/.* p99=\([0-9.]*\)ms.*/\1/p' <<<"$FIXED")
CACHE_METRICS=$(curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | grep -E '^evalboard_query_cache_(requests_total|invalidations_total|refreshes_total)' \
  | sed 's/^/  /' || true)

echo
echo "=== query benchmark: ${MODELS} models x ${BENCHMARKS} benchmarks, concurrency ${CONC}, ${DURATION} s per run, cache=${CACHE} ==="
printf '%-12s %10s %9s %9s | %10s %9s %9s %7s | %8s\n' endpoint "svc req/s" "p50 ms" "p99 ms" "pgb tps" "p50 ms" \
  "p99 ms" "pgb n" "ratio"
for endpoint in "${ENDPOINTS[@]}"; do echo "${SUMMARY[$endpoint]}"; done
echo "leaderboard $FIXED"
echo "target leaderboard p99 <= 10 ms at ${RATE} req/s: $(awk -v p="${FIXED_P99:-999999}" 'BEGIN { print (p <= 10 ? "met" : "NOT met") }')"
echo "target leaderboard throughput >= pgbench: $(awk -v a="$LB_RPS" -v b="$LB_TPS" 'BEGIN { print (a >= b ? "met" : "NOT met") }')"
echo "cache counters:"
echo "$CACHE_METRICS"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load:$(uptime | sed 's/.*load average://')"
