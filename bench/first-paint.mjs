// Benchmark: time from navigation start to the first list card painted, for the viewer (built dist/, its
// index.html prerendered for each set as `cargo xtask dist` / `cargo xtask prerender` do) and for a plain static
// HTML page showing the same first page of cards with the same stylesheet (the physical floor); and when the app
// has taken over (its own first card painted, the prerendered list gone), against the same floor. Then a shared
// link to an article: the viewer's address of it (`#/article/<id>`: the app shows it once it has the set) against
// the article's own page (`articles/<id>.html`, prerendered: its article painted, then the app taking over); and
// the same over a throttled network, against the viewer where no pages were written (its link waits for the set).
// Run by `cargo xtask bench`; prints medians and the ratios, measured in this same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, bigSet, withoutPrerender, DIST } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.AV_BENCH_RUNS ?? 21);
const PAGE_SIZE = 20;

function escape(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The static floor: the first page of cards as plain HTML, with the viewer's own CSS. */
function staticPage(setJson) {
  const set = JSON.parse(setJson);
  // The stylesheet the viewer's own page links (dist/ holds others, e.g. the widget demo host page's).
  const css = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/<link rel="stylesheet" href="\.?\/?([^"]+\.css)"/)?.[1];
  if (!css || !fs.existsSync(path.join(DIST, css))) throw new Error(`no stylesheet linked from ${DIST}/index.html`);
  const cards = set.articles.slice(0, PAGE_SIZE).map((a) => `<li class="card">
    ${a.kicker ? `<p class="kicker">${escape(a.kicker)}</p>` : ''}
    <h2 class="card-title"><a href="#/article/${escape(a.id)}">${escape(a.title)}</a></h2>
    <ul class="meta">${a.published ? `<li>${escape(a.published)}</li>` : ''}${a.views != null ? `<li>${a.views} views</li>` : ''}</ul>
    <p class="excerpt">${escape(String((a.body ?? []).find((b) => typeof b === 'string') ?? '').slice(0, 120))}</p></li>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(set.title ?? 'Articles')}</title><link rel="stylesheet" href="${css}"></head>
<body><div class="app" data-theme="light"><main class="content"><h1 class="page-title">${escape(set.title ?? 'Articles')}</h1>
<ol class="cards">${cards}</ol></main></div></body></html>`;
}

/**
 * dist/index.html prerendered for `setJson` by the xtask binary (AV_XTASK), as a deployer's build would be, and
 * the page of the article `id` (`cargo xtask prerender` writes every article's: ~15 s for 10,000).
 */
