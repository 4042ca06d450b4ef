// Evalboard dashboard: sortable tables, copy buttons, and pages that follow the data by themselves.
// Plain JavaScript, loaded from a file: the pages' Content-Security-Policy runs no inline script.
(() => {
  'use strict';

  const POLL_MS = 2000;
  // Changes told faster than this are shown together: a page is fetched at most once per interval.
  const REFRESH_MIN_MS = 250;
  // A chart drawn from a query-service answer older than a change is not kept by chart-service: a second look,
  // this long after the first, shows the new one.
  const CHART_SECOND_LOOK_MS = 1500;
  const sortState = new Map();

  document.addEventListener('click', (event) => {
    const sortButton = event.target.closest('th button[data-sort]');
    if (sortButton) {
      sortBy(sortButton);
    }
    const copyButton = event.target.closest('button[data-copy]');
    if (copyButton) {
      copy(copyButton);
    }
  });

  function sortBy(button) {
    const th = button.closest('th');
    const headers = Array.from(th.parentElement.children);
    const state = {
      index: headers.indexOf(th),
      type: button.dataset.sort,
      ascending: th.getAttribute('aria-sort') !== 'ascending',
    };
    const region = th.closest('[data-live]');
    if (region) {
      sortState.set(region.id, state);
    }
    applySort(th.closest('table'), state);
  }

  function applySort(table, state) {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((h) => h.removeAttribute('aria-sort'));
    headers[state.index].setAttribute('aria-sort', state.ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows).filter((row) => row.cells.length > state.index);
    const key = (row) => {
      const cell = row.cells[state.index];
      return cell.dataset.key !== undefined ? cell.dataset.key : cell.textContent.trim();
    };
    rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === '' || y === '') {
        return (x === '') - (y === ''); // rows without a value go last either way
      }
      const order = state.type === 'number' ? Number(x) - Number(y)
        : x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true });
      return state.ascending ? order : -order;
    });
    rows.forEach((row) => body.appendChild(row));
  }

  async function copy(button) {
    const field = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector('.copied');
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = 'Copied.';
    } catch (e) {
      field.focus();
      field.select();
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  }

  // Live: the page's own change stream; polling with conditional GETs while it is not connected.
  const changes = document.body.dataset.changes;
  const liveStatus = document.getElementById('live-status');
  let etag = null;
  let refreshing = false;
  let refreshAgain = false;
  let pollTimer = null;
  let lastRefresh = 0;

  function say(text) {
    liveStatus.hidden = false;
    liveStatus.textContent = text;
  }

  async function refresh() {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    const wait = lastRefresh + REFRESH_MIN_MS - Date.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    lastRefresh = Date.now();
    try {
      const headers = etag ? { 'If-None-Match': etag } : {};
      const response = await fetch(location.href, { headers, cache: 'no-store', credentials: 'same-origin' });
      if (response.status === 200) {
        etag = response.headers.get('ETag');
        swap(new DOMParser().parseFromString(await response.text(), 'text/html'));
        await refreshCharts();
        setTimeout(refreshCharts, CHART_SECOND_LOOK_MS);
      } else if (response.status !== 304) {
        say('Live: the data is unavailable (' + response.status + '); trying again');
      }
    } catch (e) {
      say('Offline: trying again');
    } finally {
      refreshing = false;
      if (refreshAgain) {
        refreshAgain = false;
        refresh();
      }
    }
  }

  /** Replaces each live region by its new version, keeping the reader's sort order and focus. */
  function swap(fresh) {
    document.querySelectorAll('[data-live][id]').forEach((region) => {
      const replacement = fresh.getElementById(region.id);
      if (!replacement) {
        return;
      }
      const focusables = Array.from(region.querySelectorAll('a, button, textarea, [tabindex]'));
      const focused = focusables.indexOf(document.activeElement);
      const openEmbeds = Array.from(region.querySelectorAll('details')).map((d) => d.open);
      const node = document.importNode(replacement, true);
      region.replaceWith(node);
      node.querySelectorAll('details').forEach((d, i) => { d.open = openEmbeds[i] || false; });
      const state = sortState.get(node.id);
      const table = node.querySelector('table[data-sortable]');
      if (state && table) {
        applySort(table, state);
      }
      if (focused >= 0) {
        const again = node.querySelectorAll('a, button, textarea, [tabindex]')[focused];
        if (again) {
          again.focus();
        }
      }
    });
  }

  /** Charts are fetched anew (revalidated by ETag) and shown from blob: URLs, as an img keeps its first copy. */
  async function refreshCharts() {
    const pictures = Array.from(document.querySelectorAll('picture[data-chart]'));
    await Promise.all(pictures.map(async (picture) => {
      try {
        const [light, dark] = await Promise.all([fetchChart(picture.dataset.src), fetchChart(picture.dataset.darkSrc)]);
        const img = picture.querySelector('img');
        const source = picture.querySelector('source');
        [img.dataset.blob, source.dataset.blob].forEach((old) => old && URL.revokeObjectURL(old));
        img.dataset.blob = light.url;
        source.dataset.blob = dark.url;
        // Which version of the chart is shown: its ETag (a blob: URL cannot be read back under the CSP).
        img.dataset.etag = light.etag;
        source.dataset.etag = dark.etag;
        source.srcset = dark.url;
        img.src = light.url;
      } catch (e) {
        // The chart stays as it was; the next change tries again.
      }
    }));
  }

  async function fetchChart(url) {
    const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('chart ' + response.status);
    }
    return { url: URL.createObjectURL(await response.blob()), etag: response.headers.get('ETag') };
  }

  function startPolling() {
    if (pollTimer === null) {
      pollTimer = setInterval(refresh, POLL_MS);
    }
  }

  function stopPolling() {
    if (pollTimer !== null) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  function connect() {
    if (!('EventSource' in window)) {
      say('Live: checking every 2 s');
      startPolling();
      return;
    }
    const source = new EventSource(changes);
    source.addEventListener('open', () => {
      stopPolling();
      say('Live');
    });
    source.addEventListener('changed', refresh);
    source.addEventListener('reload', refresh);
    source.addEventListener('error', () => {
      say('Reconnecting: checking every 2 s meanwhile');
      startPolling();
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, 10 * POLL_MS);
      }
    });
  }

  if (changes) {
    connect();
  }
})();
