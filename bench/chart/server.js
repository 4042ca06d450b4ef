// Peer for bench/chart.sh: renders Evalboard's two reference charts with Vega-Lite + Vega.
//
// It takes chart-service's own POST bodies (bench/chart/bar.json, bench/chart/scatter.json) so
// wrk sends both servers the same requests. Per request, like chart-service's POST path: parse
// the JSON body, build the Vega-Lite spec, vegaLite.compile, vega.parse, new vega.View
// (renderer 'none'), await view.toSVG(). Nothing is cached between requests.
//
//   PORT=8090 WORKERS=2 node server.js   (WORKERS: processes sharing the port, default 1)
//   POST /charts/bar.svg      POST /charts/scatter.svg      GET /health

import cluster from 'node:cluster';
import http from 'node:http';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

// Colours from chart-service's light theme (Okabe-Ito).
const SERIES = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#56B4E9', '#CC79A7', '#F0E442'];
const OPENNESS = [
  ['open-weights', 'Open weights', '#999999'],
  ['open-weights-open-data', 'Open weights + data', '#F0E442'],
  ['closed', 'Closed', '#0072B2'],
  ['unknown', 'Unknown', '#CC79A7'],
];
const HIGHLIGHT = '#E69F00';
const FONT = 'Helvetica, Arial, sans-serif';
// Vega has no built-in star symbol: a five-pointed star as a custom symbol path (unit size).
const STAR = 'M0,-1L0.235,-0.324L0.951,-0.309L0.38,0.124L0.588,0.809L0,0.4L-0.588,0.809L-0.38,0.124L-0.951,-0.309L-0.235,-0.324Z';

function config() {
  return {
    font: FONT,
    background: '#ffffff',
    view: {stroke: null},
    axis: {gridColor: '#e6e6e6', domainColor: '#888888', tickColor: '#888888', labelColor: '#222222'},
    title: {fontSize: 16, fontWeight: 'bold', color: '#222222'},
  };
}

/** Grouped bar chart: group per benchmark, bar per model (xOffset), value labels, legend. */
function barSpec(body) {
  const benchmarks = body.benchmarks;
  const models = body.series.map((s) => s.model);
  const highlight = new Set(body.highlight || []);
  const values = [];
  for (const s of body.series) {
    for (const b of benchmarks) {
      const score = s.scores[b];
      if (score !== undefined && score !== null) {
        values.push({benchmark: b, model: s.model, score, hi: highlight.has(s.model)});
      }
    }
  }
  const yDomain = [body.yMin ?? 0, body.yMax ?? Math.max(...values.map((v) => v.score))];
  const encoding = {
    x: {field: 'benchmark', type: 'nominal', sort: benchmarks, title: null, axis: {labelAngle: 0}},
    xOffset: {field: 'model', type: 'nominal', sort: models},
    y: {field: 'score', type: 'quantitative', title: body.yTitle || 'pass@1',
      scale: {domain: yDomain, zero: false, nice: false}},
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: body.title,
    width: body.width || 800,
    height: body.height || 500,
    autosize: {type: 'fit', contains: 'padding'},
    config: config(),
    data: {values},
    encoding,
    layer: [
      {
        // chart-service hatches highlighted bars; Vega-Lite has no pattern fill, so a dark outline.
        mark: {type: 'bar', clip: true},
        encoding: {
          color: {field: 'model', type: 'nominal', sort: models, scale: {range: SERIES},
            legend: {title: null, orient: 'top-right', labelLimit: 400}},
          stroke: {condition: {test: 'datum.hi', value: '#222222'}, value: null},
          strokeWidth: {condition: {test: 'datum.hi', value: 2}, value: 0},
        },
      },
      {
        mark: {type: 'text', dy: -5, fontSize: 10, color: '#555555', baseline: 'bottom'},
        encoding: {text: {field: 'score', type: 'quantitative', format: '.1f'}},
      },
    ],
  };
}

