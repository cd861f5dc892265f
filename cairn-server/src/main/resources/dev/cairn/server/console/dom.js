// Building the page without ever parsing data as HTML: every value from the server becomes a text node
// (textContent), so a row holding "<script>" or "\"><img onerror=...>" shows as those characters.

/**
 * Creates an element. `props` may hold: `class`, `text`, `on` ({event: handler}), `dataset` ({key: value}),
 * any attribute (set with setAttribute) or a property name prefixed with `.` (e.g. `.value`).
 * Children are nodes or values; values (strings, numbers) become text nodes.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('.')) node[name.slice(1)] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `node`. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A value from the database as display text: null as "NULL" (styled apart), objects as JSON. */
export function cellText(value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A table cell for a database value. */
export function valueCell(value) {
  return el('td', { class: value === null || value === undefined ? 'null' : null }, cellText(value));
}

let counter = 0;
/** A fresh id for label/control pairs. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A labelled input: returns { field (the wrapper), input }. */
export function field(label, props = {}) {
  const id = props.id || uid('f');
  const input = el(props.tag || 'input', { ...props, tag: undefined, id });
  return { field: el('div', { class: 'field' }, el('label', { for: id }, label), input), input };
}

/** A labelled select with options [[value, text], ...]. */
export function select(label, options, props = {}) {
  const id = props.id || uid('s');
  const input = el('select', { ...props, id },
    options.map(([value, text]) => el('option', { value }, text ?? value)));
  return { field: el('div', { class: 'field' }, el('label', { for: id }, label), input), input };
}

/** A message line: kind is "error", "info" or "ok". */
export function message(kind, text) {
  return el('p', { class: `msg ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Formats a byte count. */
export function bytes(value) {
  if (value === null || value === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = Number(value);
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) { n /= 1024; unit += 1; }
  return `${unit === 0 ? n : n.toFixed(1)} ${units[unit]}`;
}

/** Counts finished renders of data on the view (main[data-loads]), so a test can wait for the next one. */
export function markLoaded() {
  const main = document.getElementById('view');
  main.dataset.loads = String(Number(main.dataset.loads || 0) + 1);
}
