// The timeline picture: events and dated documents as marks on a time
// axis, for the open entity or a period, coloured by who held (or
// published) them; a click (or Enter) on a mark opens it. The list below
// the picture says the same in words.
import { $, el, svg, gql, busy, shorten } from './api.js';

const holderColours = ['#1f77b4', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#bcbd22', '#17becf', '#ff7f0e', '#7f7f7f'];

const timelineQuery = `query($e: ID, $from: Date, $to: Date) { timeline(entity: $e, from: $from, to: $to, first: 100) {
  totalCount edges { date node { id name type
    ... on Event { title heldBy(first: 1) { edges { node { id name } } } }
    ... on Document { publishedBy(first: 1) { edges { node { id name } } } } } } } }`;

// when reads an ISO date of a year, month or day as a time: the first day
// of the year or month.
export function when(date) {
  const [y, m = '01', d = '01'] = date.split('-');
  return Date.UTC(+y, +m - 1, +d);
}

function holderOf(node) {
  const c = node.heldBy || node.publishedBy;
  return c && c.edges.length ? c.edges[0].node : { id: '', name: 'not said' };
}

export async function loadTimeline(entity, period, open) {
  const [from, to] = period.split('..');
  const data = await busy('Loading the timeline…', () => gql(timelineQuery, { e: entity || null, from: from || null, to: to || null }));
  if (!data) return;
  const items = data.timeline.edges;
  drawAxis(items, open);
  const list = $('timeline-items');
  list.replaceChildren();
  for (const e of items) {
    // The date is given already: an event shows its heading, not its name
    // (which ends with the date).
    list.append(el('li', {}, `${e.date} `, el('a', { href: '#', text: e.node.title || e.node.name,
      onclick: (ev) => { ev.preventDefault(); open(e.node.id); } })));
  }
  if (!items.length) list.append(el('li', { text: 'Nothing dated here.' }));
  const more = data.timeline.totalCount - items.length;
  $('timeline-more').textContent = more > 0 ? `The first ${items.length} of ${data.timeline.totalCount}; choose a period to see the rest.` : '';
}

// drawAxis draws the items along a horizontal axis. Marks that would
// touch are stacked upwards, so every item stays visible and clickable.
function drawAxis(items, open) {
  const box = $('timeline-picture');
  box.replaceChildren();
  if (!items.length) { box.append(el('p', { class: 'type', text: 'Nothing dated here.' })); return; }
  const width = Math.max(320, box.clientWidth || 700), pad = 24, r = 6;
  const times = items.map((e) => when(e.date));
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (t1 - t0 < 864e5 * 60) { t0 -= 864e5 * 30; t1 += 864e5 * 30; }
  const x = (t) => pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad);
  const stacks = stack(times.map(x), 2 * r + 2);
  const rows = Math.max(...stacks) + 1;
  const axisY = 14 + rows * (2 * r + 2) + 4, height = axisY + 30;
  const pic = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Timeline' });
  pic.append(svg('line', { x1: pad, x2: width - pad, y1: axisY, y2: axisY, stroke: '#667' }));
  for (const tick of ticks(t0, t1)) {
    pic.append(svg('line', { x1: x(tick.t), x2: x(tick.t), y1: axisY, y2: axisY + (tick.label ? 6 : 3), stroke: '#667' }));
    if (tick.label) pic.append(svg('text', { x: x(tick.t), y: axisY + 18, 'text-anchor': 'middle', 'font-size': 11, fill: '#445', text: tick.label }));
  }
  const holders = new Map();
  items.forEach((e, i) => {
    const h = holderOf(e.node);
    if (!holders.has(h.id)) {
      const known = [...holders.keys()].filter(Boolean).length;
      holders.set(h.id, { name: h.name, colour: h.id ? holderColours[known % holderColours.length] : '#aaa' });
    }
    const name = e.node.title || e.node.name;
    const mark = svg(e.node.type === 'EVENT' ? 'circle' : 'rect', { class: 'mark', tabindex: 0, role: 'link',
      'data-id': e.node.id, 'data-date': e.date, 'aria-label': `${e.date} ${name}`, fill: holders.get(h.id).colour,
      onclick: () => open(e.node.id), onkeydown: (ev) => { if (ev.key === 'Enter') open(e.node.id); } },
      svg('title', { text: `${e.date} · ${name} · ${h.name}` }));
    const cx = times.length === 1 ? width / 2 : x(times[i]), cy = axisY - r - 3 - stacks[i] * (2 * r + 2);
    if (e.node.type === 'EVENT') { mark.setAttribute('cx', cx); mark.setAttribute('cy', cy); mark.setAttribute('r', r); }
    else { mark.setAttribute('x', cx - r); mark.setAttribute('y', cy - r); mark.setAttribute('width', 2 * r); mark.setAttribute('height', 2 * r); }
    pic.append(mark);
  });
  box.append(pic, legendOf(holders));
}

// stack gives each mark (by x, in date order) the lowest row where it
// touches no mark before it.
function stack(xs, gap) {
  const lastX = [];
  return xs.map((x) => {
    let row = lastX.findIndex((lx) => x - lx >= gap);
    if (row < 0) row = lastX.length;
    lastX[row] = x;
    return row;
  });
}

// ticks are years (and, over a short span, quarters without a label), or
// months when the span is under two years.
function ticks(t0, t1) {
  const out = [];
  const a = new Date(t0), years = (t1 - t0) / (365.25 * 864e5);
  if (years >= 2) {
    const every = years > 12 ? 5 : years > 6 ? 2 : 1;
    for (let y = a.getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y++) {
      for (let q = 0; q < 4; q++) {
        const t = Date.UTC(y, q * 3, 1);
        if (t < t0 || t > t1) continue;
        if (q === 0 && y % every === 0) out.push({ t, label: String(y) });
        else if (years < 6) out.push({ t, label: '' });
      }
    }
  } else {
    const every = years > 1 ? 3 : 1;
    for (let m = a.getUTCMonth() + 1, y = a.getUTCFullYear(); Date.UTC(y, m, 1) <= t1; m++) {
      const t = Date.UTC(y, m, 1), d = new Date(t);
      const label = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      out.push({ t, label: d.getUTCMonth() % every === 0 ? label : '' });
    }
  }
  return out;
}

function legendOf(holders) {
  const ul = el('ul', { class: 'holders', 'aria-label': 'Colours by who held or published' });
  for (const h of holders.values()) {
    ul.append(el('li', { title: h.name }, el('span', { class: 'dot', style: `background:${h.colour}` }), shorten(h.name, 30)));
  }
  return ul;
}
