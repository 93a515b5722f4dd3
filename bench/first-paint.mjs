// Benchmark: time from navigation start to the first list card painted, for the viewer (built dist/) and for a
// plain static HTML page showing the same first page of cards with the same stylesheet (the physical floor).
// Run by `cargo xtask bench`; prints medians and the ratio viewer / static, measured in this same run.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, bigSet, DIST } from '../tests/e2e/support.mjs';

const RUNS = Number(process.env.AV_BENCH_RUNS ?? 7);
const PAGE_SIZE = 20;

function escape(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/** The static floor: the first page of cards as plain HTML, with the viewer's own CSS. */
function staticPage(setJson) {
  const set = JSON.parse(setJson);
  const css = fs.readdirSync(DIST).find((f) => f.endsWith('.css'));
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

// Records when the first card is in the DOM and a frame has been painted after it.
const PROBE = `
  window.__firstCard = new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('.card')) {
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

async function measure(context, url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: 'commit' });
    times.push(await page.evaluate(() => window.__firstCard));
    await page.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const sets = { 1: bigSet(1), 10000: bigSet(10000) };
const mounts = {};
for (const [n, json] of Object.entries(sets)) {
  mounts[`/app-${n}/`] = { articles: json };
  mounts[`/static-${n}/`] = { articles: json, files: { 'index.html': staticPage(json) } };
}
const server = await startServer(mounts);
const browser = await launchBrowser();
console.log(`first list card painted, median of ${RUNS} cold page loads (ms), same run, same machine`);
console.log(`${'articles'.padEnd(10)} ${'JSON bytes'.padStart(11)} ${'viewer'.padStart(9)} ${'static'.padStart(9)} ${'ratio'.padStart(7)}`);
for (const [n, json] of Object.entries(sets)) {
  const app = await measure(browser.context, server.url(`/app-${n}/`));
  const floor = await measure(browser.context, server.url(`/static-${n}/`));
  console.log(`${n.padEnd(10)} ${String(Buffer.byteLength(json)).padStart(11)} ${app.toFixed(1).padStart(9)} ${floor.toFixed(1).padStart(9)} ${(app / floor).toFixed(2).padStart(7)}`);
}
await browser.close();
await server.close();
