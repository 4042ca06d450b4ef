// Measures every chart on the page as a browser draws it and lists what overlaps: any two texts, and the legend
// box against any mark, text or axis. Boxes come from getBoundingClientRect(); lines (axes, whiskers, the
// frontier) are sampled along their length, so the legend may sit in a corner of a staircase's bounding box.
(function () {
  const TOLERANCE = 0.5;
  const overlaps = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;
  const inLegend = el => el.closest('g.l') !== null;
  const describe = el => el.tagName + (el.textContent ? ' "' + el.textContent.replace(/\s+/g, ' ').slice(0, 40) + '"' : '');
  const lineHits = (path, box) => {
    const length = path.getTotalLength();
    const matrix = path.getScreenCTM();
    for (let at = 0; at <= length; at += 1) {
      const p = path.getPointAtLength(at).matrixTransform(matrix);
      if (p.x > box.left + TOLERANCE && p.x < box.right - TOLERANCE
          && p.y > box.top + TOLERANCE && p.y < box.bottom - TOLERANCE) {
        return true;
      }
    }
    return false;
  };
  const problems = [];
  let charts = 0, texts = 0, legends = 0;
  for (const figure of document.querySelectorAll('figure')) {
    const svg = figure.querySelector('svg');
    charts++;
    const all = [...svg.querySelectorAll('text')];
    texts += all.length;
    const boxes = all.map(t => t.getBoundingClientRect());
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        if (overlaps(boxes[i], boxes[j])) {
          problems.push(figure.id + ': ' + describe(all[i]) + ' overlaps ' + describe(all[j]));
        }
      }
    }
    const frame = svg.querySelector('g.l > rect');
    if (!frame) {
      continue;
    }
    legends++;
    const legend = frame.getBoundingClientRect();
    all.forEach((t, i) => {
      if (!inLegend(t) && overlaps(legend, boxes[i])) {
        problems.push(figure.id + ': legend covers ' + describe(t));
      }
    });
    for (const mark of svg.querySelectorAll('rect, circle, path')) {
      // The background is the only rect directly under the root.
      if (inLegend(mark) || mark.closest('defs') || (mark.tagName === 'rect' && mark.parentNode === svg)) {
        continue;
      }
      const isLine = mark.tagName === 'path' && (mark.getAttribute('fill') === 'none' || mark.classList.contains('x'));
      const hit = isLine ? lineHits(mark, legend) : overlaps(legend, mark.getBoundingClientRect());
      if (hit && !mark.classList.contains('g')) {
        problems.push(figure.id + ': legend covers ' + (mark.classList.contains('x') ? 'an axis' : describe(mark)
            + ' at ' + JSON.stringify(mark.getBoundingClientRect())));
      }
    }
  }
  const out = document.createElement('pre');
  out.id = 'layout-result';
  out.textContent = 'charts=' + charts + ' texts=' + texts + ' legends=' + legends + '\n' + problems.join('\n');
  document.body.appendChild(out);
})();
