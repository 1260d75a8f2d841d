// End-to-end test of the explorer in headless Chromium, against a real
// csakg server with the source texts loaded into a real Neo4j (NEO4J_URI
// and friends in the environment). Screenshots of each step are saved in
// test-artifacts/explorer/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
const shots = path.join(root, 'test-artifacts', 'explorer');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
let server, browser, page, base, neo4jEnv;
const neo4jLocal = path.join(root, 'tools', 'neo4j-local', 'neo4j-local');

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitReady(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready in ${ms} ms`);
}

async function loaded() {
  // The server loads the sources after Neo4j answers; wait until it has.
  const end = Date.now() + 60000;
  while (Date.now() < end) {
    const r = await fetch(base + '/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { entities } }' }) });
    const b = await r.json();
    if (b.data && b.data.stats.entities > 100) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('sources not loaded');
}

before(async () => {
  if (!existsSync(browserPath)) {
    if (process.env.CSAKG_REQUIRE_BROWSER === '1') throw new Error(`no Chromium at ${browserPath}`);
    return;
  }
  mkdirSync(shots, { recursive: true });
  // A Neo4j of its own, on an empty database, so that what the page shows
  // is the sources and nothing else.
  const boltPort = await freePort();
  neo4jEnv = { ...process.env, NEO4J_LOCAL_DIR: path.join(root, '.neo4j-local', 'e2e'), NEO4J_LOCAL_PORT: String(boltPort) };
  execFileSync('rm', ['-rf', neo4jEnv.NEO4J_LOCAL_DIR]);
  execFileSync(neo4jLocal, ['start'], { env: neo4jEnv, stdio: 'inherit' });
  const bin = path.join(root, 'bin', 'csakg-e2e');
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: root, stdio: 'inherit' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--rate-limit', '0',
    '--load', path.join(root, '..', 'shared', 'seeds'), '--curation', path.join(root, 'curation.example.txt')],
  { stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'csakg-local' } });
  await waitReady(base + '/readyz', 60000);
  await loaded();
  browser = await chromium.launch({ executablePath: browserPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
  page.on('pageerror', (e) => { throw e; });
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
  if (neo4jEnv) execFileSync(neo4jLocal, ['stop'], { env: neo4jEnv, stdio: 'inherit' });
});

const skip = () => !existsSync(browserPath) && process.env.CSAKG_REQUIRE_BROWSER !== '1';

test('search, open a working group, see and expand its neighbourhood', { skip: skip() }, async () => {
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
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, '2-neighbourhood.png') });
  const before = await page.evaluate(() => window.document.querySelectorAll('#relationships li').length);
  assert.ok(before > 0);
  // Expand a member by opening it from the relationships list.
  await page.click('#relationships details:first-of-type li a');
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(shots, '3-expanded.png') });
});

test('find the path between two entities', { skip: skip() }, async () => {
  await page.goto(base + '/explore#entity=person%3Aeiji-sasahara');
  await page.waitForFunction(() => document.getElementById('entity-name').textContent === 'Eiji Sasahara');
  await page.click('#path-from');
  await page.fill('#path-to', 'object management');
  await page.waitForSelector('#path-suggestions [role=option]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#hops li blockquote');
  const hops = await page.$$eval('#hops li', (ls) => ls.map((l) => l.firstChild.textContent));
  assert.ok(hops.length >= 1 && hops.length <= 6, `hops ${hops}`);
  assert.match(hops[hops.length - 1], /Object Management Group/);
  assert.match(await page.evaluate(() => location.hash), /from=person%3Aeiji-sasahara&to=org%3Aobject-management-group/);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, '4-path.png') });
});

test('export GraphML of a neighbourhood', { skip: skip() }, async () => {
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

test('errors are shown, not swallowed', { skip: skip() }, async () => {
  await page.goto(base + '/explore#entity=person%3Anobody-at-all');
  await page.waitForSelector('#status.error');
  assert.match(await page.textContent('#status'), /NOT_FOUND/);
  await page.screenshot({ path: path.join(shots, '5-error.png') });
});
