// Migrations of the registry's named databases: status, run to the latest, downgrade to a version (confirmed).
import { get, request } from './api.js';
import { access, noteRefusal, writeReason } from './app.js';
import { el, field, message, replace, select } from './dom.js';

const view = () => document.getElementById('view');

export async function migrationsView() {
  let databases;
  try {
    databases = await get('/api/v1/db/databases');
  } catch (error) {
    replace(view(), el('h2', {}, 'Migrations'),
      message('info', `No named databases: ${error.message}. Migrations run on databases of a registry (cairn serve with one).`));
    return;
  }
  const chooser = select('Database', databases.databases.map((name) => [name, `${name} (${databases.health[name]})`]), { id: 'migration-db' });
  const shown = el('section', { id: 'migration-status', 'aria-label': 'Migration status' });
  const outcome = el('div', { id: 'migration-outcome', role: 'status', 'aria-live': 'polite' });
  const target = field('Downgrade to version', { id: 'migration-target', type: 'text', autocomplete: 'off', disabled: !access.canWrite });
  // the API's default database for migrations
  if (databases.databases.includes('framework')) chooser.input.value = 'framework';
  const db = () => encodeURIComponent(chooser.input.value);

  async function load() {
    try {
      const { status } = await get(`/api/v1/db/migrations/status?db=${db()}`);
      const count = (state) => status.migrations.filter((m) => m.state === state).length;
      replace(shown,
        el('p', { class: 'meta', id: 'migration-summary' }, `current version ${status.current ?? 'none'} · ${count('SUCCESS')} applied · `
          + `${count('PENDING')} pending · ${count('FAILED')} failed`
          + (status.migrations.length ? '' : ' · no migration scripts (cairn migrate generate writes them)')),
        el('div', { class: 'scroll' }, el('table', {}, el('caption', {}, `Migrations of ${status.database}`),
          el('thead', {}, el('tr', {}, ['Version', 'Description', 'State', 'Installed'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, status.migrations.map((m) => el('tr', {},
            el('td', {}, m.version ?? ''), el('td', {}, m.description ?? ''), el('td', {}, m.state),
            el('td', {}, m.installed_on ?? '')))))));
    } catch (error) {
      replace(shown, message('error', error.message));
    }
  }

  async function act(kind) {
    const body = kind === 'downgrade' ? { target: target.input.value } : {};
    const what = kind === 'downgrade' ? `Undo migrations of ${chooser.input.value} down to version ${target.input.value}?`
      : `Apply every pending migration of ${chooser.input.value}?`;
    if (!window.confirm(what)) return;
    try {
      const result = await request('POST', `/api/v1/db/migrations/${kind}?db=${db()}`, body);
      const list = result.applied || result.undone || [];
      replace(outcome, message('ok', `${kind === 'run' ? 'applied' : 'undone'}: ${list.length ? list.join(', ') : 'nothing'}`));
    } catch (error) {
      noteRefusal(error);
      replace(outcome, message('error', `${kind} failed: ${error.message}`));
    }
    await load();
  }

  chooser.input.addEventListener('change', load);
  replace(view(),
    el('h2', {}, 'Migrations'),
    el('div', { class: 'toolbar' }, chooser.field),
    shown,
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', id: 'migration-run', disabled: !access.canWrite, on: { click: () => act('run') } }, 'Run pending'),
      target.field,
      el('button', { type: 'button', id: 'migration-downgrade', class: 'danger', disabled: !access.canWrite,
        on: { click: () => act('downgrade') } }, 'Downgrade'),
      access.canWrite ? null : el('span', { class: 'readonly-reason' }, writeReason())),
    outcome);
  await load();
}
