// Benchmark: 繁/简 conversion in headless Chromium. Per script: loading its converter module (fetch, compile,
// instantiate, building the engine from the dictionaries compiled in) and converting the seed article (goal ≤ 5 ms),
// each the median of five fresh browsers;
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
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Loading a converter and converting the seed, in ROUNDS fresh browsers (a new profile each: nothing cached
// from the round before); in each, hans is loaded first, so its time includes importing the loader.
const ROUNDS = 5;
const rounds = [];
for (let i = 0; i < ROUNDS; i++) {
  const fresh = await launchBrowser();
  const page = await fresh.context.newPage();
  await page.goto(server.url('/seed/bench.html'));
  await page.waitForFunction(() => window.avReady === true);
  rounds.push(await page.evaluate(async () => {
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
  }));
  await fresh.close();
}
const range = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
for (const script of ['hans', 'hant']) {
  const x = rounds[0][script];
  const loads = rounds.map((r) => r[script].loadMs);
  const seeds = rounds.map((r) => r[script].seedMs);
  console.log(`${script}: ${x.file} (${(x.bytes / 1e3).toFixed(0)} KB uncompressed) fetched from 127.0.0.1, compiled and built in ${median(loads).toFixed(1)} ms (median of ${ROUNDS} fresh browsers, ${range(loads)}); the seed article converted in ${median(seeds).toFixed(2)} ms (median of ${ROUNDS} medians of 20, ${range(seeds)})`);
}

// The real viewer: 10,000 articles, switch to 简体 and back, time to the first card repainted.
const browser = await launchBrowser();
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
