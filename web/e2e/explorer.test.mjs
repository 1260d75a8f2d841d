// End-to-end test of the explorer in headless Chromium, against a real
// csakg server with the source texts loaded into a real Neo4j (see
// stack.mjs). The page may reach 127.0.0.1 only; every test fails on a
// console error, a CSP violation or a request to another origin.
// Screenshots of each step are saved in test-artifacts/explorer/.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { Stack, skip, shotsDir } from './stack.mjs';

const stack = new Stack('explorer');
let page, base, shots;

before(async () => {
  if (skip) return;
  shots = shotsDir('explorer');
  await stack.start();
  base = await stack.serve();
  page = await stack.page();
});

after(() => stack.stop());

afterEach(() => { if (page) page.clean(); });

test('search, open a working group, see and expand its neighbourhood', { skip }, async () => {
  await page.goto(base + '/explore');
  await page.fill('#q', 'serverless');
  await page.waitForSelector('#suggestions [role=option]');
  await page.screenshot({ path: path.join(shots, '1-suggestions.png') });
  // Keyboard: pick the working group among the suggestions.
  const options = await page.$$eval('#suggestions [role=option]', (els) => els.map((e) => e.dataset.id));
  const wg = options.indexOf('wg:serverless-wg');
  assert.ok(wg >= 0, `suggestions ${options} lack the Serverless WG`);
  for (let i = 0; i <= wg; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('entity-name').textContent === 'Serverless WG');
  await page.waitForFunction(() => window.location.hash.includes('entity=wg%3Aserverless-wg'));
  // Its members are in the graph.
  await page.waitForFunction(() => document.querySelector('#relationships').textContent.includes('MEMBER_OF'));
  const members = await page.$$eval('#relationships details', (ds) => ds.find((d) => d.textContent.startsWith('MEMBER_OF'))
    .querySelectorAll('li').length);
  assert.ok(members >= 2, 'the chairs are members');
  // The entity opens in the playground with a query for it.
  const href = await page.getAttribute('#open-playground', 'href');
  assert.match(href, /^\/\?query=/);
  assert.match(new URLSearchParams(href.slice(1)).get('query'), /node\(id: "wg:serverless-wg"\)/);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, '2-neighbourhood.png') });
  const before = await page.evaluate(() => window.document.querySelectorAll('#relationships li').length);
  assert.ok(before > 0);
  // Expand a member by opening it from the relationships list.
  await page.click('#relationships details:first-of-type li a');
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(shots, '3-expanded.png') });
});

test('find the path between two entities: the path alone, then its neighbourhood', { skip }, async () => {
  await openGraph('person:eiji-sasahara');
  assert.equal(await page.textContent('#entity-name'), 'Eiji Sasahara');
  await page.click('#path-from');
  await page.fill('#path-to', 'object management');
  await page.waitForSelector('#path-suggestions [role=option]');
  const drawn = await page.getAttribute('#graph', 'data-drawn');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#hops li blockquote');
  await page.waitForFunction((d) => document.getElementById('graph').dataset.drawn !== d, drawn);
  const hops = await page.$$eval('#hops li', (ls) => ls.map((l) => l.firstChild.textContent));
  assert.ok(hops.length >= 1 && hops.length <= 6, `hops ${hops}`);
  assert.match(hops[hops.length - 1], /Object Management Group/);
  assert.match(await page.evaluate(() => location.hash), /from=person%3Aeiji-sasahara&to=org%3Aobject-management-group/);
  // Only the path is drawn, left to right from its start, each hop with
  // its relationship and evidence as its label. (Cytoscape's :visible
  // follows a class change a moment later, so the test waits for it.)
  await page.waitForFunction((n) => window.explorerGraph.nodes(':visible').length === n, hops.length + 1)
    .catch(() => {});
  const alone = await page.evaluate(() => {
    const cy = window.explorerGraph;
    return { shown: cy.nodes(':visible').map((n) => ({ id: n.id(), x: n.position().x })),
      all: cy.nodes().length, hops: cy.edges(':visible').map((e) => e.style('label')) };
  });
  assert.equal(alone.shown.length, hops.length + 1, `drawn: ${alone.shown.map((n) => n.id)}`);
  const byX = [...alone.shown].sort((a, b) => a.x - b.x).map((n) => n.id);
  assert.equal(byX[0], 'person:eiji-sasahara');
  assert.equal(byX[byX.length - 1], 'org:object-management-group');
  assert.ok(alone.all > alone.shown.length, 'the neighbourhood is there, hidden');
  assert.equal(alone.hops.length, hops.length);
  for (const l of alone.hops) assert.match(l, /^[A-Z_]+.*\n“.+”$/s, 'a hop says its relationship and its evidence');
  await page.screenshot({ path: path.join(shots, '4-path.png') });
  // The toggle brings the neighbourhood back, with the path marked in it.
  await page.click('#path-toggle');
  await page.waitForFunction((n) => window.explorerGraph.nodes(':visible').length > n, alone.shown.length);
  assert.equal(await page.evaluate(() => window.explorerGraph.nodes('.path:visible').length), hops.length + 1);
  await page.screenshot({ path: path.join(shots, '4b-path-neighbourhood.png') });
  await page.click('#path-toggle');
  await page.waitForFunction((n) => window.explorerGraph.nodes(':visible').length === n, alone.shown.length);
});

