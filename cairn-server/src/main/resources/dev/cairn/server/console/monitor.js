// Health and metrics as small charts that refresh: database and key-value latency from /health, the admin API's
// request rate and errors from /metrics (Prometheus text), calls running and waiting for a database thread.
import { token } from './api.js';
import { el, markLoaded, message, replace } from './dom.js';

const view = () => document.getElementById('view');
const EVERY_MS = 2000;
const POINTS = 60;

/** Sums the samples of one metric in Prometheus text, optionally only those whose labels pass `accept`. */
export function sumMetric(text, name, accept = () => true) {
  let sum = 0;
  let seen = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/);
    if (!match || match[1] !== name || !accept(match[2] || '')) continue;
    sum += Number(match[3]);
    seen = true;
  }
  return seen ? sum : null;
}

class Chart {
  constructor(id, title, unit) {
    this.values = [];
    this.unit = unit;
    this.latest = el('span', { class: 'latest', id: `${id}-latest` }, '…');
    this.canvas = el('canvas', { id, width: 320, height: 90, role: 'img', 'aria-label': `${title}, last ${POINTS} samples` });
    this.node = el('figure', { class: 'chart' }, el('figcaption', {}, `${title}: `, this.latest), this.canvas);
  }

  push(value) {
    this.values.push(value);
    if (this.values.length > POINTS) this.values.shift();
    this.latest.textContent = value === null ? 'n/a' : `${Number(value.toFixed(2))} ${this.unit}`;
    this.draw();
  }

  draw() {
    const canvas = this.canvas;
    const width = Math.max(160, Math.floor(canvas.clientWidth || 320));
    if (canvas.width !== width) canvas.width = width;
    const height = canvas.height;
    const g = canvas.getContext('2d');
    const style = getComputedStyle(canvas);
    g.clearRect(0, 0, width, height);
    g.strokeStyle = style.borderColor || '#ccc';
    g.lineWidth = 1;
    g.beginPath(); g.moveTo(0, height - 0.5); g.lineTo(width, height - 0.5); g.stroke();
    const known = this.values.filter((v) => v !== null);
    if (!known.length) return;
    const top = Math.max(...known) * 1.2 || 1;
    g.strokeStyle = style.color || '#1f6feb';
    g.lineWidth = 2;
    // the samples so far span the whole width; each is also marked, so a gap (a failed sample) stays visible
    const span = Math.max(this.values.length - 1, 1);
    const at = (i, v) => [(i / span) * (width - 8) + 4, height - 4 - (v / top) * (height - 20)];
    g.beginPath();
    let drawing = false;
    this.values.forEach((v, i) => {
      if (v === null) { drawing = false; return; }
      const [x, y] = at(i, v);
      if (drawing) g.lineTo(x, y); else g.moveTo(x, y);
      drawing = true;
    });
    g.stroke();
    g.fillStyle = style.color || '#1f6feb';
    this.values.forEach((v, i) => {
      if (v === null) return;
      const [x, y] = at(i, v);
      g.fillRect(x - 1.5, y - 1.5, 3, 3);
    });
    g.fillStyle = style.color || '#333';
    g.font = '11px sans-serif';
    g.fillText(`max ${Number(top.toFixed(2))} ${this.unit}`, 4, 12);
  }
}

export async function monitorView() {
  const charts = {
    db: new Chart('chart-db-latency', 'Database latency', 'ms'),
    kv: new Chart('chart-kv-latency', 'Key-value latency', 'ms'),
    rate: new Chart('chart-requests', 'API requests', '/s'),
    errors: new Chart('chart-errors', 'API errors (4xx, 5xx)', '/s'),
    calls: new Chart('chart-calls', 'Database calls running + waiting', ''),
  };
  const health = el('p', { id: 'health-status', role: 'status', 'aria-live': 'polite' }, 'checking…');
  const metricsNote = el('div', { id: 'metrics-status' });
  replace(view(),
    el('h2', {}, 'Health and metrics'),
    health,
    el('p', { class: 'hint' }, `Refreshed every ${EVERY_MS / 1000} s from /health and /metrics.`),
    metricsNote,
    el('div', { class: 'charts', id: 'charts' }, Object.values(charts).map((chart) => chart.node)));

  let previous = null;
  async function tick() {
    try {
      const response = await fetch('/health', { cache: 'no-store', credentials: 'omit' });
      const body = await response.json();
      health.textContent = `overall ${body.status} · database ${body.database.status}${body.database.reason ? ` (${body.database.reason})` : ''}`
        + ` · key-value ${body.kv.status}${body.kv.error ? ` (${body.kv.error})` : ''}`;
      health.className = `health ${body.status}`;
      charts.db.push(body.database.latency_ms ?? null);
      charts.kv.push(body.kv.latency_ms ?? null);
      charts.calls.push((body.database.calls_running ?? 0) + (body.database.calls_waiting ?? 0));
    } catch (error) {
      health.textContent = 'the server does not answer: ' + error.message;
      charts.db.push(null); charts.kv.push(null); charts.calls.push(null);
    }
    try {
      const headers = token() ? { Authorization: `Bearer ${token()}` } : {};
      const response = await fetch('/metrics', { headers, cache: 'no-store', credentials: 'omit' });
      if (!response.ok) throw new Error(response.status === 401 ? 'metrics need the admin token' : `status ${response.status}`);
      const text = await response.text();
      const now = performance.now();
      const count = sumMetric(text, 'cairn_http_requests_seconds_count') ?? 0;
      const errors = sumMetric(text, 'cairn_http_requests_seconds_count', (labels) => /status="[45]\d\d"/.test(labels)) ?? 0;
      if (previous) {
        const seconds = (now - previous.at) / 1000;
        charts.rate.push((count - previous.count) / seconds);
        charts.errors.push((errors - previous.errors) / seconds);
      } else {
        charts.rate.push(null); charts.errors.push(null);
      }
      previous = { at: now, count, errors };
      replace(metricsNote);
    } catch (error) {
      replace(metricsNote, message('info', error.message));
      charts.rate.push(null); charts.errors.push(null);
    }
    markLoaded();
  }
  await tick();
  const timer = setInterval(tick, EVERY_MS);
  return () => clearInterval(timer);
}
