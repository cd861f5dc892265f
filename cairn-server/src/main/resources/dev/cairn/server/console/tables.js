// Tables: the list with row counts and sizes, a table's rows (filters, sort on several columns, keyset paging,
// export of the whole filtered view, streamed by the server), its schema, and one row (detail, edit, delete) or a new one.
import { ApiError, currentDatabase, download, get, request, seg, setDatabase } from './api.js';
import { access, noteRefusal, writeReason } from './app.js';
import { bytes, cellText, el, field, markLoaded, message, replace, select, valueCell } from './dom.js';

const view = () => document.getElementById('view');
const PAGE_SIZE = 20;
/** The API's filter operators (FilterParser), with not. forms of the common ones. */
const OPERATORS = [
  ['eq', '= eq'], ['neq', '≠ neq'], ['gt', '> gt'], ['gte', '≥ gte'], ['lt', '< lt'], ['lte', '≤ lte'],
  ['like', 'like (* or %)'], ['not.like', 'not like'], ['in', 'in (a,b,…)'], ['not.in', 'not in'],
  ['is', 'is (null, not_null, true, false)'],
];

export async function tablesView() {
  const status = await get('/api/v1/db/status');
  const list = el('tbody');
  replace(view(),
    el('h2', {}, 'Tables'),
    el('p', { class: 'meta' }, `${status.engine} · ${status.dialect} ${status.server_version || ''} · ${status.table_count} tables`),
    el('div', { class: 'scroll' }, el('table', { id: 'tables' },
      el('caption', {}, 'Tables of the database'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Table'), el('th', { scope: 'col', class: 'num' }, 'Rows'),
        el('th', { scope: 'col', class: 'num' }, 'Size'), el('th', { scope: 'col' }, 'Schema'))),
      list)));
  await databasesChooser();
  // a few at a time: a database with hundreds of tables must not fill the server's request queue
  const schemas = await inBatches(status.tables, 4, (name) =>
    get(`/api/v1/db/tables/${seg(name)}/schema`).catch((error) => ({ table: name, error })));
  for (const schema of schemas) {
    list.append(el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: `#/table/${seg(schema.table)}` }, schema.table)),
      el('td', { class: 'num' }, schema.error ? schema.error.message : String(schema.row_count)),
      el('td', { class: 'num' }, schema.error ? '' : bytes(schema.size_bytes)),
      el('td', {}, el('a', { href: `#/schema/${seg(schema.table)}`, 'aria-label': `Schema of ${schema.table}` }, 'schema'))));
  }
  markLoaded();
}

/** Runs `task` over `items`, at most `size` at once, keeping their order. */
async function inBatches(items, size, task) {
  const results = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...await Promise.all(items.slice(i, i + size).map(task)));
  }
  return results;
}

/** With a registry of named databases, a chooser of the database the table pages use. */
async function databasesChooser() {
  let databases;
  try {
    databases = await get('/api/v1/db/databases');
  } catch {
    return; // no registry: the one database
  }
  const choice = select('Database', [['', 'default'], ...databases.databases.map((name) => [name, `${name} (${databases.health[name]})`])]);
  choice.input.value = currentDatabase() || '';
  choice.input.addEventListener('change', () => { setDatabase(choice.input.value); tablesView(); });
  view().querySelector('h2').after(el('div', { class: 'toolbar' }, choice.field));
}