test('export GraphML of a neighbourhood', { skip }, async () => {
  const href = await page.getAttribute('#export-graphml', 'href');
  const resp = await fetch(base + href);
  assert.equal(resp.status, 200);
  const xml = await resp.text();
  const doc = await page.evaluate((x) => {
    const d = new DOMParser().parseFromString(x, 'application/xml');
    if (d.querySelector('parsererror')) return { error: true };
    return { nodes: [...d.querySelectorAll('node')].map((n) => n.getAttribute('id')), edges: d.querySelectorAll('edge').length };
  }, xml);
  assert.ok(!doc.error, 'GraphML parses');
  assert.ok(doc.nodes.includes('person:eiji-sasahara'), 'the entity is in its neighbourhood');
  assert.ok(doc.edges > 0);
});

test('errors are shown, not swallowed', { skip }, async () => {
  await page.goto(base + '/explore#entity=person%3Anobody-at-all');
  await page.waitForSelector('#status.error');
  assert.match(await page.textContent('#status'), /NOT_FOUND/);
  await page.screenshot({ path: path.join(shots, '5-error.png') });
});

// openGraph opens an entity's page and waits until its first level is
// drawn (the entity is the graph's focus and the picture is laid out).
async function openGraph(id) {
  await page.goto('about:blank'); // a new page, not a change of hash in the old one
  await page.goto(base + '/explore#entity=' + encodeURIComponent(id));
  await page.waitForFunction((id) => {
    const cy = window.explorerGraph;
    return cy && cy.$('.focus').id() === id && document.getElementById('graph').dataset.drawn;
  }, id);
  await page.waitForFunction(() => document.getElementById('entity-name').textContent);
}

// labelOverlap measures, with Cytoscape's own bounding boxes of the drawn
// labels, how many node labels overlap another node's label, and how many
// labels are drawn at a readable size (7 px or more on the screen).
function labelOverlap() {
  return page.evaluate(() => {
    const cy = window.explorerGraph;
    const shown = cy.nodes(':visible');
    const drawn = shown.filter((n) => n.style('label') && parseFloat(n.style('font-size')) * cy.zoom() >= 7);
    const boxes = drawn.map((n) => n.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false }));
    const hit = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const overlapping = boxes.filter((a, i) => boxes.some((b, j) => i !== j && hit(a, b))).length;
    const ext = cy.extent(), all = shown.boundingBox({ includeLabels: true });
    const fits = all.x1 >= ext.x1 - 1 && all.x2 <= ext.x2 + 1 && all.y1 >= ext.y1 - 1 && all.y2 <= ext.y2 + 1;
    return { nodes: shown.length, labels: drawn.length, overlapping, fits };
  });
}

