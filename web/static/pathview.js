// The path view: the shortest path between two entities drawn alone, left
// to right, each hop labelled with its relationship and the line that
// states it, beside the hop list in the panel; a toggle brings back the
// neighbourhood around it.
import { $, el, gql, busy, shorten } from './api.js';
import { cy, addNode, addEdge, relayout, setPathLayout, drawn, shown } from './graph.js';
import { line, fit } from './layout.js';

let order = []; // the path's node ids, start to end
let alone = true;

const pathQuery = `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6, first: 3) { length
  nodes { id name type } hops { type direction role from { id name type } to { id name type } evidence { source line excerpt } } } }`;

// In the path view the path has the picture to itself: full names above
// the nodes, and under each hop its relationship and the line that states
// it, each as wide as the room between two nodes.
const hopStyle = [
  { selector: 'edge.path.hop', style: { label: 'data(hop)', 'text-wrap': 'wrap', 'text-rotation': 'none',
    'font-size': 12, color: '#333', 'text-margin-y': 22, 'curve-style': 'straight', 'text-background-opacity': 0 } },
  { selector: 'node.path.hop', style: { label: 'data(name)', 'text-wrap': 'wrap', 'font-size': 13,
    'font-weight': 'bold', 'text-valign': 'top', 'text-margin-y': -6 } },
];

export function initPathView(openEntity) {
  cy.style().fromJson(cy.style().json().concat(hopStyle)).update();
  setPathLayout(layoutPath);
  $('path-toggle').addEventListener('click', () => showAlone(!alone));
  $('path-close').addEventListener('click', () => {
    $('path').hidden = true;
    clearPath();
    relayout(false);
    openEntity();
  });
}

function clearPath() {
  order = [];
  cy.elements().removeClass('path hop offpath');
}

// findPath asks for the paths from one entity to another and shows the
// first, alone.
export async function findPath(from, to) {
  $('path').hidden = false;
  $('path').scrollIntoView({ block: 'nearest' });
  const data = await busy('Finding paths…', () => gql(pathQuery, { from, to }));
  if (!data) return;
  const hops = $('hops');
  hops.replaceChildren();
  clearPath();
  if (!data.paths.length) {
    hops.append(el('li', { text: 'No path of up to 6 relationships.' }));
    relayout(false);
    return;
  }
  const p = data.paths[0];
  order = p.nodes.map((n) => n.id);
  for (const n of p.nodes) addNode(n).addClass('path');
  for (const h of p.hops) drawHop(h, hops);
  $('path-start').textContent = p.nodes[0].name;
  $('path-to').value = p.nodes[p.nodes.length - 1].name;
  showAlone(true);
}

// drawHop marks a hop's edge and lists it in the panel with its evidence.
function drawHop(h, list) {
  const [a, b] = h.direction === 'OUT' ? [h.from.id, h.to.id] : [h.to.id, h.from.id];
  const arrow = h.direction === 'OUT' ? `—${h.type}→` : `←${h.type}—`;
  const where = `${h.evidence.source}:${h.evidence.line}`;
  const e = addEdge(a, b, h.type).addClass('path hop');
  e.data('hop', `${h.type}${h.role ? ' (' + h.role + ')' : ''}\n“${shorten(h.evidence.excerpt, 60)}”`);
  list.append(el('li', {}, `${h.from.name} ${arrow} ${h.to.name}`,
    el('blockquote', { text: `${where} — ${h.evidence.excerpt}` })));
}

// showAlone hides (or shows again) everything that is not on the path.
function showAlone(on) {
  alone = on;
  const onPath = cy.elements('.path');
  cy.elements().removeClass('offpath');
  if (on) cy.elements().not(onPath).addClass('offpath');
  if (!on) cy.elements('.path').removeClass('hop');
  $('path-toggle').textContent = on ? 'Show the neighbourhood' : 'Show the path alone';
  $('path-toggle').setAttribute('aria-pressed', String(!on));
  if (on) layoutPath(); else relayout(false);
}

function layoutPath() {
  const nodes = order.map((id) => cy.getElementById(id));
  line(cy, nodes);
  const step = nodes.length > 1 ? nodes[1].position().x - nodes[0].position().x : 200;
  cy.elements('.path').addClass('hop').style('text-max-width', step - 24);
  fit(cy, shown(), 50);
  drawn();
}

export function pathShown() { return order.length > 0; }
