// What the browser tests share: a Neo4j of their own (an empty database,
// so that what the pages show is the sources and nothing else), csakg
// servers on it, and headless Chromium pages that may reach 127.0.0.1 only
// and record every console error, CSP violation and foreign request.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '../..');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const neo4jLocal = path.join(root, 'tools', 'neo4j-local', 'neo4j-local');
const seeds = path.join(root, '..', 'shared', 'seeds');

// skip is true when there is no Chromium and none is required.
export const skip = !existsSync(browserPath) && process.env.CSAKG_REQUIRE_BROWSER !== '1';

export function shotsDir(name) {
  const dir = path.join(root, 'test-artifacts', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitReady(url, ms) {
  const end = Date.now() + ms;
  let last = 'no answer';
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
      last = `${r.status} ${(await r.text()).trim()}`;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready in ${ms} ms (last: ${last})`);
}

// Stack is one Neo4j, the csakg binary, the servers started on them and a
// browser.
export class Stack {
  constructor(name) {
    this.name = name;
    this.servers = [];
  }

  async start() {
    if (!existsSync(browserPath)) throw new Error(`no Chromium at ${browserPath}`);
    this.boltPort = await freePort();
    this.neo4jEnv = { ...process.env, NEO4J_LOCAL_DIR: path.join(root, '.neo4j-local', `e2e-${this.name}`),
      NEO4J_LOCAL_PORT: String(this.boltPort) };
    execFileSync('rm', ['-rf', this.neo4jEnv.NEO4J_LOCAL_DIR]);
    execFileSync(neo4jLocal, ['start'], { env: this.neo4jEnv, stdio: 'inherit' });
    this.bin = path.join(root, 'bin', 'csakg-e2e');
    execFileSync('go', ['build', '-o', this.bin, '.'], { cwd: root, stdio: 'inherit' });
    this.browser = await chromium.launch({ executablePath: browserPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'] });
  }

  // serve starts csakg with the sources loaded (or not: load false) and
  // extra flags, and returns its base URL once /readyz says it is ready,
  // which is after the initial load.
  async serve({ load = true, flags = [] } = {}) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The pages are under test, not Neo4j's speed: on a busy machine the
    // first run of a query (Neo4j plans it) may take longer than the
    // default time-out of 10 s.
    const args = ['serve', '--addr', `127.0.0.1:${port}`, '--rate-limit', '0', '--request-timeout', '60s', ...flags];
    if (load) args.push('--load', seeds, '--curation', path.join(root, 'curation.example.txt'));
    const server = spawn(this.bin, args, { stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${this.boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'csakg-local' } });
    this.servers.push(server);
    await waitReady(base + '/readyz', 90000);
    return base;
  }

  async stop() {
    if (this.browser) await this.browser.close();
    for (const s of this.servers) {
      s.kill('SIGTERM');
      await new Promise((r) => (s.exitCode !== null ? r() : s.on('exit', r)));
    }
    if (this.neo4jEnv) execFileSync(neo4jLocal, ['stop'], { env: this.neo4jEnv, stdio: 'inherit' });
  }

  // page opens a page in a fresh context (its own local storage) that may
  // reach 127.0.0.1 only: any other request is blocked and recorded.
  async page() {
    const context = await this.browser.newContext({ viewport: { width: 1366, height: 850 } });
    context.setDefaultTimeout(120000); // a bound for a busy machine, not a measure
    const watch = { errors: [], foreign: [], violations: [] };
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1') {
        watch.foreign.push(url.href);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    await context.exposeFunction('__cspViolation', (v) => watch.violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') watch.errors.push(m.text()); });
    page.on('pageerror', (e) => watch.errors.push(`uncaught: ${e.message}`));
    // clean fails on anything recorded since it was last called.
    page.clean = () => {
      const seen = { ...watch };
      watch.foreign = []; watch.violations = []; watch.errors = [];
      assert.deepEqual(seen.foreign, [], 'requests to other origins');
      assert.deepEqual(seen.violations, [], 'CSP violations');
      assert.deepEqual(seen.errors, [], 'console errors');
    };
    return page;
  }
}

// graphql posts a query to base and returns its data.
export async function graphql(base, query) {
  const r = await fetch(base + '/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }) });
  const body = await r.json();
  assert.ok(!body.errors, JSON.stringify(body.errors));
  return body.data;
}