function assertReadable(m, what) {
  assert.ok(m.fits, `${what}: the first level fits the view`);
  assert.ok(m.labels >= Math.min(m.nodes, 15), `${what}: ${m.labels} of ${m.nodes} labels drawn readably`);
  assert.ok(m.overlapping <= 0.05 * m.labels, `${what}: ${m.overlapping} of ${m.labels} labels overlap another`);
}

test('the largest neighbourhood is grouped, fits the view and its labels do not overlap', { skip }, async () => {
  await openGraph('org:cloud-security-alliance');
  const m = await labelOverlap();
  console.log(`Cloud Security Alliance: ${m.overlapping} of ${m.labels} labels overlap (${m.nodes} nodes)`);
  assertReadable(m, 'Cloud Security Alliance');
  // Its 41 working groups are one node; nothing of one type and kind is
  // drawn more than a dozen times around it.
  const groups = await page.evaluate(() => window.explorerGraph.nodes('.group').map((g) => g.data('name')));
  assert.ok(groups.some((g) => /^\d+ working groups · PART_OF$/.test(g)), `groups: ${groups}`);
  const edgeLabels = await page.evaluate(() => window.explorerGraph.edges().filter((e) => e.style('label')).length);
  assert.equal(edgeLabels, 0, 'no edge labels until a node is hovered or selected');
  await page.screenshot({ path: path.join(shots, '6-largest-neighbourhood.png') });
  // The same graph gives the same picture.
  const where = () => page.evaluate(() => window.explorerGraph.nodes().map((n) => `${n.id()}@${n.position().x.toFixed(1)},${n.position().y.toFixed(1)}`).sort());
  const first = await where();
  await openGraph('org:cloud-security-alliance');
  assert.deepEqual(await where(), first);
});

