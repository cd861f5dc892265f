// Subjects: a subject's properties and extended properties; set or delete one (values are JSON).
import { get, request, seg } from './api.js';
import { access, noteRefusal, writeReason } from './app.js';
import { el, field, message, replace } from './dom.js';

const view = () => document.getElementById('view');

export async function subjectsView() {
  const name = field('Subject name', { id: 'subject-name', type: 'text', autocomplete: 'off', required: true });
  const shown = el('section', { id: 'subject-detail', 'aria-label': 'Subject' });
  const property = field('Property', { id: 'subject-property', type: 'text', autocomplete: 'off', disabled: !access.canWrite });
  const value = field('Value (JSON, e.g. "text", 42, {"a": 1})', { id: 'subject-value', tag: 'textarea', rows: 2, disabled: !access.canWrite });
  const ext = el('input', { type: 'checkbox', id: 'subject-ext', disabled: !access.canWrite });
  const outcome = el('div', { id: 'subject-status', role: 'status' });
  const edit = el('form', { id: 'subject-edit', class: 'stack', 'aria-label': 'Set a property' },
    property.field, value.field,
    el('div', { class: 'field inline' }, ext, el('label', { for: 'subject-ext' }, 'extended property')),
    el('div', { class: 'toolbar' }, el('button', { type: 'submit', disabled: !access.canWrite }, 'Set property'),
      access.canWrite ? null : el('span', { class: 'readonly-reason' }, writeReason())),
    outcome);

  async function load() {
    try {
      const subject = await get(`/api/v1/subjects/${seg(name.input.value)}`);
      replace(shown, el('h3', {}, subject.name),
        properties('Properties', subject.properties, false), properties('Extended properties', subject.ext_properties, true));
    } catch (error) {
      replace(shown, message(error.status === 404 ? 'info' : 'error', error.message));
    }
  }

  function properties(caption, values, extended) {
    return el('div', { class: 'scroll' }, el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Property'), el('th', { scope: 'col' }, 'Value'),
        el('th', { scope: 'col' }, 'Action'))),
      el('tbody', {}, Object.entries(values).map(([key, v]) => el('tr', {},
        el('th', { scope: 'row' }, key), el('td', {}, el('code', {}, JSON.stringify(v))),
        el('td', {}, el('button', { type: 'button', class: 'small', disabled: !access.canWrite,
          'aria-label': `Edit ${key}`, on: { click: () => {
            property.input.value = key; value.input.value = JSON.stringify(v); ext.checked = extended; value.input.focus();
          } } }, 'edit')))))));
  }

  edit.addEventListener('submit', async (event) => {
    event.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(value.input.value);
    } catch {
      replace(outcome, message('error', 'the value is not JSON (text needs quotes: "like this")'));
      return;
    }
    try {
      await request('PUT', `/api/v1/subjects/${seg(name.input.value)}/${seg(property.input.value)}${ext.checked ? '?ext=true' : ''}`,
        { value: parsed });
      replace(outcome, message('ok', `set ${property.input.value}`));
      await load();
    } catch (error) {
      noteRefusal(error);
      replace(outcome, message('error', `not set: ${error.message}`));
    }
  });

  replace(view(),
    el('h2', {}, 'Subjects'),
    el('form', { id: 'subject-load', class: 'toolbar', 'aria-label': 'Open a subject',
      on: { submit: (event) => { event.preventDefault(); load(); } } },
    name.field, el('button', { type: 'submit' }, 'Open')),
    shown,
    el('h3', {}, 'Set a property'),
    edit);
}
