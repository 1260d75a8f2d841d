// The csakg explorer: a front-end app of csakg's public GraphQL API. It
// keeps what is shown (entity, path, period) in the URL's hash, so a view
// can be shared. The picture is drawn by graph.js (neighbourhoods and
// groups), pathview.js (a path alone), timeline.js (dates on an axis) and
// picture.js (PNG and SVG of the view).
import { $, colours, el, gql, busy } from './api.js';
import { cy, initGraph, expand, openGroup, closeGroup } from './graph.js';
import { initPathView, findPath } from './pathview.js';
import { loadTimeline } from './timeline.js';
import { downloadPNG, downloadSVG } from './picture.js';

const state = { entity: '', from: '', to: '', period: '' };

// --- URL state ---------------------------------------------------------

function writeHash() {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v) p.set(k, v);
  history.replaceState(null, '', '#' + p.toString());
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  for (const k of Object.keys(state)) state[k] = p.get(k) || '';
}

// --- search with suggestions ---------------------------------------------

const searchQuery = `query($t: String!) { search(text: $t, first: 8) { snippet entity { id name type } } }`;

function suggest(input, list, onPick) {
  let timer, seq = 0, active = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const pick = (hit) => { close(); input.value = hit.entity.name; onPick(hit.entity); };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) { close(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      const data = await busy('Searching…', () => gql(searchQuery, { t: text }));
      if (!data || mine !== seq) return;
      list.replaceChildren();
      if (!data.search.length) {
        list.append(el('li', { class: 'empty', text: 'No results' }));
      }
      data.search.forEach((hit, i) => {
        list.append(el('li', { role: 'option', id: `${list.id}-${i}`, tabindex: '-1', 'data-id': hit.entity.id,
          onclick: () => pick(hit) },
          el('span', { class: 'dot', style: `background:${colours[hit.entity.type]}` }),
          el('span', { text: hit.entity.name }), el('small', { text: ' ' + hit.entity.type.toLowerCase().replace('_', ' ') })));
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      list._hits = data.search;
    }, 200);
  });
  input.addEventListener('keydown', (ev) => {
    const items = list.querySelectorAll('[role=option]');
    if (list.hidden || !items.length) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach((it, i) => it.setAttribute('aria-selected', String(i === active)));
      input.setAttribute('aria-activedescendant', items[active].id);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      pick(list._hits[Math.max(active, 0)]);
    } else if (ev.key === 'Escape') {
      close();
    }
  });
}

// --- the entity panel ----------------------------------------------------

const entityQuery = `query($id: ID!) { node(id: $id) { id name type aliases description
  ... on Organization { acronym kind url address email }
  ... on WorkingGroup { acronym founded region }
  ... on Person { title email phone }
  ... on Document { kind url date status }
  ... on Project { acronym funding region started }
  ... on Standard { acronym kind version }
  ... on Event { date start end kind location url }
  mentions(first: 5) { totalCount edges { node { source line excerpt } } }
  relationships(first: 100) { totalCount edges { type direction role sections weight
    node { id name type } evidence(first: 5) { source line excerpt } } } }
  collaborators(of: $id, first: 5) { score direct shared { type count } entity { id name type } } }`;

