// The csakg playground: GraphiQL (from the bundle graphiql.min.js, which
// sets the CsakgGraphiQL global) on csakg's GraphQL endpoint, opened with
// example queries as tabs. A query in the URL (/?query=...), such as the
// explorer's "open in playground" link, opens in a tab of its own.
(() => {
  const { React, createRoot, GraphiQL, explorerPlugin, createGraphiQLFetcher, createLocalStorage, setNonce } =
    window.CsakgGraphiQL;
  const config = JSON.parse(document.getElementById('playground-config').textContent);
  setNonce(config.styleNonce);
  const params = new URLSearchParams(location.search);
  const query = params.get('query');
  const variables = params.get('variables');
  const examples = config.tabs.map((q) => ({ query: q }));
  const h = React.createElement;
  const logo = h(GraphiQL.Logo, null, h('span', { className: 'csakg-logo' }, 'csakg',
    h('a', { href: '/explore', title: 'The graph as a picture' }, 'Explorer')));
  createRoot(document.getElementById('graphiql')).render(h(GraphiQL, {
    fetcher: createGraphiQLFetcher({ url: config.endpoint }),
    storage: createLocalStorage({ namespace: config.storageNamespace }),
    // defaultTabs are a first visit's tabs; later visits get their own
    // tabs back from local storage, plus the URL's query if it is new.
    defaultTabs: query ? [{ query, variables }, ...examples] : examples,
    query: query ?? undefined,
    variables: variables ?? undefined,
    plugins: [explorerPlugin({ showAttribution: false })],
    // With introspection off there is no schema to ask for: no docs, no
    // explorer of fields, and queries still run.
    ...(config.introspection ? {} : { schema: null }),
  }, logo));
})();