test('a group opens with Enter: its members in the panel and in the graph', { skip }, async () => {
  await openGraph('org:cloud-security-alliance');
  const g = await page.evaluate(() => {
    const g = window.explorerGraph.nodes('.group').filter((n) => n.data('name').includes('working groups'));
    g.select();
    return { id: g.id(), count: parseInt(g.data('name'), 10), members: g.data('members').map((m) => m.name) };
  });
  assert.ok(g.count > 12);
  await page.focus('#graph');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#group-members li');
  const listed = await page.$$eval('#group-members li a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(listed, g.members);
  assert.equal(listed.length, g.count);
  await page.waitForFunction(([id, n]) => window.explorerGraph.getElementById(id).children(':visible').length === n, [g.id, g.count]);
  await page.screenshot({ path: path.join(shots, '7-group-open.png') });
  await page.click('#group-fold');
  await page.waitForFunction((id) => window.explorerGraph.getElementById(id).children().length === 0, g.id);
});

test('a person with a medium neighbourhood: labels do not overlap', { skip }, async () => {
  await openGraph('person:eiji-sasahara');
  const m = await labelOverlap();
  console.log(`Eiji Sasahara: ${m.overlapping} of ${m.labels} labels overlap (${m.nodes} nodes)`);
  assert.ok(m.nodes >= 10, `only ${m.nodes} nodes`);
  assertReadable(m, 'Eiji Sasahara');
  await page.screenshot({ path: path.join(shots, '8-person.png') });
});

test('the legend hides and shows a kind', { skip }, async () => {
  await openGraph('person:eiji-sasahara');
  const events = () => page.evaluate(() => window.explorerGraph.nodes(':visible').filter((n) => n.data('type') === 'EVENT').length);
  const before = await events();
  assert.ok(before > 0);
  const button = '#legend button[data-kind=EVENT]';
  await page.click(button);
  assert.equal(await page.getAttribute(button, 'aria-pressed'), 'false');
  await page.waitForFunction(() => !window.explorerGraph.nodes(':visible').some((n) => n.data('type') === 'EVENT'));
  assert.ok(await page.evaluate(() => window.explorerGraph.nodes(':visible').length > 0), 'the other kinds stay');
  await page.click(button);
  assert.equal(await page.getAttribute(button, 'aria-pressed'), 'true');
  await page.waitForFunction((n) => window.explorerGraph.nodes(':visible').filter((x) => x.data('type') === 'EVENT').length === n, before);
});

test('the timeline is a picture: items in date order along the axis, coloured by holder, a click opens one', { skip }, async () => {
  await openGraph('wg:application-containers-microservice-wg');
  await page.waitForSelector('#timeline-picture .mark');
  const marks = await page.$$eval('#timeline-picture .mark', (ms) => ms.map((m) => {
    const r = m.getBoundingClientRect();
    return { date: m.dataset.date, x: r.x + r.width / 2, id: m.dataset.id, fill: m.getAttribute('fill') };
  }));
  assert.ok(marks.length >= 10, `${marks.length} marks`);
  const listed = await page.$$eval('#timeline-items li', (ls) => ls.length);
  assert.equal(marks.length, listed);
  const sorted = [...marks].sort((a, b) => a.date.localeCompare(b.date));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.date < b.date) assert.ok(a.x < b.x, `${a.date} at ${a.x} is not left of ${b.date} at ${b.x}`);
    else assert.ok(Math.abs(a.x - b.x) < 0.5, `${a.date} drawn at ${a.x} and ${b.x}`);
  }
  const holders = await page.$$eval('#timeline-picture .holders li', (ls) => ls.map((l) => l.textContent));
  assert.ok(holders.length >= 1, 'a legend of holders');
  await page.locator('#timeline').screenshot({ path: path.join(shots, '9-timeline.png') });
  const pick = sorted[sorted.length - 1];
  await page.click(`#timeline-picture .mark[data-id="${pick.id}"]`);
  await page.waitForFunction((id) => window.location.hash.includes('entity=' + encodeURIComponent(id)), pick.id);
  // A period of the whole graph: marks of several holders, in several colours.
  await page.goto('about:blank');
  await page.goto(base + '/explore#period=2019..2020');
  await page.waitForSelector('#timeline-picture .mark');
  const period = await page.$$eval('#timeline-picture .mark', (ms) => ms.map((m) => [m.dataset.date, m.getAttribute('fill')]));
  assert.ok(period.every(([d]) => d >= '2019' && d < '2021'), 'every item is in the period');
  assert.ok(new Set(period.map(([, f]) => f)).size >= 2, 'several holders, several colours');
  await page.locator('#timeline').screenshot({ path: path.join(shots, '9b-timeline-period.png') });
});

test('download the view as PNG and SVG', { skip }, async () => {
  await openGraph('person:eiji-sasahara');
  const view = await page.evaluate(() => {
    const cy = window.explorerGraph;
    return { w: cy.width(), h: cy.height(), labels: cy.nodes(':visible').map((n) => n.style('label')) };
  });
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  assert.match(png.suggestedFilename(), /^csakg-person-eiji-sasahara\.png$/);
  const bytes = await readFile(await png.path());
  assert.ok(bytes.length > 1000, `PNG of ${bytes.length} bytes`);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  // IHDR: the picture is the view, at twice its size.
  assert.equal(bytes.readUInt32BE(16), Math.round(view.w * 2));
  assert.equal(bytes.readUInt32BE(20), Math.round(view.h * 2));
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  assert.match(svgFile.suggestedFilename(), /\.svg$/);
  const text = await readFile(await svgFile.path(), 'utf8');
  const doc = await page.evaluate((x) => {
    const d = new DOMParser().parseFromString(x, 'image/svg+xml');
    if (d.querySelector('parsererror')) return { error: d.querySelector('parsererror').textContent };
    return { root: d.documentElement.localName, width: d.documentElement.getAttribute('width'),
      texts: [...d.querySelectorAll('text')].map((t) => t.textContent), circles: d.querySelectorAll('circle').length };
  }, text);
  assert.ok(!doc.error, doc.error);
  assert.equal(doc.root, 'svg');
  assert.equal(Number(doc.width), view.w);
  assert.equal(doc.circles, view.labels.length);
  for (const l of view.labels) assert.ok(doc.texts.includes(l), `the SVG lacks the label ${l}`);
});