/** The query string of the API for a table view's state; `cursor` for keyset paging. */
function apiQuery(state, pageSize, cursor) {
  const params = new URLSearchParams();
  params.set('page_size', String(pageSize));
  if (state.sort.length) {
    params.set('sort_by', state.sort.map((key) => key.column).join(','));
    params.set('sort_desc', state.sort.map((key) => String(key.desc)).join(','));
  }
  for (const filter of state.filters) params.append(filter.column, `${filter.op}.${filter.value}`);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export async function tableView(name, initial) {
  const schema = await get(`/api/v1/db/tables/${seg(name)}/schema`);
  const columns = schema.columns.map((column) => column.name);
  const state = { filters: [], sort: [], cursors: [null], page: 0, next: null };
  // filters from the address (links from foreign keys): ?column=op.value
  for (const [column, expression] of initial) {
    const dot = expression.indexOf('.');
    if (dot > 0) state.filters.push({ column, op: expression.slice(0, dot), value: expression.slice(dot + 1) });
  }

  const columnChoice = select('Column', columns.map((c) => [c]), { id: 'filter-column' });
  const opChoice = select('Operator', OPERATORS, { id: 'filter-op' });
  const valueInput = field('Value', { id: 'filter-value', type: 'text', autocomplete: 'off' });
  const filterList = el('ul', { class: 'chips', id: 'filters', 'aria-label': 'Filters in use' });
  const status = el('div', { id: 'table-status', role: 'status', 'aria-live': 'polite' });
  const grid = el('table', { id: 'rows' });
  const pageLabel = el('span', { id: 'page-label' });
  const prev = el('button', { type: 'button', id: 'page-prev' }, '← Previous page');
  const next = el('button', { type: 'button', id: 'page-next' }, 'Next page →');
  const exportStatus = el('span', { id: 'export-status', role: 'status' });
  const canInsert = access.canWrite;

  replace(view(),
    el('h2', {}, `Table ${name}`),
    el('p', { class: 'meta' }, `${schema.row_count} rows · ${bytes(schema.size_bytes)} · `,
      el('a', { href: `#/schema/${seg(name)}` }, 'schema'), ' · ',
      canInsert ? el('a', { href: `#/insert/${seg(name)}`, id: 'insert-link' }, 'insert a row')
        : el('span', { class: 'readonly-reason', id: 'write-reason' }, writeReason())),
    el('form', { id: 'filter-form', class: 'toolbar', 'aria-label': 'Add a filter',
      on: { submit: (event) => { event.preventDefault(); addFilter(); } } },
    columnChoice.field, opChoice.field, valueInput.field, el('button', { type: 'submit', id: 'filter-add' }, 'Add filter')),
    filterList,
    el('p', { class: 'hint' }, 'Click a column header to sort by it (again to reverse); shift-click adds a further sort key.'),
    status,
    el('div', { class: 'scroll' }, grid),
    el('div', { class: 'toolbar pager' }, prev, pageLabel, next),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', id: 'export-csv', on: { click: () => exportView('csv') } }, 'Export CSV'),
      el('button', { type: 'button', id: 'export-json', on: { click: () => exportView('json') } }, 'Export JSON'),
      exportStatus));

  prev.addEventListener('click', () => { if (state.page > 0) { state.page -= 1; load(); } });
  next.addEventListener('click', () => {
    if (state.next) { state.cursors[state.page + 1] = state.next; state.page += 1; load(); }
  });

  function addFilter() {
    state.filters.push({ column: columnChoice.input.value, op: opChoice.input.value, value: valueInput.input.value });
    valueInput.input.value = '';
    restart();
  }

  function restart() {
    state.cursors = [null];
    state.page = 0;
    load();
  }

  function sortBy(column, extend) {
    const at = state.sort.findIndex((key) => key.column === column);
    if (extend) {
      if (at >= 0) state.sort[at].desc = !state.sort[at].desc;
      else state.sort.push({ column, desc: false });
    } else if (state.sort.length === 1 && at === 0) {
      state.sort[0].desc = !state.sort[0].desc;
    } else {
      state.sort = [{ column, desc: false }];
    }
    restart();
  }

  function renderFilters() {
    replace(filterList, state.filters.map((filter, index) => el('li', {},
      el('span', {}, `${filter.column} ${filter.op} ${filter.value}`),
      el('button', { type: 'button', class: 'small', 'aria-label': `Remove filter ${filter.column} ${filter.op} ${filter.value}`,
        on: { click: () => { state.filters.splice(index, 1); restart(); } } }, '×'))));
  }

  function header(column) {
    const at = state.sort.findIndex((key) => key.column === column);
    const key = state.sort[at];
    const mark = key ? `${key.desc ? ' ▼' : ' ▲'}${state.sort.length > 1 ? at + 1 : ''}` : '';
    return el('th', { scope: 'col', 'aria-sort': key ? (key.desc ? 'descending' : 'ascending') : null },
      el('button', { type: 'button', class: 'sort', dataset: { column },
        on: { click: (event) => sortBy(column, event.shiftKey) } }, column, el('span', { 'aria-hidden': 'true' }, mark)));
  }

  async function load() {
    renderFilters();
    replace(status, message('info', 'loading…'));
    let page;
    try {
      page = await get(`/api/v1/db/tables/${seg(name)}?${apiQuery(state, PAGE_SIZE, state.cursors[state.page])}`);
    } catch (error) {
      replace(status, message('error', error.message));
      markLoaded();
      return;
    }
    replace(status);
    state.next = page.next;
    const pk = schema.primary_key;
    replace(grid,
      el('caption', {}, `Rows of ${name}`),
      el('thead', {}, el('tr', {}, pk.length === 1 ? el('th', { scope: 'col' }, 'Row') : null, columns.map(header))),
      el('tbody', {}, page.records.map((record) => el('tr', {},
        pk.length === 1 ? el('td', {}, el('a', { href: `#/row/${seg(name)}/${seg(record[pk[0]])}`,
          'aria-label': `Open row ${cellText(record[pk[0]])}` }, 'open')) : null,
        columns.map((column) => valueCell(record[column]))))));
    const first = state.page * PAGE_SIZE;
    pageLabel.textContent = page.records.length
      ? `Page ${state.page + 1}: rows ${first + 1}–${first + page.records.length} of ${page.total_records ?? '?'}`
      : `Page ${state.page + 1}: no rows (of ${page.total_records ?? '?'})`;
    prev.disabled = state.page === 0;
    next.disabled = !page.next;
    markLoaded();
  }

  /**
   * Downloads the whole filtered, sorted view from the API's export route, which streams it. The token must stay
   * out of the address, so a plain link cannot carry it: the file is fetched with the token as a header and handed
   * to the browser as a Blob (the browser holds the file until it is saved; the server holds only a few rows).
   */
  async function exportView(format) {
    exportStatus.textContent = 'exporting…';
    const params = new URLSearchParams(apiQuery(state, PAGE_SIZE, null));
    params.delete('page_size');
    params.set('format', format);
    let blob;
    try {
      blob = await download(`/api/v1/db/tables/${seg(name)}/export?${params}`);
    } catch (error) {
      exportStatus.textContent = 'export failed: ' + error.message;
      return;
    }
    const link = el('a', { href: URL.createObjectURL(blob), download: `${name}.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    exportStatus.textContent = `exported ${name}.${format} (${bytes(blob.size)})`;
  }

  await load();
}

export async function schemaView(name) {
  const schema = await get(`/api/v1/db/tables/${seg(name)}/schema`);
  const table = (caption, heads, rows) => el('div', { class: 'scroll' }, el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, heads.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: heads.length }, 'none')))));
  replace(view(),
    el('h2', {}, `Schema of ${name}`),
    el('p', { class: 'meta' }, `${schema.row_count} rows · ${bytes(schema.size_bytes)} · `,
      el('a', { href: `#/table/${seg(name)}` }, 'rows')),
    table('Columns', ['Name', 'Type', 'Null', 'Default', 'Key'], schema.columns.map((c) => el('tr', {},
      el('td', {}, c.name), el('td', {}, c.type), el('td', {}, c.nullable ? 'yes' : 'no'),
      valueCell(c.default_value), el('td', {}, [schema.primary_key.includes(c.name) ? 'primary' : '',
        c.auto_increment ? 'auto' : ''].filter(Boolean).join(', '))))),
    table('Indexes', ['Name', 'Columns', 'Unique'], schema.indexes.map((i) => el('tr', {},
      el('td', {}, i.name), el('td', {}, i.columns.join(', ')), el('td', {}, i.unique ? 'yes' : 'no')))),
    table('Foreign keys', ['Name', 'Columns', 'References'], schema.foreign_keys.map((f) => el('tr', {},
      el('td', {}, f.name || ''), el('td', {}, f.columns.join(', ')),
      el('td', {}, el('a', { href: `#/schema/${seg(f.referenced_table)}` },
        `${f.referenced_table}(${f.referenced_columns.join(', ')})`))))));
  markLoaded();
}

/** A value typed into a form, converted for a column: numbers and booleans as JSON, empty as NULL if allowed. */
function fromInput(column, text) {
  if (text === '' && column.nullable) return null;
  const type = column.type.toLowerCase();
  if (/int|serial|numeric|decimal|real|double|float/.test(type) && text.trim() !== '' && !Number.isNaN(Number(text))) {
    return Number(text);
  }
  if (/bool/.test(type) && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

export async function rowView(name, id) {
  const [schema, found] = await Promise.all([
    get(`/api/v1/db/tables/${seg(name)}/schema`),
    get(`/api/v1/db/tables/${seg(name)}/rows/${seg(id)}`),
  ]);
  const record = found.record;
  const outcome = el('div', { id: 'row-status', role: 'status', 'aria-live': 'polite' });
  const references = new Map();
  for (const fk of schema.foreign_keys) {
    if (fk.columns.length === 1) references.set(fk.columns[0], fk);
  }
  const detail = el('dl', { class: 'detail', id: 'row-detail' }, schema.columns.map((column) => {
    const value = record[column.name];
    const fk = references.get(column.name);
    const shown = fk && value !== null
      ? el('a', { href: `#/table/${seg(fk.referenced_table)}?${new URLSearchParams([[fk.referenced_columns[0], `eq.${value}`]])}`,
        'aria-label': `${column.name} ${cellText(value)}: the referenced row in ${fk.referenced_table}` }, cellText(value))
      : cellText(value);
    return [el('dt', {}, column.name), el('dd', { class: value === null ? 'null' : null, dataset: { column: column.name } }, shown)];
  }));
  const editable = schema.columns.filter((c) => !schema.primary_key.includes(c.name));
  const inputs = new Map();
  const form = el('form', { id: 'row-edit', class: 'stack', 'aria-label': `Edit row ${id}` },
    editable.map((column) => {
      const value = record[column.name];
      const input = field(`${column.name} (${column.type}${column.nullable ? ', empty for NULL' : ''})`, {
        id: `edit-${column.name}`, type: 'text', '.value': value === null ? '' : cellText(value), autocomplete: 'off',
        disabled: !access.canWrite,
      });
      inputs.set(column, input.input);
      return input.field;
    }),
    el('div', { class: 'toolbar' },
      el('button', { type: 'submit', id: 'row-save', disabled: !access.canWrite }, 'Save changes'),
      el('button', { type: 'button', id: 'row-delete', class: 'danger', disabled: !access.canWrite,
        on: { click: remove } }, 'Delete row'),
      access.canWrite ? null : el('span', { class: 'readonly-reason', id: 'write-reason' }, writeReason())));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const changes = {};
    for (const [column, input] of inputs) {
      const before = record[column.name] === null ? '' : cellText(record[column.name]);
      if (input.value !== before) changes[column.name] = fromInput(column, input.value);
    }
    if (!Object.keys(changes).length) {
      replace(outcome, message('info', 'nothing changed'));
      return;
    }
    try {
      await request('PATCH', `/api/v1/db/tables/${seg(name)}/rows/${seg(id)}`, changes);
      await rowView(name, id);
      replace(document.getElementById('row-status'), message('ok', 'saved'));
    } catch (error) {
      noteRefusal(error);
      replace(outcome, message('error', `not saved: ${error.message}`));
    }
  });

  async function remove() {
    if (!window.confirm(`Delete row ${id} of ${name}? This cannot be undone.`)) return;
    try {
      await request('DELETE', `/api/v1/db/tables/${seg(name)}/rows/${seg(id)}`);
      location.hash = `#/table/${seg(name)}`;
    } catch (error) {
      noteRefusal(error);
      replace(outcome, message('error', `not deleted: ${error.message}`));
    }
  }

  replace(view(),
    el('h2', {}, `Row ${id} of ${name}`),
    el('p', { class: 'meta' }, el('a', { href: `#/table/${seg(name)}` }, `back to ${name}`)),
    detail,
    el('h3', {}, 'Edit'),
    outcome,
    form);
  markLoaded();
}

export async function insertView(name) {
  const schema = await get(`/api/v1/db/tables/${seg(name)}/schema`);
  const outcome = el('div', { id: 'insert-status', role: 'status' });
  const inputs = new Map();
  const form = el('form', { id: 'row-insert', class: 'stack', 'aria-label': `Insert a row into ${name}` },
    schema.columns.map((column) => {
      const input = field(`${column.name} (${column.type}${column.auto_increment ? ', generated' : ''})`,
        { id: `insert-${column.name}`, type: 'text', autocomplete: 'off', disabled: !access.canWrite });
      inputs.set(column, input.input);
      return input.field;
    }),
    el('div', { class: 'toolbar' }, el('button', { type: 'submit', disabled: !access.canWrite }, 'Insert'),
      access.canWrite ? null : el('span', { class: 'readonly-reason' }, writeReason())));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const row = {};
    for (const [column, input] of inputs) if (input.value !== '') row[column.name] = fromInput(column, input.value);
    try {
      const inserted = await request('POST', `/api/v1/db/tables/${seg(name)}`, row);
      const pk = schema.primary_key;
      location.hash = pk.length === 1 ? `#/row/${seg(name)}/${seg(inserted.record[pk[0]])}` : `#/table/${seg(name)}`;
    } catch (error) {
      noteRefusal(error);
      replace(outcome, message('error', `not inserted: ${error.message}`));
    }
  });
  replace(view(), el('h2', {}, `Insert into ${name}`), outcome, form);
}

export { ApiError };
