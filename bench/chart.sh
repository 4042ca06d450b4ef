#!/usr/bin/env bash
# Chart benchmark: Evalboard's chart-service against Vega-Lite + Vega (View.toSVG) in Node.
#
# Both servers get the same HTTP requests from wrk: POST /charts/bar.svg and /charts/scatter.svg
# with the reference charts' data inline (bench/chart/bar.json, bench/chart/scatter.json, the same
# bodies as ChartPostTest; chart-service answers them with the golden SVGs byte for byte). Each
# server runs alone and is measured in its steady state: warm-up rounds run every request shape
# for WARMUP_ROUND seconds until, two rounds in a row, no shape's throughput moves by more than
# WARMUP_TOLERANCE from the round before (or the round that passes WARMUP_MAX seconds ends). On
# two cores shared with wrk, the JVM's JIT takes about a minute to settle; a fixed short warm-up
# billed that to whichever chart came first.
# Prints req/s, p50/p99 latency and SVG bytes for both, and the ratios against the targets
# (>= 100x Vega's throughput, p99 < 5 ms, smaller SVG).
#
# chart-service renders every POST: its only cache holds query-service answers for the GET routes,
# so the POST numbers are the renderer's. A third run per chart ("varied title") changes the title
# on every request, so no response could be served from any cache, and shows the same.
#
#   bench/chart.sh      # DURATION=15 WARMUP_ROUND=5 WARMUP_TOLERANCE=0.15 WARMUP_MAX=240 THREADS=2 CONNECTIONS=8
#   DURATION=30 PEER_WORKERS=1 bench/chart.sh
#
# Needs java 17, node >= 18 + npm (vega, vega-lite from bench/chart/package-lock.json), curl, and
# wrk (installed with apt-get when missing). Raw wrk output and the SVGs go to bench/results/chart/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEER_DIR="$ROOT/bench/chart"
JAR="$ROOT/chart-service/target/quarkus-app/quarkus-run.jar"
GOLDEN="$ROOT/chart-service/src/test/resources/golden"
OUT="$ROOT/bench/results/chart"
DURATION="${DURATION:-15}"
WARMUP_ROUND="${WARMUP_ROUND:-5}"
WARMUP_TOLERANCE="${WARMUP_TOLERANCE:-0.15}"
WARMUP_MAX="${WARMUP_MAX:-240}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-8}"
PEER_WORKERS="${PEER_WORKERS:-$(nproc)}"
CHARTS=(bar scatter)

