// Benchmark: 繁/简 conversion in headless Chromium. Dictionary fetch + build per script, converting the seed
// article (goal ≤ 5 ms) and a list page of 20 articles, and in the real viewer with 10,000 articles the time
// from choosing 简体 to the first page repainted (goal ≤ 100 ms, dictionaries already cached by an earlier
// switch), against the same repaint without conversion (switching back to "as written") as the baseline.
// Run by `cargo xtask bench convert` on the `bench-api` dist.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, DIST } from '../tests/e2e/support.mjs';
import { benchPage } from './page.mjs';
import { benchSet } from './sets.mjs';

const html = benchPage();
const seedJson = fs.readFileSync(path.join(DIST, 'articles.json'), 'utf8');
const server = await startServer({
  '/seed/': { articles: seedJson, files: { 'bench.html': html } },
  '/big/': { articles: benchSet(10000, 1500) },
});
const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const page = await browser.context.newPage();
await page.goto(server.url('/seed/bench.html'));
await page.waitForFunction(() => window.avReady === true);
const r = await page.evaluate(async () => {
  const out = {};
  const set = new av.BenchSet(new Uint8Array(await (await fetch('articles.json')).arrayBuffer()));
  for (const script of ['hans', 'hant']) {
    const t0 = performance.now();
    const texts = await Promise.all(av.BenchConverter.files(script).map((f) => fetch(`opencc/${f}`).then((r) => r.text())));
    const t1 = performance.now();
    const conv = new av.BenchConverter(script, texts);
    const t2 = performance.now();
    const seed = [];
    for (let i = 0; i < 20; i++) { const t = performance.now(); set.convert_articles(conv, 0, 1); seed.push(performance.now() - t); }
    seed.sort((a, b) => a - b);
    out[script] = { fetchMs: t1 - t0, buildMs: t2 - t1, bytes: texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0), seedMs: seed[10] };
  }
  return out;
});
await page.close();
for (const [script, x] of Object.entries(r)) {
  console.log(`${script}: dictionaries ${(x.bytes / 1e3).toFixed(0)} KB fetched in ${x.fetchMs.toFixed(1)} ms (127.0.0.1), built in ${x.buildMs.toFixed(1)} ms; the seed article converted in ${x.seedMs.toFixed(2)} ms (median of 20)`);
}

// The real viewer: 10,000 articles, switch to 简体 and back, time to the first card repainted.
const viewer = await browser.context.newPage();
await viewer.goto(server.url('/big/'));
await viewer.locator('.card').first().waitFor({ timeout: 120000 });
const switchTo = (value) => viewer.evaluate((value) => new Promise((resolve) => {
  const select = document.querySelector('.script-select');
  const before = document.querySelector('.cards').textContent;
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (document.querySelector('.cards')?.textContent !== before) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    }
  });
  obs.observe(document.querySelector('.content'), { subtree: true, childList: true, characterData: true });
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}), value);
const first = await switchTo('hans'); // includes fetching and building the dictionaries
await switchTo('original');
const conv = [];
const plain = [];
for (let i = 0; i < 7; i++) {
  conv.push(await switchTo('hans'));
  plain.push(await switchTo('original'));
}
console.log(`10,000 articles, list page: 简体 repainted in ${median(conv).toFixed(1)} ms (median of 7; first switch with dictionary download ${first.toFixed(0)} ms); back to as written ${median(plain).toFixed(1)} ms; ratio ${(median(conv) / median(plain)).toFixed(2)}`);
await browser.close();
await server.close();
