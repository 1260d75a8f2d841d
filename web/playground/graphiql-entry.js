// The playground's libraries: GraphiQL, its explorer plugin and React, in
// one file. `make web` bundles this with esbuild into
// static/vendor/graphiql.min.js (and .css), which is committed, so that
// `go build` needs no Node.js. csakg's own code is playground.js, which
// reads these from the CsakgGraphiQL global.
export { default as React } from 'react';
export { createRoot } from 'react-dom/client';
export { GraphiQL } from 'graphiql';
export { explorerPlugin } from '@graphiql/plugin-explorer';
export { createGraphiQLFetcher, createLocalStorage } from '@graphiql/toolkit';
// GraphiQL's dialogs add a <style> element (to stop the page scrolling
// behind them); the page's CSP admits it by the nonce given here.
export { setNonce } from 'get-nonce';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
