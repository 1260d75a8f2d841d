// The csakg explorer: a front-end app of csakg's public GraphQL API. It
// keeps what is shown (entity, path, period) in the URL's hash, so a view
// can be shared.

const colours = {
  ORGANIZATION: '#1f77b4', WORKING_GROUP: '#2ca02c', PERSON: '#d62728', DOCUMENT: '#9467bd',
  PROJECT: '#8c564b', STANDARD: '#e377c2', EVENT: '#ff7f0e', TOPIC: '#17becf',
};

const $ = (id) => document.getElementById(id);
const state = { entity: '', from: '', to: '', period: '' };
let cy;

// gql sends a query and returns its data, or throws an error that says
// what went wrong (with the API's extensions.code).
async function gql(query, variables = {}) {
  let resp;
  try {
    resp = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new Error('the server cannot be reached');
  }
  const body = await resp.json().catch(() => ({}));
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    const code = e.extensions && e.extensions.code ? ` (${e.extensions.code})` : '';
    throw new Error(e.message + code);
  }
  if (!resp.ok) throw new Error(`the server answered ${resp.status}`);
  return body.data;
}

function status(msg, isError = false) {
  const s = $('status');
  s.textContent = msg;
  s.className = isError ? 'error' : '';
}

async function busy(msg, fn) {
  status(msg);
  try {
    const r = await fn();
    status('');
    return r;
  } catch (e) {
    status(`Error: ${e.message}`, true);
    return undefined;
  }
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'style') e.style.cssText = v; // CSSOM: allowed by the page's CSP, unlike a style attribute
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

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

// --- the graph -----------------------------------------------------------