log() { printf '[chart-bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ -z "${WARMUP:-}" ] || die "WARMUP is no longer used: the warm-up now runs until throughput is steady (WARMUP_ROUND, WARMUP_TOLERANCE, WARMUP_MAX)"
for setting in DURATION WARMUP_ROUND WARMUP_MAX THREADS CONNECTIONS PEER_WORKERS; do
    [[ "${!setting}" =~ ^[1-9][0-9]*$ ]] || die "$setting must be a whole number of at least 1, got '${!setting}'"
done
[[ "$WARMUP_TOLERANCE" =~ ^0?\.[0-9]+$ ]] || die "WARMUP_TOLERANCE must be a fraction such as 0.15, got '$WARMUP_TOLERANCE'"

# --- tools --------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
for tool in java node npm curl wrk python3; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

if [ ! -d "$PEER_DIR/node_modules/vega" ] || [ ! -d "$PEER_DIR/node_modules/vega-lite" ] \
        || [ "$PEER_DIR/package-lock.json" -nt "$PEER_DIR/node_modules/.package-lock.json" ]; then
    log "npm ci in bench/chart"
    (cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

if [ ! -f "$JAR" ]; then
    log "building chart-service (offline)"
    (cd "$ROOT" && ./mvnw -B -q -o -pl chart-service package -DskipTests)
fi

# --- scratch, processes, cleanup ----------------------------------------------------------------
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$OUT"
WORK="$(mktemp -d)"
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_ready() { # url: the server answers anything at all
    for _ in $(seq 1 300); do
        if curl -s -o /dev/null "$1"; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# wrk scripts: the fixed reference body, and the same body with a per-request title.
for chart in "${CHARTS[@]}"; do
    cat >"$WORK/$chart.lua" <<EOF
local f = assert(io.open("$PEER_DIR/$chart.json", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "image/svg+xml"
EOF
    cat >"$WORK/$chart-varied.lua" <<EOF
local f = assert(io.open("$PEER_DIR/$chart.json", "rb"))
local base = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "image/svg+xml"
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("tid", threads)
end
local n = 0
function request()
    n = n + 1
    local body = base:gsub('"title": "([^"]*)"', '"title": "%1 #' .. tid .. '.' .. n .. '"', 1)
    return wrk.format(nil, nil, nil, body)
end
EOF
done

# run_wrk name url lua seconds -> writes $OUT/name.txt, prints "rps p50ms p99ms"
run_wrk() {
    local name="$1" url="$2" lua="$3" secs="$4"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency -s "$lua" "$url" >"$OUT/$name.txt" 2>&1 \
        || die "wrk failed: $(cat "$OUT/$name.txt")"
    if grep -q 'Non-2xx' "$OUT/$name.txt"; then die "$name: error responses: $(grep Non-2xx "$OUT/$name.txt")"; fi
    python3 - "$OUT/$name.txt" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    m = re.fullmatch(r'([\d.]+)(us|ms|s|m)', v)
    return float(m.group(1)) * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[m.group(2)]
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
p50 = ms(re.search(r'^\s+50%\s+(\S+)', text, re.M).group(1))
p99 = ms(re.search(r'^\s+99%\s+(\S+)', text, re.M).group(1))
print(f"{rps:.1f} {p50:.3f} {p99:.3f}")
EOF
}

declare -A RES BYTES WARMED

# warm_up label base-url shape...: rounds over every shape (a JIT still compiling one chart's code
# would otherwise be billed to whichever chart is measured first) until throughput is steady.
warm_up() {
    local label="$1" base="$2" shape rps round=0 start="$SECONDS" steady steady_rounds=0
    shift 2
    declare -A previous=()
    while :; do
        round=$((round + 1))
        steady=yes
        for shape in "$@"; do
            rps="$(run_wrk "$label-$shape-warmup" "$base/charts/${shape%-varied}.svg" "$WORK/$shape.lua" \
                "$WARMUP_ROUND" | cut -d' ' -f1)"
            python3 -c 'import sys; now, before, tol = map(float, sys.argv[1:]); sys.exit(abs(now - before) > tol * before)' \
                "$rps" "${previous[$shape]:-0}" "$WARMUP_TOLERANCE" || steady=no
            previous[$shape]="$rps"
        done
        log "$label warm-up round $round: $(for shape in "$@"; do printf '%s %s req/s  ' "$shape" "${previous[$shape]}"; done)"
        # Two steady rounds in a row: one alone also passes a curve still rising just under the tolerance.
        if [ "$steady" = yes ]; then steady_rounds=$((steady_rounds + 1)); else steady_rounds=0; fi
        [ "$steady_rounds" -ge 2 ] && break
        if [ $((SECONDS - start)) -ge "$WARMUP_MAX" ]; then
            log "$label: not steady after ${WARMUP_MAX}s, measuring anyway"
            break
        fi
    done
    WARMED[$label]="$((SECONDS - start)) s ($round rounds)"
}

bench_server() { # label base-url with-varied
    local label="$1" base="$2" varied="$3" chart
    for chart in "${CHARTS[@]}"; do
        BYTES[$label.$chart]="$(curl -s -X POST -H 'Content-Type: application/json' --data-binary "@$PEER_DIR/$chart.json" \
            -o "$OUT/$label-$chart.svg" -w '%{size_download}' "$base/charts/$chart.svg")"
    done
    local shapes=()
    for chart in "${CHARTS[@]}"; do
        shapes+=("$chart")
        if [ "$varied" = yes ]; then shapes+=("$chart-varied"); fi
    done
    warm_up "$label" "$base" "${shapes[@]}"
    for chart in "${CHARTS[@]}"; do
        log "$label $chart: ${DURATION}s"
        RES[$label.$chart]="$(run_wrk "$label-$chart" "$base/charts/$chart.svg" "$WORK/$chart.lua" "$DURATION")"
        if [ "$varied" = yes ]; then
            log "$label $chart (varied title): ${DURATION}s"
            RES[$label.$chart.varied]="$(run_wrk "$label-$chart-varied" "$base/charts/$chart.svg" \
                "$WORK/$chart-varied.lua" "$DURATION")"
        fi
    done
}

# --- Evalboard chart-service --------------------------------------------------------------------
PORT="$(free_port)"
log "starting chart-service on :$PORT"
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$(free_port)" QUARKUS_HTTP_HOST=127.0.0.1 QUERY_SERVICE_URL=http://127.0.0.1:9 \
    java ${JAVA_OPTS:-} -jar "$JAR" >"$OUT/chart-service.log" 2>&1 &
SERVER_PID=$!
wait_ready "http://127.0.0.1:$PORT/q/health/ready" || die "chart-service did not start: $(tail -20 "$OUT/chart-service.log")"
bench_server evalboard "http://127.0.0.1:$PORT" yes
GOLDEN_NOTE=""
for chart in "${CHARTS[@]}"; do
    # Golden files hold one element per line; without the line breaks they are the bytes served.
    if tr -d '\n' <"$GOLDEN/$chart-chart.svg" | cmp -s - "$OUT/evalboard-$chart.svg"; then
        GOLDEN_NOTE+="$chart=golden "
    else
        GOLDEN_NOTE+="$chart=DIFFERS-FROM-GOLDEN "
    fi
done
stop_server

# --- Vega peer ----------------------------------------------------------------------------------
PORT="$(free_port)"
log "starting the Vega peer on :$PORT ($PEER_WORKERS worker(s))"
PORT="$PORT" WORKERS="$PEER_WORKERS" node "$PEER_DIR/server.js" >"$OUT/vega-peer.log" 2>&1 &
SERVER_PID=$!
wait_ready "http://127.0.0.1:$PORT/health" || die "the Vega peer did not start: $(tail -20 "$OUT/vega-peer.log")"
bench_server vega "http://127.0.0.1:$PORT" no
stop_server

# --- summary ------------------------------------------------------------------------------------
cat >"$WORK/summary.py" <<'EOF'
import sys
dur, thr, con, workers, vega, vl, golden, java, node, nproc, load, load_after, warm_e, warm_v, tol = sys.argv[1:]
rows = [l.split() for l in sys.stdin if l.strip()]
print()
print(f"Chart benchmark: POST with the reference data inline, wrk -t{thr} -c{con} -d{dur}s --latency, each server alone")
print(f"  after warming up until every chart's throughput was steady within {float(tol):.0%}: Evalboard {warm_e}, Vega {warm_v}")
print(f"  Evalboard chart-service (java {java}), uncached renderer: POST bodies are rendered on every request; SVGs {golden.strip()}")
print(f"  Vega {vega} + Vega-Lite {vl} (node {node}, {workers} worker process(es)): compile + parse + View.toSVG per request")
print(f"  {nproc} cores; load average (1/5/15 min) before the run {load}, after {load_after}")
print()
hdr = f"{'chart':<8} {'server':<27} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'SVG bytes':>10}"
print(hdr)
print("-" * len(hdr))
ok = True
for r in rows:
    chart = r[0]
    e_rps, e50, e99, e_bytes, ev_rps, ev50, ev99, v_rps, v50, v99, v_bytes = r[1:]
    print(f"{chart:<8} {'Evalboard':<27} {float(e_rps):>9.1f} {float(e50):>8.2f} {float(e99):>8.2f} {int(e_bytes):>10}")
    print(f"{'':<8} {'Evalboard (varied title)':<27} {float(ev_rps):>9.1f} {float(ev50):>8.2f} {float(ev99):>8.2f} {'':>10}")
    print(f"{'':<8} {'Vega-Lite + Vega':<27} {float(v_rps):>9.1f} {float(v50):>8.2f} {float(v99):>8.2f} {int(v_bytes):>10}")
rows_summary = []
print()
for r in rows:
    chart = r[0]
    e_rps, e99, e_bytes, ev_rps, ev99, v_rps, v_bytes = float(r[1]), float(r[3]), int(r[4]), float(r[5]), float(r[7]), float(r[8]), int(r[11])
    tput = e_rps / v_rps
    tput_v = ev_rps / v_rps
    size = e_bytes / v_bytes
    t1 = "PASS" if min(tput, tput_v) >= 100 else "FAIL"
    t2 = "PASS" if max(e99, ev99) < 5 else "FAIL"
    t3 = "PASS" if e_bytes < v_bytes else "FAIL"
    ok = ok and t1 == t2 == t3 == "PASS"
    print(f"{chart:<8} throughput x{tput:.1f} (varied title x{tput_v:.1f}) [{t1} >= 100x]   "
          f"p99 {e99:.2f} / {ev99:.2f} ms [{t2} < 5 ms]   "
          f"size {e_bytes}/{v_bytes} = {size:.2f} (Vega {v_bytes/e_bytes:.1f}x larger) [{t3} smaller]")
print()
print("targets:", "all met" if ok else "NOT all met")
EOF
VEGA_VERSION="$(cd "$PEER_DIR" && node -p "require('./node_modules/vega/package.json').version")"
VL_VERSION="$(cd "$PEER_DIR" && node -p "require('./node_modules/vega-lite/package.json').version")"
{
    for chart in "${CHARTS[@]}"; do
        echo "$chart ${RES[evalboard.$chart]} ${BYTES[evalboard.$chart]} ${RES[evalboard.$chart.varied]}" \
            "${RES[vega.$chart]} ${BYTES[vega.$chart]}"
    done
} | python3 "$WORK/summary.py" "$DURATION" "$THREADS" "$CONNECTIONS" "$PEER_WORKERS" "$VEGA_VERSION" "$VL_VERSION" "$GOLDEN_NOTE" \
    "$(java -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/')" "$(node -v)" "$(nproc)" \
    "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)" "${WARMED[evalboard]}" "${WARMED[vega]}" "$WARMUP_TOLERANCE" | tee "$OUT/summary.txt"
