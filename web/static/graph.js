// The graph picture: Cytoscape with the explorer's style, neighbourhoods
// added a level at a time with big same-kind sets folded into one group
// node, edge labels on hover or selection only, and the legend as a filter
// of kinds. The path view (pathview.js) hides what is not on the path.
import { $, colours, el, gql, busy, kindName, shorten } from './api.js';
import { force, fit } from './layout.js';

// A node with more than groupMin neighbours of one relationship type,
// direction and kind draws them as one group node.
export const groupMin = 12;

export let cy;
const hiddenKinds = new Set();
let hooks = { open: () => {}, group: () => {} };

const style = [
  { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(short)', 'font-size': 9,
    color: '#222', width: 16, height: 16, 'text-valign': 'bottom', 'text-margin-y': 2,
    'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1 } },
  { selector: 'node.group', style: { shape: 'round-rectangle', width: 30, height: 20, 'border-width': 2,
    'border-style': 'dashed', 'border-color': '#556', 'font-weight': 'bold' } },
  { selector: 'node:parent', style: { 'background-opacity': 0.07, 'text-valign': 'top', 'text-margin-y': -2,
    'border-width': 1, 'border-style': 'dashed', 'border-color': '#556', padding: 8 } },
  { selector: 'node.focus', style: { label: 'data(name)', width: 26, height: 26, 'font-weight': 'bold', 'font-size': 11 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000', 'border-style': 'solid' } },
  { selector: 'node.hover', style: { label: 'data(name)', 'text-background-opacity': 1, 'z-index': 100 } },
  { selector: 'edge', style: { width: 1.2, 'line-color': '#c4c4cc', 'target-arrow-color': '#c4c4cc',
    'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier', 'font-size': 7, color: '#555',
    'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.85 } },
  { selector: 'edge.labelled', style: { label: 'data(type)', 'z-index': 50 } },
  { selector: 'edge.path', style: { 'line-color': '#e6550d', 'target-arrow-color': '#e6550d', width: 3 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e6550d', 'border-style': 'solid' } },
  { selector: '.offpath, .filtered', style: { display: 'none' } },
];

// initGraph draws an empty graph; open(id) opens an entity in the panel,
// group(node) shows a group's members there.
export function initGraph(open, group) {
  hooks = { open, group };
  cy = cytoscape({ container: $('graph'), style, layout: { name: 'grid' } });
  // The browser tests (and a curious person at the console) measure the
  // picture with Cytoscape's own numbers.
  window.explorerGraph = cy;
  cy.on('tap', 'node', (ev) => activate(ev.target));
  $('graph').addEventListener('keydown', (ev) => {
    const sel = cy.$('node:selected');
    if (ev.key === 'Enter' && sel.length) activate(sel[0]);
  });
  cy.on('mouseover', 'node', (ev) => hover(ev.target, true));
  cy.on('mouseout', 'node', (ev) => hover(ev.target, false));
  cy.on('select unselect', 'node', labelEdges);
  drawLegend();
}

// activate is a click on a node, or Enter on the selected one: a group
// opens; an entity opens in the panel and its neighbours are drawn.
function activate(n) {
  if (n.hasClass('group') || n.isParent()) {
    if (!n.isParent()) openGroup(n);
    hooks.group(n);
    return;
  }
  hooks.open(n.id());
  if (!cy.$('.offpath').length) expand(n.id());
}

// hover shows a node's full name (on the node and as the page's tooltip)
// and the types of its relationships.
function hover(n, on) {
  n.toggleClass('hover', on);
  $('graph').title = on ? n.data('name') : '';
  labelEdges();
  if (on) n.connectedEdges().addClass('labelled');
}

// labelEdges shows the relationship types of the selected nodes' edges
// (and of the path's); every other edge is a line without words.
function labelEdges() {
  cy.edges().removeClass('labelled');
  cy.$('node:selected').connectedEdges().addClass('labelled');
  cy.edges('.path').addClass('labelled');
}

function drawLegend() {
  const legend = $('legend');
  for (const [t, c] of Object.entries(colours)) {
    const b = el('button', { type: 'button', 'aria-pressed': 'true', 'data-kind': t,
      title: `Show or hide ${kindName(t, 2)}` }, el('span', { class: 'dot', style: `background:${c}` }), kindName(t));
    b.addEventListener('click', () => {
      const showing = hiddenKinds.has(t);
      if (showing) hiddenKinds.delete(t); else hiddenKinds.add(t);
      b.setAttribute('aria-pressed', String(showing));
      cy.nodes().filter((n) => n.data('type') === t).toggleClass('filtered', !showing);
      fit(cy, shown());
    });
    legend.append(el('li', {}, b));
  }
}

// shown is what is drawn: not hidden by the legend or the path view. It
// goes by the classes, since Cytoscape's :visible may lag a class change.
export function shown() {
  const nodes = cy.nodes().not('.filtered, .offpath');
  return nodes.union(nodes.edgesWith(nodes).not('.offpath'));
}

export function addNode(n, parent) {
  const found = cy.getElementById(n.id);
  if (found.length) return found;
  const data = { id: n.id, name: n.name, short: shorten(n.name), colour: colours[n.type] || '#999', type: n.type };
  if (parent) data.parent = parent;
  const added = cy.add({ group: 'nodes', data });
  if (hiddenKinds.has(n.type)) added.addClass('filtered');
  if (cy.$('.offpath').length) added.addClass('offpath');
  return added;
}

export function addEdge(from, to, type) {
  const id = `${from}|${type}|${to}`;
  let e = cy.getElementById(id);
  if (!e.length) {
    e = cy.add({ group: 'edges', data: { id, source: from, target: to, type } });
    if (cy.$('.offpath').length) e.addClass('offpath');
  }
  return e;
}

// addGroup draws members (the other ends of edges of one type, direction
// and kind from the node center) as one node, linked to center once.
function addGroup(center, edges) {
  const { type, direction } = edges[0];
  const kind = edges[0].node.type;
  const id = `group|${center}|${type}|${direction}|${kind}`;
  const label = `${edges.length} ${kindName(kind, edges.length)} · ${type}`;
  const members = edges.map((e) => ({ id: e.node.id, name: e.node.name, type: kind, role: e.role || '' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (!cy.getElementById(id).length) {
    const g = cy.add({ group: 'nodes', classes: 'group',
      data: { id, name: label, short: label, colour: colours[kind] || '#999', type: kind, members, relType: type } });
    if (hiddenKinds.has(kind)) g.addClass('filtered');
    if (cy.$('.offpath').length) g.addClass('offpath');
  }
  if (direction === 'OUT') addEdge(center, id, type); else addEdge(id, center, type);
}

// openGroup draws a group's members inside it (the group becomes a box
// around them); closeGroup folds them back into the one node.
export function openGroup(g) {
  const before = cy.nodes().length;
  for (const m of g.data('members')) if (!cy.getElementById(m.id).length) addNode(m, g.id());
  const children = g.children();
  children.forEach((c) => c.position({ ...g.position() }));
  if (cy.nodes().length !== before) relayout(false);
  // A person opened the group to read its members: show them at a size
  // that can be read; the rest is a zoom out away.
  fit(cy, g, 30);
}

export function closeGroup(g) {
  g.children().remove();
  relayout(false);
}

const neighbourQuery = `query($id: ID!) { node(id: $id) { id name type
  relationships(first: 100) { totalCount edges { type direction role node { id name type } } } } }`;

// expand draws an entity's neighbours. fresh starts a new picture (a new
// entity picked in the search); otherwise they join what is drawn.
export async function expand(id, fresh = false) {
  const data = await busy('Loading neighbours…', () => gql(neighbourQuery, { id }));
  if (!data) return;
  if (fresh) cy.elements().remove();
  const first = cy.nodes().length === 0;
  const n = data.node;
  const at = addNode(n).position();
  const buckets = new Map();
  for (const e of n.relationships.edges) {
    const k = `${e.type}|${e.direction}|${e.node.type}`;
    if (!buckets.has(k)) buckets.set(k, []);
    buckets.get(k).push(e);
  }
  for (const edges of buckets.values()) {
    // Entities drawn already keep their node; the rest may be a group.
    const known = edges.filter((e) => cy.getElementById(e.node.id).length);
    const unknown = edges.filter((e) => !cy.getElementById(e.node.id).length);
    const loose = unknown.length > groupMin ? known : edges;
    if (unknown.length > groupMin) addGroup(n.id, unknown);
    for (const e of loose) {
      addNode(e.node).position({ ...at });
      if (e.direction === 'OUT') addEdge(n.id, e.node.id, e.type); else addEdge(e.node.id, n.id, e.type);
    }
  }
  cy.$('.focus').removeClass('focus');
  cy.getElementById(n.id).addClass('focus');
  relayout(first);
}

// relayout places what is drawn: the path alone in a line when the path
// view is on (pathview.js does that), else everything by force.
export let pathLayout = null;
export function setPathLayout(fn) { pathLayout = fn; }

export function relayout(fresh) {
  if (pathLayout && cy.$('.offpath').length) { pathLayout(); return; }
  const eles = shown();
  force(cy, eles, fresh);
  fit(cy, shown());
  labelEdges();
  drawn();
}

// drawn counts the pictures drawn, on the graph's element, so that a test
// (or a person's script) can wait for the next one.
let pictures = 0;
export function drawn() { $('graph').dataset.drawn = String(++pictures); }