function initGraph() {
  cy = cytoscape({
    container: $('graph'),
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 9,
        'text-wrap': 'ellipsis', 'text-max-width': 110, color: '#222', width: 18, height: 18 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
      { selector: 'node.focus', style: { width: 28, height: 28, 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 1.2, 'line-color': '#bbb', 'target-arrow-color': '#bbb',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(type)', 'font-size': 6, color: '#888' } },
      { selector: 'edge.path', style: { 'line-color': '#e6550d', 'target-arrow-color': '#e6550d', width: 3 } },
      { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e6550d' } },
    ],
    layout: { name: 'grid' },
  });
  cy.on('tap', 'node', (ev) => expand(ev.target.id()));
  $('graph').addEventListener('keydown', (ev) => {
    const sel = cy.$('node:selected');
    if (ev.key === 'Enter' && sel.length) expand(sel[0].id());
  });
  const legend = $('legend');
  for (const [t, c] of Object.entries(colours)) {
    legend.append(el('li', {}, el('span', { class: 'dot', style: `background:${c}` }), t.toLowerCase().replace('_', ' ')));
  }
}

function addNode(n) {
  if (!cy.getElementById(n.id).length) {
    cy.add({ group: 'nodes', data: { id: n.id, label: n.name, colour: colours[n.type] || '#999', type: n.type } });
  }
}

function addEdge(from, to, type) {
  const id = `${from}|${type}|${to}`;
  if (!cy.getElementById(id).length) cy.add({ group: 'edges', data: { id, source: from, target: to, type } });
  return id;
}

function layout() {
  cy.layout({ name: 'cose', animate: false, nodeRepulsion: 8000, idealEdgeLength: 80 }).run();
}

const neighbourQuery = `query($id: ID!) { node(id: $id) { id name type
  relationships(first: 50) { edges { type direction node { id name type } } } } }`;

async function expand(id) {
  const data = await busy('Loading neighbours…', () => gql(neighbourQuery, { id }));
  if (!data) return;
  const n = data.node;
  addNode(n);
  for (const e of n.relationships.edges) {
    addNode(e.node);
    if (e.direction === 'OUT') addEdge(n.id, e.node.id, e.type); else addEdge(e.node.id, n.id, e.type);
  }
  cy.$('.focus').removeClass('focus');
  cy.getElementById(n.id).addClass('focus');
  layout();
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
  loadTimeline();
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

// --- paths ---------------------------------------------------------------

const pathQuery = `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6, first: 3) { length
  nodes { id name type } hops { type direction role from { id name type } to { id name type } evidence { source line excerpt } } } }`;

async function findPath(from, to) {
  state.from = from; state.to = to;
  writeHash();
  $('path').hidden = false;
  const data = await busy('Finding paths…', () => gql(pathQuery, { from, to }));
  if (!data) return;
  const hops = $('hops');
  hops.replaceChildren();
  cy.$('.path').removeClass('path');
  if (!data.paths.length) {
    hops.append(el('li', { text: 'No path of up to 6 relationships.' }));
    return;
  }
  const p = data.paths[0];
  p.nodes.forEach(addNode);
  for (const h of p.hops) {
    const [a, b] = h.direction === 'OUT' ? [h.from.id, h.to.id] : [h.to.id, h.from.id];
    cy.getElementById(addEdge(a, b, h.type)).addClass('path');
    cy.getElementById(h.from.id).addClass('path');
    cy.getElementById(h.to.id).addClass('path');
    const arrow = h.direction === 'OUT' ? `—${h.type}→` : `←${h.type}—`;
    hops.append(el('li', {}, `${h.from.name} ${arrow} ${h.to.name}`,
      el('blockquote', { text: `${h.evidence.source}:${h.evidence.line} — ${h.evidence.excerpt}` })));
  }
  layout();
}

// --- timeline -----------------------------------------------------------

const timelineQuery = `query($e: ID, $from: Date, $to: Date) { timeline(entity: $e, from: $from, to: $to, first: 50) {
  totalCount edges { date node { id name type ... on Event { title } } } } }`;

async function loadTimeline() {
  const [from, to] = state.period.split('..');
  const data = await busy('Loading the timeline…', () => gql(timelineQuery, { e: state.entity || null, from: from || null, to: to || null }));
  if (!data) return;
  const list = $('timeline-items');
  list.replaceChildren();
  for (const e of data.timeline.edges) {
    // The date is given already: an event shows its heading, not its name
    // (which ends with the date).
    list.append(el('li', {}, `${e.date} `, el('a', { href: '#', text: e.node.title || e.node.name,
      onclick: (ev) => { ev.preventDefault(); openEntity(e.node.id); expand(e.node.id); } })));
  }
  if (!data.timeline.edges.length) list.append(el('li', { text: 'Nothing dated here.' }));
}

// --- start ----------------------------------------------------------------

function start() {
  initGraph();
  readHash();
  suggest($('q'), $('suggestions'), (e) => { openEntity(e.id); expand(e.id); });
  suggest($('path-to'), $('path-suggestions'), (e) => findPath(state.entity, e.id));
  $('expand').addEventListener('click', () => state.entity && expand(state.entity));
  $('path-from').addEventListener('click', () => {
    $('path').hidden = false;
    $('path-start').textContent = $('entity-name').textContent;
    $('path-to').focus();
  });
  $('period').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const from = $('from').value.trim(), to = $('to').value.trim();
    state.period = from || to ? `${from}..${to}` : '';
    writeHash();
    loadTimeline();
  });
  if (state.period) [$('from').value, $('to').value] = state.period.split('..');
  if (state.entity) { openEntity(state.entity); expand(state.entity); } else loadTimeline();
  if (state.from && state.to) findPath(state.from, state.to);
}

// A changed hash (a shared link, back and forward) shows its view.
function showHash() {
  const was = { ...state };
  readHash();
  if (state.entity && state.entity !== was.entity) { openEntity(state.entity); expand(state.entity); }
  if (state.from && state.to && (state.from !== was.from || state.to !== was.to)) findPath(state.from, state.to);
}

window.addEventListener('load', start);
window.addEventListener('hashchange', showHash);
