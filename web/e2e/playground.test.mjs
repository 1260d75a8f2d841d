// End-to-end test of the playground (GraphiQL served by csakg itself) in
// headless Chromium, against real csakg servers on a real Neo4j with the
// sources loaded (see stack.mjs). The page may reach 127.0.0.1 only, so it
// works only if everything it needs comes from csakg; every test fails on
// a console error, a CSP violation or a request to another origin.
// Screenshots are saved in test-artifacts/playground/.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Stack, skip, shotsDir, graphql } from './stack.mjs';

const stack = new Stack('playground');
let base, noIntrospection, shots;
const pages = [];

before(async () => {
  if (skip) return;
  shots = shotsDir('playground');
  await stack.start();
  base = await stack.serve();
  // The same graph, with introspection off (as in production).
  noIntrospection = await stack.serve({ load: false, flags: ['--introspection=false'] });
});

after(() => stack.stop());

afterEach(() => { while (pages.length) pages.pop().clean(); });

async function open(url) {
  const page = await stack.page();
  pages.push(page);
  await page.goto(url);
  await page.waitForSelector('.graphiql-query-editor .CodeMirror');
  return page;
}

// result reads the result pane (GraphiQL's CodeMirror editor) once it
// holds an answer, as JSON.
async function result(page) {
  await page.waitForFunction(() => {
    const v = document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue();
    return v && v.trim().startsWith('{');
  });
  return JSON.parse(await page.evaluate(() => document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()));
}

// typeQuery opens a new tab and types text into its query editor.
async function typeQuery(page, text) {
  await page.click('[aria-label="New tab"]');
  await page.click('.graphiql-query-editor .CodeMirror');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape'); // close the completion list, if open
  // GraphiQL reads the operations of an edit 100 ms after it (until then,
  // ▶ would send the previous tab's operation name): wait until it has
  // read this text.
  await page.waitForFunction(() => {
    const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
    return cm.documentAST?.loc?.source.body === cm.getValue();
  });
}

test('type a query, run it, read the answer', { skip }, async () => {
  const want = (await graphql(base, '{ stats { entities } }')).stats.entities;
  assert.ok(want > 100, `the graph has ${want} entities`);
  const page = await open(base + '/');
  // A first visit opens with the README's examples as tabs.
  const tabs = await page.$$eval('.graphiql-tab .graphiql-tab-button', (ts) => ts.map((t) => t.textContent.trim()));
  assert.deepEqual(tabs, ['GraphSize', 'ServerlessPaper', 'PersonToOMG', 'ACMCollaborators', 'February2021']);
  await typeQuery(page, '{ stats { entities } }');
  const typed = await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue());
  assert.equal(typed.replace(/\s+/g, ' ').trim(), '{ stats { entities } }');
  await page.click('.graphiql-execute-button');
  const got = await result(page);
  assert.deepEqual(got, { data: { stats: { entities: want } } });
  await page.screenshot({ path: path.join(shots, '1-result.png') });
});

test('the docs and the explorer of fields', { skip }, async () => {
  const page = await open(base + '/');
  await page.click('[aria-label="Show Documentation Explorer"]');
  await page.waitForSelector('.graphiql-doc-explorer');
  await page.click('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name >> text=Query');
  await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer').textContent.includes('collaborators'));
  await page.screenshot({ path: path.join(shots, '2-docs.png') });
  // The explorer of fields on the first tab (GraphSize).
  await page.click('[aria-label="Show GraphiQL Explorer"]');
  await page.waitForFunction(() => [...document.querySelectorAll('.graphiql-explorer-root .graphiql-explorer-field-view')]
    .some((e) => e.textContent.startsWith('stats')));
  await page.screenshot({ path: path.join(shots, '3-explorer.png') });
  // A dialog adds a <style> element: the page's CSP admits it by its nonce.
  await page.click('[aria-label="Open settings dialog"]');
  await page.waitForSelector('[role=dialog]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[role=dialog]', { state: 'detached' });
});

test('the explorer opens an entity in the playground, and back', { skip }, async () => {
  const page = await stack.page();
  pages.push(page);
  await page.goto(base + '/explore#entity=wg%3Aserverless-wg');
  await page.waitForFunction(() => document.getElementById('entity-name').textContent === 'Serverless WG' ||
    document.getElementById('status').className === 'error');
  assert.equal(await page.textContent('#entity-name'), 'Serverless WG', await page.textContent('#status'));
  await page.click('#open-playground');
  await page.waitForSelector('.graphiql-query-editor .CodeMirror');
  assert.equal((await page.textContent('.graphiql-tab-active .graphiql-tab-button')).trim(), 'Entity');
  await page.click('.graphiql-execute-button');
  const got = await result(page);
  assert.equal(got.data.node.name, 'Serverless WG');
  assert.ok(got.data.node.relationships.totalCount > 0);
  await page.screenshot({ path: path.join(shots, '4-entity.png') });
  await page.click('text=Explorer');
  await page.waitForURL(base + '/explore');
  await page.waitForSelector('#q');
});

test('introspection off: the page still loads and runs queries, without docs', { skip }, async () => {
  const want = (await graphql(noIntrospection, '{ stats { entities } }')).stats.entities;
  const page = await open(noIntrospection + '/');
  await typeQuery(page, '{ stats { entities } }');
  await page.click('.graphiql-execute-button');
  assert.deepEqual(await result(page), { data: { stats: { entities: want } } });
  await page.click('[aria-label="Show Documentation Explorer"]');
  await page.waitForSelector('.graphiql-doc-explorer');
  assert.match(await page.textContent('.graphiql-doc-explorer'), /No GraphQL schema available|no schema/i);
  await page.screenshot({ path: path.join(shots, '5-no-introspection.png') });
});