async function openEntity(id) {
  state.entity = id;
  writeHash();
  const data = await busy('Loading…', () => gql(entityQuery, { id }));
  if (!data) return;
  const n = data.node;
  $('entity').hidden = false;
  $('entity-name').textContent = n.name;
  $('entity-type').textContent = n.type.toLowerCase().replace('_', ' ') + ' · ' + n.id;
  const props = $('entity-props');
  props.replaceChildren();
  const skip = new Set(['id', 'name', 'type', 'mentions', 'relationships']);
  for (const [k, v] of Object.entries(n)) {
    if (skip.has(k) || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    props.append(el('dt', { text: k }), el('dd', { text: Array.isArray(v) ? v.join(', ') : String(v) }));
  }
  const rels = $('relationships');
  rels.replaceChildren();
  const groups = {};
  for (const e of n.relationships.edges) (groups[e.type] ||= []).push(e);
  for (const [type, edges] of Object.entries(groups)) {
    const list = el('ul');
    for (const e of edges) {
      const who = el('a', { href: `#entity=${encodeURIComponent(e.node.id)}`, text: e.node.name,
        onclick: (ev) => { ev.preventDefault(); openEntity(e.node.id); expand(e.node.id); } });
      const sections = e.sections.length && `${e.sections.length > 1 ? 'sections' : 'section'} ${e.sections.join(', ')}`;
      const facts = [e.direction === 'OUT' ? '→' : '←', e.role, sections].filter(Boolean).join(' ');
      // Every line that states the fact (the first five, and how many more).
      const ev = e.evidence.map((x) => el('blockquote', { text: `${x.source}:${x.line} — ${x.excerpt}` }));
      const more = e.weight > e.evidence.length ? el('p', { class: 'more', text: `and ${e.weight - e.evidence.length} more lines` }) : '';
      list.append(el('li', {}, `${facts} `, who, ...ev, more));
    }
    rels.append(el('details', { open: '' }, el('summary', { text: `${type} (${edges.length})` }), list));
  }
  if (!n.relationships.edges.length) rels.append(el('p', { text: 'No relationships.' }));
  const col = $('collaborators');
  col.replaceChildren();
  for (const c of data.collaborators) {
    const why = c.shared.map((s) => `${s.count} ${s.type.toLowerCase()}`).concat(c.direct ? [`${c.direct} direct`] : []).join(', ');
    col.append(el('li', {}, el('a', { href: '#', text: c.entity.name,
      onclick: (ev) => { ev.preventDefault(); openEntity(c.entity.id); expand(c.entity.id); } }), ` — score ${c.score} (${why})`));
  }
  if (!data.collaborators.length) col.append(el('li', { text: 'None found.' }));
  for (const [k, fmt] of [['graphml', 'graphml'], ['json', 'json']]) {
    $(`export-${k}`).href = `/export?format=${fmt}&entity=${encodeURIComponent(id)}&hops=2`;
  }
  $('open-playground').href = '/?query=' + encodeURIComponent(playgroundQuery(n));
  $('export-csv-nodes').href = `/export?format=csv&part=nodes&entity=${encodeURIComponent(id)}&hops=2`;
  $('export-csv-edges').href = `/export?format=csv&part=edges&entity=${encodeURIComponent(id)}&hops=2`;
  showTimeline();
}

// playgroundQuery is a query for the entity, for GraphiQL to open (the
// playground reads ?query= from its URL).
function playgroundQuery(n) {
  return `# ${n.name}: its properties, relationships and collaborators
query Entity {
  node(id: ${JSON.stringify(n.id)}) {
    id
    name
    type
    aliases
    description
    relationships(first: 20) {
      totalCount
      edges { type direction role node { id name type } evidence { source line excerpt } }
    }
  }
  collaborators(of: ${JSON.stringify(n.id)}, first: 5) { score entity { id name type } }
}
`;
}

// --- the group panel -----------------------------------------------------

// showGroup lists a group's members in the panel, each a link that opens
// it, with a button that draws them in the graph or folds them back.
function showGroup(g) {
  $('group').hidden = false;
  $('group-name').textContent = g.data('name');
  const center = cy.getElementById(g.id().split('|')[1]);
  $('group-of').textContent = center.length ? `of ${center.data('name')}` : '';
  const list = $('group-members');
  list.replaceChildren();
  for (const m of g.data('members')) {
    list.append(el('li', {}, el('a', { href: `#entity=${encodeURIComponent(m.id)}`, text: m.name,
      onclick: (ev) => { ev.preventDefault(); openEntity(m.id); expand(m.id); } }), m.role ? ` — ${m.role}` : ''));
  }
  const fold = $('group-fold');
  fold.textContent = g.isParent() ? 'Fold into one node' : 'Draw the members';
  fold.onclick = () => {
    if (g.isParent()) closeGroup(g); else openGroup(g);
    showGroup(g);
  };
  $('group').scrollIntoView({ block: 'nearest' });
}

// --- timeline -----------------------------------------------------------

function showTimeline() {
  const open = (id) => { openEntity(id); expand(id); };
  $('timeline-for').textContent = state.entity ? `of ${$('entity-name').textContent || state.entity}` : 'of the whole graph';
  loadTimeline(state.entity, state.period, open);
}

// --- start ----------------------------------------------------------------

// show opens an entity as a new picture: its panel and its first level.
function show(id) {
  $('group').hidden = true;
  openEntity(id);
  return expand(id, true);
}

function exportName() {
  return 'csakg' + (state.entity ? '-' + state.entity.replace(/[:/]/g, '-') : '');
}

async function start() {
  initGraph((id) => openEntity(id), showGroup);
  initPathView(() => { state.from = state.to = ''; writeHash(); });
  readHash();
  suggest($('q'), $('suggestions'), (e) => show(e.id));
  suggest($('path-to'), $('path-suggestions'), (e) => startPath(state.entity, e.id));
  $('expand').addEventListener('click', () => state.entity && expand(state.entity));
  $('path-from').addEventListener('click', () => {
    $('path').hidden = false;
    $('path-start').textContent = $('entity-name').textContent;
    $('path').scrollIntoView({ block: 'nearest' });
    $('path-to').focus();
  });
  $('group-close').addEventListener('click', () => { $('group').hidden = true; });
  $('export-png').addEventListener('click', () => downloadPNG(cy, exportName()));
  $('export-svg').addEventListener('click', () => downloadSVG(cy, exportName()));
  $('period').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const from = $('from').value.trim(), to = $('to').value.trim();
    state.period = from || to ? `${from}..${to}` : '';
    writeHash();
    showTimeline();
  });
  if (state.period) [$('from').value, $('to').value] = state.period.split('..');
  // The path is drawn into the first level, so that comes first.
  if (state.entity) await show(state.entity); else showTimeline();
  if (state.from && state.to) startPath(state.from, state.to);
}

function startPath(from, to) {
  state.from = from; state.to = to;
  writeHash();
  findPath(from, to);
}

// A changed hash (a shared link, back and forward) shows its view.
async function showHash() {
  const was = { ...state };
  readHash();
  if (state.entity && state.entity !== was.entity) await show(state.entity);
  else if (state.period !== was.period) {
    [$('from').value, $('to').value] = state.period ? state.period.split('..') : ['', ''];
    showTimeline();
  }
  if (state.from && state.to && (state.from !== was.from || state.to !== was.to)) findPath(state.from, state.to);
}

window.addEventListener('load', start);
window.addEventListener('hashchange', showHash);