/** Pareto frontier, as chart-service computes it: lower x is better, higher y is better. */
function frontier(points, higherIsBetter) {
  const sorted = [...points].sort((a, b) => a.x - b.x || (higherIsBetter ? b.y - a.y : a.y - b.y));
  const out = [];
  let best = higherIsBetter ? -Infinity : Infinity;
  for (const p of sorted) {
    if (higherIsBetter ? p.y > best : p.y < best) {
      out.push({x: p.x, y: p.y});
      best = p.y;
    }
  }
  return out;
}

/** Scatter: log x, labelled points coloured by openness, highlight as a star, frontier as a step line. */
function scatterSpec(body) {
  const highlight = new Set(body.highlight || []);
  const highlightLabel = body.highlightLabel || 'Highlighted';
  const names = Object.fromEntries(OPENNESS.map(([code, name]) => [code, name]));
  const points = body.points.map((p) => ({
    model: p.model, x: p.x, y: p.y,
    group: highlight.has(p.model) ? highlightLabel : names[p.openness || 'unknown'] || 'Unknown',
  }));
  const domain = [...OPENNESS.map(([, name]) => name), highlightLabel];
  const range = [...OPENNESS.map(([, , colour]) => colour), HIGHLIGHT];
  const shapes = [...OPENNESS.map(() => 'circle'), STAR];
  const logX = body.logX !== false;
  const x = {field: 'x', type: 'quantitative', title: body.xTitle || 'Total Parameters',
    scale: logX ? {type: 'log'} : {zero: false},
    axis: {format: '~s', labelExpr: "replace(datum.label, 'G', 'B')"}};
  const y = {field: 'y', type: 'quantitative', title: body.yTitle || 'pass@1', scale: {zero: false}};
  const layer = [];
  if (body.frontier) {
    layer.push({
      data: {values: frontier(body.points, body.higherIsBetter !== false)},
      mark: {type: 'line', interpolate: 'step-after', strokeDash: [6, 4], color: '#555555'},
      encoding: {x, y},
    });
  }
  layer.push(
    {
      mark: {type: 'point', filled: true, size: 80, opacity: 1},
      encoding: {
        x, y,
        color: {field: 'group', type: 'nominal', scale: {domain, range}, legend: {title: null, orient: 'bottom-right'}},
        shape: {field: 'group', type: 'nominal', scale: {domain, range: shapes}},
        size: {condition: {test: `datum.group === ${JSON.stringify(highlightLabel)}`, value: 260}, value: 80},
      },
    },
    {
      mark: {type: 'text', align: 'left', dx: 8, dy: -6, fontSize: 10, color: '#222222'},
      encoding: {x, y, text: {field: 'model'}},
    },
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: body.title,
    width: body.width || 800,
    height: body.height || 500,
    autosize: {type: 'fit', contains: 'padding'},
    config: config(),
    data: {values: points},
    layer,
  };
}

async function render(vlSpec) {
  const spec = vegaLite.compile(vlSpec).spec;
  const view = new vega.View(vega.parse(spec), {renderer: 'none'});
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const ROUTES = {'/charts/bar.svg': barSpec, '/charts/scatter.svg': scatterSpec};

const server = http.createServer((req, res) => {
  const url = req.url.split('?')[0];
  if (req.method === 'GET' && url === '/health') {
    res.writeHead(200, {'Content-Type': 'text/plain'});
    res.end('ok');
    return;
  }
  const build = ROUTES[url];
  if (req.method !== 'POST' || !build) {
    res.writeHead(404, {'Content-Type': 'text/plain'});
    res.end('not found');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const svg = await render(build(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      res.writeHead(200, {'Content-Type': 'image/svg+xml; charset=utf-8'});
      res.end(svg);
    } catch (e) {
      res.writeHead(400, {'Content-Type': 'text/plain'});
      res.end(String(e && e.message || e));
    }
  });
});

const port = Number(process.env.PORT || 8090);
const workers = Math.max(1, Number(process.env.WORKERS || 1));
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => {
    for (const w of Object.values(cluster.workers)) w.process.kill('SIGTERM');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`vega peer: ${workers} workers on http://127.0.0.1:${port}`);
} else {
  server.listen(port, '127.0.0.1', () => console.log(`vega peer (pid ${process.pid}) on http://127.0.0.1:${port}`));
}