function prerendered(setJson, id) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'av-prerender-'));
  try {
    fs.copyFileSync(path.join(DIST, 'index.html'), path.join(dir, 'index.html'));
    fs.writeFileSync(path.join(dir, 'articles.json'), setJson);
    // (Without .br/.gz of its pages: a minute for 10,000, and no page here is served from them.)
    execFileSync(process.env.AV_XTASK, ['prerender', dir, '--no-compress'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    if (!html.includes('id="av-prerender"')) throw new Error('prerender produced no list');
    const article = fs.readFileSync(path.join(dir, 'articles', `${id}.html`), 'utf8');
    if (!article.includes('class="page-title article-title"')) throw new Error(`prerender produced no page of ${id}`);
    return { html, article };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Records when a selector's first match is in the DOM and a frame has been painted after it.
const probe = (name, selector) => `
  window.${name} = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('${selector}')) {
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
        return true;
      }
      return false;
    };
    if (!check()) {
      const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
      document.addEventListener('DOMContentLoaded', () => { if (!check()) obs.observe(document.body, { childList: true, subtree: true }); });
      if (document.body) obs.observe(document.documentElement, { childList: true, subtree: true });
    }
  });`;
const PROBE = probe('__firstCard', '.card') + probe('__appCard', '#av-root .card')
  + probe('__firstTitle', 'h1.article-title') + probe('__appTitle', '#av-root h1.article-title');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One cold load of `url`: when its first card (`article`: its article's title) was painted and (app) when the
 * app's own was.
 */
async function load(context, url, app, article = false, network = null) {
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  const first = await page.evaluate((a) => (a ? window.__firstTitle : window.__firstCard), article);
  let took = null;
  if (app) {
    took = await page.evaluate((a) => (a ? window.__appTitle : window.__appCard), article);
    if (await page.locator('#av-prerender').count()) throw new Error('the app did not take over');
  }
  await page.close();
  return { first, took };
}

const sets = { 1: bigSet(1), 10000: bigSet(10000) };
// The article a shared link opens: the set's middle one.
const shared = Object.fromEntries(Object.entries(sets).map(([n, json]) => {
  const { articles } = JSON.parse(json);
  return [n, articles[Math.floor(articles.length / 2)].id];
}));
const mounts = {};
for (const [n, json] of Object.entries(sets)) {
  const { html: page, article } = prerendered(json, shared[n]);
  mounts[`/app-${n}/`] = { articles: json, files: { 'index.html': page, [`articles/${shared[n]}.html`]: article } };
  mounts[`/static-${n}/`] = { articles: json, files: { 'index.html': staticPage(json) } };
  // The viewer's own page as plain HTML: the prerendered markup without a script.
  const plain = page.replace(/<script[^>]*><\/script>\n?/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  mounts[`/page-${n}/`] = { articles: json, files: { 'index.html': plain } };
  // The viewer as it is where no pages were written: a link to an article waits for the set.
  mounts[`/bare-${n}/`] = { articles: json, files: { 'index.html': withoutPrerender(page) } };
}
const server = await startServer(mounts);
const browser = await launchBrowser();
console.log(`first list card painted: median of ${RUNS} cold page loads each (ms), the three pages taking turns (each round starts with the next), same run`);
console.log('  cards: static HTML of the same first page of cards (the floor); page: the viewer\'s own page as static HTML,');
console.log('  no script; viewer: its first card (the prerendered list); app: the app\'s own first card (it has taken over)');
const head = ['articles', 'JSON bytes', 'cards', 'page', 'viewer', 'v/cards', 'v/page', 'app', 'app/cards'];
console.log(head.map((h, i) => (i ? h.padStart(10) : h.padEnd(9))).join(''));
for (const [n, json] of Object.entries(sets)) {
  const runs = { cards: [], page: [], viewer: [], app: [] };
  const kinds = [
    async () => runs.cards.push((await load(browser.context, server.url(`/static-${n}/`), false)).first),
    async () => runs.page.push((await load(browser.context, server.url(`/page-${n}/`), false)).first),
    async () => {
      const v = await load(browser.context, server.url(`/app-${n}/`), true);
      runs.viewer.push(v.first);
      runs.app.push(v.took);
    },
  ];
  // Each round starts with the next page, so that none is always first (or last) after another's load.
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < kinds.length; k++) await kinds[(i + k) % kinds.length]();
  }
  const [cards, page, viewer, app] = ['cards', 'page', 'viewer', 'app'].map((k) => median(runs[k]));
  const cells = [cards, page, viewer, viewer / cards, viewer / page, app, app / cards];
  const fmt = (x, i) => (i === 3 || i === 4 || i === 6 ? x.toFixed(2) : x.toFixed(1)).padStart(10);
  console.log(`${n.padEnd(9)}${String(Buffer.byteLength(json)).padStart(10)}${cells.map(fmt).join('')}`);
}

console.log(`\na shared link to an article, its title painted: median of ${RUNS} cold loads each (ms), taking turns, same run`);
console.log('  link: the viewer\'s address of it (#/article/<id>: the app, from the article\'s page it fetches or the set); page: its own page');
console.log('  (articles/<id>.html, prerendered); app: that page taken over by the app');
const head2 = ['articles', 'JSON bytes', 'link', 'page', 'page/link', 'app', 'app/link'];
console.log(head2.map((h, i) => (i ? h.padStart(10) : h.padEnd(9))).join(''));
for (const [n, json] of Object.entries(sets)) {
  const runs = { link: [], page: [], app: [] };
  const kinds = [
    async () => runs.link.push((await load(browser.context, server.url(`/app-${n}/#/article/${shared[n]}`), true, true)).took),
    async () => {
      const v = await load(browser.context, server.url(`/app-${n}/articles/${shared[n]}.html`), true, true);
      runs.page.push(v.first);
      runs.app.push(v.took);
    },
  ];
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < kinds.length; k++) await kinds[(i + k) % kinds.length]();
  }
  const [link, page, app] = ['link', 'page', 'app'].map((k) => median(runs[k]));
  const cells = [link, page, page / link, app, app / link];
  const fmt = (x, i) => (i === 2 || i === 4 ? x.toFixed(2) : x.toFixed(1)).padStart(10);
  console.log(`${n.padEnd(9)}${String(Buffer.byteLength(json)).padStart(10)}${cells.map(fmt).join('')}`);
}
// Over a network (Chromium's throttling): where the set takes seconds to arrive, what an article's page and the
// viewer's address of it (which fetches the page) save.
const NETWORK = { latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 };
const SLOW_RUNS = Number(process.env.AV_BENCH_SLOW_RUNS ?? 7);
console.log(`\nthe same over a 20 Mbit/s network with 40 ms latency (Chromium's throttling), 10,000 articles, median of ${SLOW_RUNS}`);
console.log('  bare: the viewer\'s address of it where no pages were written (the app, once it has the set); link: the same');
console.log('  where they were (the app fetches the article\'s page); page: its own page painted; app: that page taken over');
const head3 = ['articles', 'JSON bytes', 'bare', 'link', 'link/bare', 'page', 'page/bare', 'app', 'app/bare'];
console.log(head3.map((h, i) => (i ? h.padStart(10) : h.padEnd(9))).join(''));
{
  const n = '10000';
  const runs = { bare: [], link: [], page: [], app: [] };
  const kinds = [
    async () => runs.bare.push((await load(browser.context, server.url(`/bare-${n}/#/article/${shared[n]}`), true, true, NETWORK)).took),
    async () => runs.link.push((await load(browser.context, server.url(`/app-${n}/#/article/${shared[n]}`), true, true, NETWORK)).took),
    async () => {
      const v = await load(browser.context, server.url(`/app-${n}/articles/${shared[n]}.html`), true, true, NETWORK);
      runs.page.push(v.first);
      runs.app.push(v.took);
    },
  ];
  for (let i = 0; i < SLOW_RUNS; i++) {
    for (let k = 0; k < kinds.length; k++) await kinds[(i + k) % kinds.length]();
  }
  const [bare, link, page, app] = ['bare', 'link', 'page', 'app'].map((k) => median(runs[k]));
  const cells = [bare, link, link / bare, page, page / bare, app, app / bare];
  const fmt = (x, i) => (i === 2 || i === 4 || i === 6 ? x.toFixed(2) : x.toFixed(1)).padStart(10);
  console.log(`${n.padEnd(9)}${String(Buffer.byteLength(sets[n])).padStart(10)}${cells.map(fmt).join('')}`);
}
await browser.close();
await server.close();
