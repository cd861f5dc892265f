// The key-value browser: keys by prefix a page at a time (the API's SCAN cursor), a value shown by what it holds
// (JSON pretty-printed, binary as hex, else text) with its TTL; set and delete with the token.
import { get, request, seg } from './api.js';
import { access, noteRefusal, writeReason } from './app.js';
import { el, field, markLoaded, message, replace } from './dom.js';

const view = () => document.getElementById('view');
const LIMIT = 50;

/** How a stored text is best shown: { kind: 'json' | 'binary' | 'text', text }. */
export function describeValue(value) {
  // control characters other than tab and line ends, or U+FFFD (bytes that were not UTF-8): binary
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/.test(value)) {
    const hex = Array.from(new TextEncoder().encode(value), (b) => b.toString(16).padStart(2, '0'));
    const lines = [];
    for (let i = 0; i < hex.length; i += 16) lines.push(`${i.toString(16).padStart(6, '0')}  ${hex.slice(i, i + 16).join(' ')}`);
    return { kind: 'binary', text: lines.join('\n') };
  }
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try { return { kind: 'json', text: JSON.stringify(JSON.parse(trimmed), null, 2) }; } catch { /* text */ }
  }
  return { kind: 'text', text: value };
}

export async function kvView() {
  const prefix = field('Key prefix', { id: 'kv-prefix', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const keys = el('ul', { id: 'kv-keys', class: 'keys', 'aria-label': 'Keys' });
  const status = el('div', { id: 'kv-status', role: 'status', 'aria-live': 'polite' });
  const prev = el('button', { type: 'button', id: 'kv-prev' }, '← Previous keys');
  const next = el('button', { type: 'button', id: 'kv-next' }, 'Next keys →');
  const detail = el('section', { id: 'kv-detail', 'aria-label': 'Selected key' });
  const state = { prefix: '', cursors: [''], page: 0, next: null };

  const key = field('Key', { id: 'kv-set-key', type: 'text', autocomplete: 'off', disabled: !access.canWrite });
  const value = field('Value', { id: 'kv-set-value', tag: 'textarea', rows: 3, disabled: !access.canWrite });
  const ttl = field('TTL in seconds (empty: none)', { id: 'kv-set-ttl', type: 'number', min: 1, disabled: !access.canWrite });
  const setStatus = el('div', { id: 'kv-set-status', role: 'status' });
  const setForm = el('form', { id: 'kv-set', class: 'stack', 'aria-label': 'Set a key' },
    key.field, value.field, ttl.field,
    el('div', { class: 'toolbar' }, el('button', { type: 'submit', disabled: !access.canWrite }, 'Set key'),
      access.canWrite ? null : el('span', { class: 'readonly-reason' }, writeReason())),
    setStatus);
  setForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { value: value.input.value };
    if (ttl.input.value) body.ttl_seconds = Number(ttl.input.value);
    try {
      await request('PUT', `/api/v1/kv/keys/${seg(key.input.value)}`, body);
      replace(setStatus, message('ok', `set ${key.input.value}`));
      await show(key.input.value);
    } catch (error) {
      noteRefusal(error);
      replace(setStatus, message('error', `not set: ${error.message}`));
    }
  });

  replace(view(),
    el('h2', {}, 'Keys'),
    el('form', { id: 'kv-scan', class: 'toolbar', 'aria-label': 'Scan keys',
      on: { submit: (event) => { event.preventDefault(); state.prefix = prefix.input.value; state.cursors = ['']; state.page = 0; scan(); } } },
    prefix.field, el('button', { type: 'submit', id: 'kv-scan-button' }, 'Scan')),
    status,
    el('div', { class: 'split' },
      el('div', {}, keys, el('div', { class: 'toolbar pager' }, prev, next)),
      detail),
    el('h3', {}, 'Set a key'),
    setForm);

  prev.addEventListener('click', () => { if (state.page > 0) { state.page -= 1; scan(); } });
  next.addEventListener('click', () => { if (state.next) { state.cursors[state.page + 1] = state.next; state.page += 1; scan(); } });

  async function scan() {
    replace(status, message('info', 'scanning…'));
    let page;
    try {
      const query = new URLSearchParams({ prefix: state.prefix, limit: String(LIMIT) });
      if (state.cursors[state.page]) query.set('cursor', state.cursors[state.page]);
      page = await get(`/api/v1/kv/keys?${query}`);
    } catch (error) {
      replace(status, message('error', error.message));
      return;
    }
    state.next = page.next;
    replace(status, message('info', `${page.keys.length} keys on this page${page.next ? '; more follow' : ''}`));
    replace(keys, page.keys.map((name) => el('li', {},
      el('button', { type: 'button', class: 'link', dataset: { key: name }, on: { click: () => show(name) } }, name))));
    prev.disabled = state.page === 0;
    next.disabled = !page.next;
    markLoaded();
  }

  async function show(name) {
    let found;
    try {
      found = await get(`/api/v1/kv/keys/${seg(name)}`);
    } catch (error) {
      replace(detail, message('error', error.message));
      return;
    }
    const shown = describeValue(found.value);
    const ttlText = found.ttl_ms === null ? 'no expiry' : `expires in ${(found.ttl_ms / 1000).toFixed(1)} s`;
    replace(detail,
      el('h3', {}, el('span', { id: 'kv-key-name' }, found.key)),
      el('p', { class: 'meta' }, `${shown.kind} · ${found.value.length} characters · `, el('span', { id: 'kv-ttl' }, ttlText)),
      el('pre', { id: 'kv-value', class: `value ${shown.kind}`, tabindex: 0, 'aria-label': `Value of ${found.key}` }, shown.text),
      el('div', { class: 'toolbar' },
        el('button', { type: 'button', id: 'kv-edit', disabled: !access.canWrite, on: { click: () => {
          key.input.value = found.key; value.input.value = found.value; value.input.focus();
        } } }, 'Edit in the form below'),
        el('button', { type: 'button', id: 'kv-delete', class: 'danger', disabled: !access.canWrite, on: { click: async () => {
          if (!window.confirm(`Delete key ${found.key}?`)) return;
          try {
            await request('DELETE', `/api/v1/kv/keys/${seg(found.key)}`);
            replace(detail, message('ok', `deleted ${found.key}`));
            await scan();
          } catch (error) {
            noteRefusal(error);
            replace(detail, message('error', `not deleted: ${error.message}`));
          }
        } } }, 'Delete key')));
    markLoaded();
  }

  await scan();
}
