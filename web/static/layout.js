// Where the nodes go: fcose (Cytoscape's maintained force layout) run with
// a seeded random source, so that the same graph gives the same picture,
// then a pass that pushes apart nodes whose labels would overlap, then a
// fit that keeps labels at a readable size.

// seedOf hashes the ids of what is laid out (FNV-1a), so a seed depends on
// the graph and nothing else.
function seedOf(ids) {
  let h = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return h >>> 0 || 1;
}

// seeded is a xorshift32 generator of numbers in [0, 1).
function seeded(seed) {
  let x = seed;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

// withSeed runs fn with Math.random replaced by a seeded generator: fcose
// and its base draw on Math.random (spectral start, where pruned leaves
// go), and take no seed. fcose without animation runs to its end inside
// run(), so the swap covers all of it.
function withSeed(seed, fn) {
  const saved = Math.random;
  Math.random = seeded(seed);
  try { fn(); } finally { Math.random = saved; }
}

// force lays out eles. fresh starts from nothing (a first level);
// otherwise the nodes start where they are, so an expansion keeps the
// picture a person has already read.
export function force(cy, eles, fresh) {
  const ids = eles.nodes().map((n) => n.id()).sort();
  withSeed(seedOf(ids), () => {
    eles.layout({
      name: 'fcose', quality: 'proof', randomize: fresh, animate: false, fit: false,
      nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 12000, idealEdgeLength: () => 90,
      nodeSeparation: 90, packComponents: true, tile: true,
    }).run();
  });
  separate(eles.nodes());
}

// box is what a node takes up, drawn: its body and its label, relative to
// its position, with a small gap around.
function box(n, gap) {
  const p = n.position();
  const b = n.boundingBox({ includeLabels: true, includeNodes: true, includeEdges: false, includeOverlays: false });
  return { n, x: p.x, y: p.y, l: b.x1 - p.x - gap, r: b.x2 - p.x + gap, t: b.y1 - p.y - gap, b: b.y2 - p.y + gap };
}

// separate moves nodes until no two boxes (body and label) overlap: each
// overlapping pair is pushed apart along the axis where they overlap less.
// Compound parents follow their children, so only leaves are moved.
export function separate(nodes, gap = 3) {
  const items = nodes.filter((n) => !n.isParent()).map((n) => box(n, gap));
  for (let round = 0; round < 400; round++) {
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i], b = items[j];
        const ox = Math.min(a.x + a.r, b.x + b.r) - Math.max(a.x + a.l, b.x + b.l);
        const oy = Math.min(a.y + a.b, b.y + b.b) - Math.max(a.y + a.t, b.y + b.t);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (ox < oy) {
          const d = (b.x > a.x || (b.x === a.x && j > i) ? 1 : -1) * (ox / 2 + 0.5);
          a.x -= d; b.x += d;
        } else {
          const d = (b.y > a.y || (b.y === a.y && j > i) ? 1 : -1) * (oy / 2 + 0.5);
          a.y -= d; b.y += d;
        }
      }
    }
    if (!moved) break;
  }
  nodes.cy().batch(() => { for (const it of items) it.n.position({ x: it.x, y: it.y }); });
}

// fit shows eles whole, but no larger than life: a graph of three nodes
// is not drawn with letters an inch high.
export function fit(cy, eles, padding = 30) {
  cy.fit(eles, padding);
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center(eles);
  }
}

// line lays the nodes out left to right, in the order given, far enough
// apart that each hop's label fits between its ends at full size.
export function line(cy, nodes) {
  const width = cy.width() || 800;
  const step = Math.max(170, (width - 140) / Math.max(1, nodes.length - 1));
  cy.batch(() => nodes.forEach((n, i) => n.position({ x: i * step, y: 0 })));
}
