// The read-only SQL console: a query runs through POST /api/v1/db/sql in a read-only transaction of the database,
// with a time limit and a row cap. Only a server started with an admin token offers it, and only with the token.
import { request } from './api.js';
import { access } from './app.js';
import { el, field, markLoaded, message, replace, valueCell } from './dom.js';

const view = () => document.getElementById('view');

export function sqlView() {
  if (!access.hasToken) {
    replace(view(), el('h2', {}, 'SQL'), message('error', access.serverHasToken
      ? access.reason || 'the SQL console needs the admin token: enter it above'
      : 'the SQL console needs a server started with an admin token (CAIRN_ADMIN_TOKEN), and that token entered above'));
    return;
  }
  const query = field('SQL query (read-only)', { id: 'sql-input', tag: 'textarea', rows: 6, spellcheck: 'false',
    autocomplete: 'off' });
  const result = el('section', { id: 'sql-result', 'aria-label': 'Query result', 'aria-live': 'polite' });
  const run = el('button', { type: 'submit', id: 'sql-run' }, 'Run');

  async function submit(event) {
    event.preventDefault();
    run.disabled = true;
    try {
      const answer = await request('POST', '/api/v1/db/sql', { sql: query.input.value });
      replace(result, summary(answer), table(answer));
    } catch (error) {
      replace(result, message('error', `${error.code}: ${error.message}`));
    } finally {
      run.disabled = false;
      markLoaded();
    }
  }

  replace(view(),
    el('h2', {}, 'SQL'),
    el('p', { class: 'hint' }, 'Runs in a read-only transaction: the database refuses any write. '
      + 'Long queries are cancelled; at most 1000 rows are shown.'),
    el('form', { class: 'stack', id: 'sql-form', on: { submit } }, query.field, el('div', { class: 'toolbar' }, run)),
    result);
  query.input.focus();
}

function summary(answer) {
  const rows = answer.rows.length;
  const text = `${rows} row${rows === 1 ? '' : 's'} in ${answer.elapsed_ms} ms`;
  return answer.truncated
    ? message('info', `${text}; truncated: the query returned more rows than the console shows`)
    : el('p', { class: 'meta', id: 'sql-summary' }, text);
}

function table(answer) {
  return el('div', { class: 'scroll' }, el('table', { id: 'sql-rows' },
    el('caption', {}, 'Query result'),
    el('thead', {}, el('tr', {}, answer.columns.map((name) => el('th', { scope: 'col' }, name)))),
    el('tbody', {}, answer.rows.map((row) => el('tr', {}, row.map((value) => valueCell(value)))))));
}
