// Taking the picture away: the current view of the graph as PNG (drawn by
// Cytoscape) or SVG (built here from the drawn nodes' and edges'
// positions, so that the text stays text).
import { svg } from './api.js';
import { shown as drawnNow } from './graph.js';

function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

export function downloadPNG(cy, name) {
  download(cy.png({ output: 'blob', bg: '#ffffff', full: false, scale: 2 }), name + '.png');
}

export function downloadSVG(cy, name) {
  const text = new XMLSerializer().serializeToString(svgOf(cy));
  download(new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n' + text], { type: 'image/svg+xml' }), name + '.svg');
}

// svgOf draws what the viewport shows: its viewBox is the viewport in the
// graph's coordinates, so the picture is the view a person sees.
export function svgOf(cy) {
  const ext = cy.extent();
  const out = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width: cy.width(), height: cy.height(),
    viewBox: `${ext.x1} ${ext.y1} ${ext.w} ${ext.h}`, 'font-family': 'system-ui, sans-serif' });
  out.append(svg('rect', { x: ext.x1, y: ext.y1, width: ext.w, height: ext.h, fill: '#fff' }));
  const shown = drawnNow();
  shown.nodes(':parent').forEach((n) => out.append(nodeShape(n)));
  shown.edges().forEach((e) => out.append(...edgeShapes(e)));
  shown.nodes(':childless').forEach((n) => out.append(nodeShape(n)));
  shown.nodes().forEach((n) => out.append(label(n, n.is('.hover, .focus, .hop') ? n.data('name') : n.data('short'))));
  return out;
}

function nodeShape(n) {
  const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
  const border = parseFloat(n.style('border-width')) || 0;
  const common = { fill: n.style('background-color'), 'fill-opacity': n.style('background-opacity'),
    stroke: border ? n.style('border-color') : 'none', 'stroke-width': border };
  if (n.isParent() || n.hasClass('group')) {
    return svg('rect', { ...common, x: bb.x1 + border / 2, y: bb.y1 + border / 2, width: bb.w - border,
      height: bb.h - border, rx: 4, 'stroke-dasharray': '4 3' }, svg('title', { text: n.data('name') }));
  }
  const p = n.position();
  return svg('circle', { ...common, cx: p.x, cy: p.y, r: n.width() / 2 }, svg('title', { text: n.data('name') }));
}

function edgeShapes(e) {
  const s = e.sourceEndpoint(), t = e.targetEndpoint();
  const colour = e.style('line-color'), width = parseFloat(e.style('width'));
  const shapes = [svg('line', { x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: colour, 'stroke-width': width })];
  // The arrow head: a triangle at the target, along the line.
  const a = Math.atan2(t.y - s.y, t.x - s.x), len = 4 + width * 2;
  const pt = (da, d) => `${t.x - d * Math.cos(a + da)},${t.y - d * Math.sin(a + da)}`;
  shapes.push(svg('polygon', { points: `${t.x},${t.y} ${pt(0.45, len)} ${pt(-0.45, len)}`, fill: colour }));
  if (e.hasClass('labelled') || e.hasClass('hop')) {
    const m = e.midpoint();
    const text = e.hasClass('hop') ? e.data('hop') : e.data('type');
    shapes.push(lines(text, m.x, m.y + (e.hasClass('hop') ? 16 : 0), parseFloat(e.style('font-size')), '#555'));
  }
  return shapes;
}

// label puts a node's label where Cytoscape drew it: centred in the
// label's own bounding box.
function label(n, text) {
  const bb = n.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false });
  const size = parseFloat(n.style('font-size'));
  return lines(text, (bb.x1 + bb.x2) / 2, (bb.y1 + bb.y2) / 2, size, n.style('color'), n.style('font-weight'));
}

function lines(text, x, y, size, fill, weight = 'normal') {
  const rows = String(text).split('\n');
  const t = svg('text', { x, y: y - ((rows.length - 1) * size * 1.2) / 2, 'font-size': size, fill,
    'font-weight': weight, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
  rows.forEach((r, i) => t.append(svg('tspan', { x, dy: i ? size * 1.2 : 0, text: r })));
  return t;
}
