// Benchmark: 繁/简 conversion in headless Chromium. Per script: loading its converter module (fetch, compile,
// instantiate, building the engine from the dictionaries compiled in), converting the seed article (goal ≤ 5 ms),
// and in the real viewer with 10,000 articles the time from choosing 简体 to the first page repainted (goal
// ≤ 100 ms, the converter already loaded by an earlier switch), against the same repaint without conversion
// (switching back to "as written") as the baseline.
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
    const conv = await av.BenchConverter.load(script);
    const t1 = performance.now();
    const bytes = (await (await fetch(av.BenchConverter.file(script))).arrayBuffer()).byteLength;
    const seed = [];
    for (let i = 0; i < 20; i++) { const t = performance.now(); set.convert_articles(conv, 0, 1); seed.push(performance.now() - t); }
    seed.sort((a, b) => a - b);
    out[script] = { file: av.BenchConverter.file(script), loadMs: t1 - t0, bytes, seedMs: seed[10] };
  }
  return out;
});
await page.close();
for (const [script, x] of Object.entries(r)) {
  console.log(`${script}: ${x.file} (${(x.bytes / 1e3).toFixed(0)} KB uncompressed) fetched from 127.0.0.1, compiled and built in ${x.loadMs.toFixed(1)} ms; the seed article converted in ${x.seedMs.toFixed(2)} ms (median of 20)`);
}

// The real viewer: 10,000 articles, switch to 简体 and back, time to the first card repainted.
const viewer = await browser.context.newPage();
await viewer.goto(server.url('/big/'));
await viewer.locator('.card').first().waitFor({ timeout: 120000 });
const switchTo = (value) => viewer.evaluate((value) => new Promise((resolve) => {
  const button = document.querySelector(`.script-toggle button[data-script="${value}"]`);
  const before = document.querySelector('.cards').textContent;
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (document.querySelector('.cards')?.textContent !== before) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    }
  });
  obs.observe(document.querySelector('.content'), { subtree: true, childList: true, characterData: true });
  button.click();
}), value);
const first = await switchTo('hans'); // includes loading the converter
await switchTo('original');
const conv = [];
const plain = [];
for (let i = 0; i < 7; i++) {
  conv.push(await switchTo('hans'));
  plain.push(await switchTo('original'));
}
console.log(`10,000 articles, list page: 简体 repainted in ${median(conv).toFixed(1)} ms (median of 7; first switch, loading the converter, ${first.toFixed(0)} ms); back to as written ${median(plain).toFixed(1)} ms; ratio ${(median(conv) / median(plain)).toFixed(2)}`);
await browser.close();
await server.close();
