// What every part of the explorer shares: the GraphQL client, the status
// line, a small DOM helper and the colours of the kinds.

export const colours = {
  ORGANIZATION: '#1f77b4', WORKING_GROUP: '#2ca02c', PERSON: '#d62728', DOCUMENT: '#9467bd',
  PROJECT: '#8c564b', STANDARD: '#e377c2', EVENT: '#ff7f0e', TOPIC: '#17becf',
};

export const $ = (id) => document.getElementById(id);

// kindName is how a kind reads in a sentence: WORKING_GROUP is "working group".
export function kindName(type, count = 1) {
  const name = type.toLowerCase().replace('_', ' ');
  return count === 1 ? name : name + 's';
}

// gql sends a query and returns its data, or throws an error that says
// what went wrong (with the API's extensions.code).
export async function gql(query, variables = {}) {
  let resp;
  try {
    resp = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new Error('the server cannot be reached');
  }
  const body = await resp.json().catch(() => ({}));
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    const code = e.extensions && e.extensions.code ? ` (${e.extensions.code})` : '';
    throw new Error(e.message + code);
  }
  if (!resp.ok) throw new Error(`the server answered ${resp.status}`);
  return body.data;
}

export function status(msg, isError = false) {
  const s = $('status');
  s.textContent = msg;
  s.className = isError ? 'error' : '';
}

export async function busy(msg, fn) {
  status(msg);
  try {
    const r = await fn();
    status('');
    return r;
  } catch (e) {
    status(`Error: ${e.message}`, true);
    return undefined;
  }
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'style') e.style.cssText = v; // CSSOM: allowed by the page's CSP, unlike a style attribute
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

// svg makes an SVG element; its attributes are presentation attributes,
// which the CSP allows (a style attribute it would not).
export function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

// shorten cuts a name to about max columns (a CJK character counts two),
// at a word where it can, so that labels stay small; the full name is on
// hover and in the panel.
export function shorten(name, max = 22) {
  // An event's name ends with its date, which tells the meetings of a
  // group apart, and starts with its host's name, which the picture shows
  // already: the date is kept whole, with the words just before it.
  const dated = /^(.*\S)\s*\((\d{4}(?:-\d\d){0,2})\)$/.exec(name);
  if (dated && max > 16) return `${tail(dated[1], max - 6)} (${dated[2]})`;
  let width = 0, cut = -1;
  for (let i = 0; i < name.length; i++) {
    width += name.charCodeAt(i) > 0x2e80 ? 2 : 1;
    if (width > max) { cut = i; break; }
  }
  if (cut < 0) return name;
  const space = name.lastIndexOf(' ', cut);
  const end = space > cut * 0.6 ? space : cut;
  return name.slice(0, end).replace(/[\s,:;(–-]+$/, '') + '…';
}

// tail keeps the end of a name, about max columns of it, from a word on
// where it can.
function tail(name, max) {
  let width = 0, cut = -1;
  for (let i = name.length - 1; i >= 0; i--) {
    width += name.charCodeAt(i) > 0x2e80 ? 2 : 1;
    if (width > max) { cut = i + 1; break; }
  }
  if (cut < 0) return name;
  const space = name.indexOf(' ', cut);
  const start = space >= 0 && space < cut + max * 0.5 ? space + 1 : cut;
  return '…' + name.slice(start);
}
