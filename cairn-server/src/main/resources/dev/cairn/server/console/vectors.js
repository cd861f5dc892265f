// Vectors: the collections of the vector store (dimension, metric, count), an item looked up by id (its metadata and
// vector) and its nearest neighbours: a search with the item's own vector, each neighbour with its score and
// metadata as text and a link to it, so the collection can be browsed from neighbour to neighbour.
// Addresses: #/vectors, #/vectors/<collection>/<id>.
import { ApiError, get, request, seg } from './api.js';
import { cellText, el, field, markLoaded, message, replace, select } from './dom.js';

const view = () => document.getElementById('view');
const NEIGHBOURS = 10;
const SHOWN_COMPONENTS = 8;

export async function vectorsView(collection, id) {
  let listed;
  try {
    listed = await get('/api/v1/vectors');
  } catch (error) {
    const text = error instanceof ApiError && error.code === 'VECTOR_STORE_NOT_CONFIGURED'
      ? 'This server has no vector store: start it with one (see the README) to browse vectors here.'
      : error.message;
    replace(view(), el('h2', {}, 'Vectors'), message('error', text));
    markLoaded();
    return;
  }
  const collections = listed.collections;
  const chosen = collection && collections.some((c) => c.name === collection) ? collection : collections[0]?.name;
  const collectionChoice = select('Collection', collections.map((c) => [c.name]), { id: 'vector-collection' });
  if (chosen) collectionChoice.input.value = chosen;
  const idInput = field('Item id', { id: 'vector-id', type: 'text', autocomplete: 'off', spellcheck: 'false',
    '.value': id || '' });
  const detail = el('section', { id: 'vector-detail', 'aria-label': 'Item and its nearest neighbours', 'aria-live': 'polite' });

  replace(view(),
    el('h2', {}, 'Vectors'),
    el('p', { class: 'meta' }, `${listed.backend} · ${collections.length} collection${collections.length === 1 ? '' : 's'}`),
    el('div', { class: 'scroll' }, el('table', { id: 'vector-collections' },
      el('caption', {}, 'Collections of the vector store'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Collection'), el('th', { scope: 'col', class: 'num' }, 'Dimension'),
        el('th', { scope: 'col' }, 'Metric'), el('th', { scope: 'col', class: 'num' }, 'Items'))),
      el('tbody', {}, collections.length ? collections.map((c) => el('tr', {},
        el('th', { scope: 'row' }, c.name), el('td', { class: 'num' }, String(c.dimension)),
        el('td', {}, c.metric), el('td', { class: 'num' }, String(c.count))))
        : el('tr', {}, el('td', { colspan: 4 }, 'no collections'))))),
    el('h3', {}, 'Look up an item'),
    el('form', { id: 'vector-lookup', class: 'toolbar', 'aria-label': 'Look up an item',
      on: { submit: (event) => {
        event.preventDefault();
        location.hash = `#/vectors/${seg(collectionChoice.input.value)}/${seg(idInput.input.value.trim())}`;
      } } },
    collectionChoice.field, idInput.field,
    el('button', { type: 'submit', id: 'vector-lookup-button', disabled: !collections.length }, 'Look up')),
    detail);

  if (chosen && id) await showItem(detail, chosen, id);
  markLoaded();
}

async function showItem(detail, collection, id) {
  let item;
  let matches;
  try {
    item = await get(`/api/v1/vectors/${seg(collection)}/items/${seg(id)}`);
    // the item itself is its own nearest neighbour: one more is asked for, and it is left out
    const found = await request('POST', `/api/v1/vectors/${seg(collection)}/search`,
      { vector: item.vector, k: NEIGHBOURS + 1 });
    matches = found.matches.filter((match) => match.id !== item.id).slice(0, NEIGHBOURS);
  } catch (error) {
    replace(detail, message('error', error.message));
    return;
  }
  const components = item.vector.slice(0, SHOWN_COMPONENTS).map((n) => Number(n).toFixed(4)).join(', ');
  replace(detail,
    el('h3', {}, 'Item ', el('span', { id: 'vector-item-id' }, item.id), ` in ${collection}`),
    el('dl', { class: 'detail', id: 'vector-item' },
      el('dt', {}, 'Vector'),
      el('dd', {}, `[${components}${item.vector.length > SHOWN_COMPONENTS ? ', …' : ''}] (dimension ${item.vector.length})`),
      Object.entries(item.metadata || {}).map(([key, value]) => [el('dt', {}, key),
        el('dd', { dataset: { key } }, cellText(value))])),
    el('div', { class: 'scroll' }, el('table', { id: 'vector-neighbours' },
      el('caption', {}, `Nearest neighbours of ${item.id} (a higher score is closer)`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'num' }, 'Rank'), el('th', { scope: 'col' }, 'Item'),
        el('th', { scope: 'col', class: 'num' }, 'Score'), el('th', { scope: 'col' }, 'Metadata'))),
      el('tbody', {}, matches.length ? matches.map((match, index) => el('tr', {},
        el('td', { class: 'num' }, String(index + 1)),
        el('td', {}, el('a', { href: `#/vectors/${seg(collection)}/${seg(match.id)}`,
          'aria-label': `Open item ${match.id}` }, match.id)),
        el('td', { class: 'num' }, Number(match.score).toFixed(4)),
        el('td', {}, cellText(match.metadata || {}))))
        : el('tr', {}, el('td', { colspan: 4 }, 'no other items'))))));
}
