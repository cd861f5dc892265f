// The console's entry: the token form, what the server allows (read, write) and the router over the URL's hash
// (#/tables, #/table/<name>, #/row/<table>/<id>, #/schema/<table>, #/kv, #/subjects, #/vectors, #/migrations,
// #/monitor, #/sql).
import { ApiError, onTokenChange, setToken, token } from './api.js';
import { message, replace } from './dom.js';
import { tablesView, tableView, rowView, schemaView, insertView } from './tables.js';
import { kvView } from './kv.js';
import { subjectsView } from './subjects.js';
import { migrationsView } from './migrations.js';
import { monitorView } from './monitor.js';
import { sqlView } from './sql.js';
import { vectorsView } from './vectors.js';

/**
 * What this tab may do: { canRead, canWrite, reason } where reason says why writing (or reading) is not possible.
 * Learned by asking /api/v1/db/status with and without the token: a server without an admin token answers
 * reads to anyone and refuses every write; one with a token refuses even reads without it.
 */
export const access = { canRead: false, canWrite: false, serverHasToken: false, hasToken: false,
  reason: 'checking the server…' };

async function probe(headers) {
  try {
    const response = await fetch('/api/v1/db/status', { headers, credentials: 'omit', cache: 'no-store' });
    return response.status;
  } catch {
    return 0;
  }
}

async function learnAccess() {
  const held = token();
  const anonymous = await probe({ Accept: 'application/json' });
  // serverHasToken: the server refuses anonymous reads; hasToken: this tab holds the right token (the SQL console
  // needs both, even on a server started read-only).
  Object.assign(access, { serverHasToken: anonymous === 401, hasToken: false });
  if (anonymous === 0) {
    Object.assign(access, { canRead: false, canWrite: false, reason: 'the server does not answer' });
  } else if (anonymous !== 401) {
    Object.assign(access, { canRead: true, canWrite: false,
      reason: 'read-only: the server was started without an admin token (CAIRN_ADMIN_TOKEN), so it refuses writes' });
  } else if (!held) {
    Object.assign(access, { canRead: false, canWrite: false,
      reason: 'this server needs its admin token, even to read: enter it above' });
  } else {
    const withToken = await probe({ Accept: 'application/json', Authorization: `Bearer ${held}` });
    if (withToken === 401) {
      Object.assign(access, { canRead: false, canWrite: false,
        reason: 'the token entered is not the admin token of this server' });
    } else {
      Object.assign(access, { canRead: true, canWrite: true, hasToken: true, reason: '' });
    }
  }
  const mode = document.getElementById('mode');
  mode.className = access.canWrite ? 'mode writable' : 'mode readonly';
  mode.textContent = access.canWrite ? 'Token in use for this tab: reading and writing.' : access.reason;
}

/** The reason shown next to a disabled write control. */
export function writeReason() {
  return access.canWrite ? '' : access.reason;
}

/** Marks a failed write that the server refused for being read-only, so the console stops offering writes. */
export function noteRefusal(error) {
  if (error instanceof ApiError && error.code === 'READ_ONLY') {
    Object.assign(access, { canWrite: false, reason: error.message });
    document.getElementById('mode').textContent = error.message;
  }
}

const routes = [
  [/^#\/tables$/, () => tablesView()],
  [/^#\/table\/([^/?]+)(?:\?(.*))?$/, (m) => tableView(decodeURIComponent(m[1]), new URLSearchParams(m[2] || ''))],
  [/^#\/insert\/([^/]+)$/, (m) => insertView(decodeURIComponent(m[1]))],
  [/^#\/schema\/([^/]+)$/, (m) => schemaView(decodeURIComponent(m[1]))],
  [/^#\/row\/([^/]+)\/(.+)$/, (m) => rowView(decodeURIComponent(m[1]), decodeURIComponent(m[2]))],
  [/^#\/kv$/, () => kvView()],
  [/^#\/subjects$/, () => subjectsView()],
  [/^#\/vectors(?:\/([^/]+)\/(.+))?$/, (m) => vectorsView(m[1] && decodeURIComponent(m[1]), m[2] && decodeURIComponent(m[2]))],
  [/^#\/migrations$/, () => migrationsView()],
  [/^#\/monitor$/, () => monitorView()],
  [/^#\/sql$/, () => sqlView()],
];

let leaving = null;

async function route() {
  const view = document.getElementById('view');
  const hash = location.hash || '#/tables';
  if (leaving) { leaving(); leaving = null; }
  const section = hash.split('/')[1] || 'tables';
  document.querySelectorAll('nav a').forEach((link) => {
    const active = link.dataset.section === section
      || (link.dataset.section === 'tables' && ['table', 'row', 'schema', 'insert'].includes(section));
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  });
  const match = routes.map(([pattern, render]) => [hash.match(pattern), render]).find(([m]) => m);
  if (!match) {
    replace(view, message('error', 'no such page: ' + hash));
    return;
  }
  if (!access.canRead && section !== 'monitor') {
    replace(view, message('error', access.reason));
    return;
  }
  try {
    const rendered = await match[1](match[0]);
    // a view may return a function to call when the user leaves it (e.g. to stop refreshing)
    if (typeof rendered === 'function') leaving = rendered;
  } catch (error) {
    replace(view, message('error', error.message));
  }
}

function wireToken() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    input.value = '';
  });
  document.getElementById('token-forget').addEventListener('click', () => {
    input.value = '';
    setToken(null);
  });
  onTokenChange(async () => {
    await learnAccess();
    await route();
  });
}

async function start() {
  document.getElementById('noscript').remove();
  wireToken();
  await learnAccess();
  // after a navigation the keyboard continues in the new content, not in the menu
  window.addEventListener('hashchange', async () => {
    await route();
    document.getElementById('view').focus({ preventScroll: true });
  });
  await route();
  document.body.dataset.ready = 'true';
}

start();
