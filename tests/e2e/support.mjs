// Shared by the end-to-end tests: a real HTTP server on 127.0.0.1 serving the built dist/ under sub-paths,
// and Debian's headless Chromium driven by playwright-core (which downloads no browser).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const DIST = process.env.AV_DIST ?? path.resolve('dist');

/** A real article set from ../shared/corpora (next to the repository), as bytes. */
export const corpus = (name) => fs.readFileSync(new URL(`../../../shared/corpora/${name}`, import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
};

/**
 * Starts a static server. `mounts` maps a path prefix (e.g. '/some/sub/path/') to options:
 *   { articles: string | (() => {status, body, type}) } replaces articles.json under that prefix;
 *   { files: { name: text | (() => text | {body, type}) } } serves other generated files there (a function: asked
 *     per request; the type is the name's unless it says);
 *   { raw: (req, res) => void } answers articles.json by hand (faulty networks);
 *   { headers: { name: value } } adds response headers to the files served from DIST.
 *   { from: dir } serves the files in `dir` before DIST's (a dist/ prerendered for another set: `prerendered`).
 *   { prerender: true } serves index.html with the list `cargo xtask dist` prerendered into it from the bundled
 *     set; other mounts serve it without (as for a set that does not load), so that their tests see the app's
 *     own markup only (prerender.test.mjs tests the prerendered list and the app taking over from it).
 * Everything else under a prefix is read from DIST. Listens on `port` (default: any free one). Returns { url(prefix),
 * port, close() }.
 */
export async function startServer(mounts, { port: wanted = 0 } = {}) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(mounts).find((p) => urlPath.startsWith(p));
    if (!prefix) { res.writeHead(404).end('no such mount'); return; }
    let rest = urlPath.slice(prefix.length) || 'index.html';
    const mount = mounts[prefix];
    if (mount.files?.[rest] !== undefined) {
      const made = typeof mount.files[rest] === 'function' ? mount.files[rest]() : mount.files[rest];
      const { body, type } = made?.body !== undefined ? made : { body: made };
      res.writeHead(200, { 'content-type': type ?? TYPES[path.extname(rest)] ?? 'text/plain', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (rest === 'articles.json' && mount.raw) {
      mount.raw(req, res);
      return;
    }
    if (rest === 'articles.json' && mount.articles !== undefined) {
      const a = typeof mount.articles === 'function' ? mount.articles() : { status: 200, body: mount.articles };
      res.writeHead(a.status ?? 200, { 'content-type': a.type ?? TYPES['.json'], 'cache-control': 'no-store' });
      res.end(a.body);
      return;
    }
    if (rest === 'index.html' && !mount.from && !(mount.prerender && mount.articles === undefined && !mount.raw)) {
      const html = withoutPrerender(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...(mount.headers ?? {}) });
      res.end(html);
      return;
    }
    const safe = path.normalize(rest).replace(/^(\.\.[/\\])+/, '');
    const own = mount.from && path.join(mount.from, safe);
    const file = own && fs.existsSync(own) && !fs.statSync(own).isDirectory() ? own : path.join(DIST, safe);
    if (!(file.startsWith(DIST) || (own && file.startsWith(mount.from))) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(mount.headers ?? {}) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(wanted, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (prefix) => `http://127.0.0.1:${port}${prefix}`,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

/**
 * dist/index.html as `cargo xtask prerender` leaves it for a set that does not load: without the prerendered
 * list, the boot script, the stylesheet for no script and the note of the articles' pages, with the page's own
 * preload of the set.
 */
export function withoutPrerender(html) {
  const preload = '<link rel="preload" href="articles.json" as="fetch" crossorigin="anonymous">';
  let out = html.replace(/<!--av:prerender-->[\s\S]*?<!--\/av:prerender-->/, '<!--av:prerender--><!--/av:prerender-->')
    .replace(/<script async blocking="render" src="\.\/boot-[0-9a-f]{16}\.js"[^>]*><\/script>\n?/, '')
    .replace(/<meta name="article-viewer:pages" content="[^"]*">\n?/, '')
    .replace(/<noscript><link rel="stylesheet" href="\.\/noscript-[0-9a-f]{16}\.css"><\/noscript>\n?/, '')
    .replace(/<template id="av-preloads">([\s\S]*?)<\/template>/, '$1');
  if (!out.includes(preload)) out = out.replace('</head>', `${preload}\n</head>`);
  if (out.includes('id="av-prerender"') || out.includes('./boot-') || out.includes('av-preloads') || out.includes('article-viewer:pages')
    || out.includes('./noscript-') || !out.includes(preload)) throw new Error('could not strip the prerendered list');
  return out;
}

/**
 * Headless Debian Chromium, as root needs it, with a fresh profile. The built index.html carries a strict
 * Content-Security-Policy; `bypassCSP` lets a test inject tools such as axe-core as inline scripts. The page's
 * service worker (dist/sw.js) is blocked unless `serviceWorkers: 'allow'`: online it changes nothing a test sees
 * (the network comes first), and the tests that stop requests with `page.route` would not see the worker's
 * (offline.test.mjs tests it).
 */
export async function launchBrowser({ bypassCSP = false, locale, javaScriptEnabled = true, phone = false, serviceWorkers = 'block' } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'av-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    bypassCSP,
    javaScriptEnabled,
    serviceWorkers,
    ...(locale ? { locale } : {}),
    // A touch-screen phone: no hover, a coarse pointer.
    ...(phone ? { isMobile: true, hasTouch: true, viewport: { width: 390, height: 844 } } : {}),
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A new page that records console errors and uncaught exceptions. */
/** Runs `fn({ page, errors })` in a browser of its own whose languages are `locale`'s, then closes it. */
export async function inLocale(locale, fn) {
  const b = await launchBrowser({ locale });
  try {
    return await fn(await newPage(b.context));
  } finally {
    await b.close();
  }
}

export async function newPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`); });
  return { page, errors };
}

/** Listens, on the document and after the page's own listeners, for the next keydown; returns a function that
 * reads it as "key defaultPrevented" (null before one). Awaited before the key is pressed, so that the listener is
 * in place by then. */
export async function watchNextKey(page) {
  await page.evaluate(() => {
    window.__avKey = null;
    document.addEventListener('keydown', (e) => { window.__avKey = `${e.key} ${e.defaultPrevented}`; }, { once: true });
  });
  return () => page.evaluate(() => window.__avKey);
}

export const SEED_TITLE = '湖南省有色系統共同維穩工作第十五次會議召開';

/**
 * A set whose one article has a numbered list, a bulleted list, code with a line longer than a phone is wide, a
 * table wider than a phone too, and three headings (levels 2, 3, 2: contents are listed).
 */
export const CODE = 'import nickel\n\nfor mine in nickel.mines():\n    print(mine.name, mine.output_in_tonnes_per_year, mine.owner, mine.country)';
export const BLOCKS_SET = JSON.stringify({ version: 1, title: 'Blocks', articles: [{
  id: 'howto', title: 'How to read nickel data', lang: 'en',
  body: [
    { type: 'heading', text: 'Steps' },
    { type: 'paragraph', text: 'Three steps, from the nickel report to this page.',
      links: [['the nickel report', 'https://example.org/nickel-report']] },
    { type: 'list', ordered: true, items: ['Fetch the nickel report.', 'Import it.', 'as a feed', 'or as a saved page', 'Serve it.'],
      levels: [0, 0, 1, 1, 0] },
    { type: 'list', items: ['copper', 'nickel and zinc'], links: [['zinc', 'https://example.org/zinc']] },
    { type: 'heading', text: 'The program', level: 3, links: [['program', 'https://example.org/program']] },
    { type: 'code', text: CODE, language: 'python' },
    { type: 'heading', text: 'Output' },
    { type: 'table', header: true, caption: 'Nickel output by mine, tonnes',
      rows: [['Mine', 'Country', 'Owner', '2022', '2023', '2024'],
        ['Norilsk', 'Russia', 'Nornickel', '219,000', '209,000', '205,000'],
        ['Sorowako', 'Indonesia', 'Vale Indonesia', '60,000', '70,000', '71,000']],
      links: [['Vale', 'https://example.org/vale']] },
    // Styled words: bold, italic, code, struck through (a match across a style's edge is one mark).
    { type: 'paragraph', text: 'Not only nickel: stainless steel, old and new, 106 t of CO2.',
      styles: [['Not only nick', 'strong'], ['stainless', 'em'], ['steel', 'em code'], ['old', 'del'], ['6', 'sup'], ['2', 'sub']] },
    'The end.',
    // A numbered list going on at 4, a bulleted list inside its first item, a numbered one inside that.
    { type: 'list', ordered: true, start: 4, items: ['Check it:', 'in Chromium', 'first the list', 'then an article', 'in Firefox', 'Ship it.'],
      levels: [0, 1, 2, 2, 1, 0], sublists: ['unordered', 'ordered'] },
    { type: 'break' },
    // An image whose caption has a link and styled words.
    { type: 'image', src: 'chart.svg', alt: 'A bar chart of output by mine', caption: 'Output by mine in 2024, from Vale',
      links: [['Vale', 'https://example.org/vale']], styles: [['2024', 'strong']] },
  ],
}] });

/** The files BLOCKS_SET's articles refer to (its image), to serve beside it: `{ articles: BLOCKS_SET, files: BLOCKS_FILES }`. */
export const BLOCKS_FILES = {
  'chart.svg': { type: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="40" height="60" fill="#888"/></svg>' },
};

/** Whether the element `locator` finds lies wholly inside the window. */
export const inWindow = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
});

/** A deterministic article set of `n` news-like records with mixed scripts and lengths (same set every run). */
export function bigSet(n) {
  const words = ['銅價', '企業', '社区', 'market', 'nickel', '產量', '发展', 'copper', '維穩', 'report'];
  const articles = [];
  for (let i = 0; i < n; i++) {
    const w = (k) => words[(i * 7 + k * 3) % words.length];
    articles.push({
      id: `a${i}`,
      title: `${w(0)} ${w(1)} ${i}`,
      published: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      views: (i * 7919) % 100000,
      category: i % 3 ? '重點新聞' : 'Markets',
      authors: i % 4 ? [`作者${i % 17}`] : [],
      body: [`${w(2)}${w(3)} `.repeat(20 + (i % 30)), `${w(4)} paragraph two ${i}`],
    });
  }
  return JSON.stringify({ version: 1, title: 'Big set', articles });
}

/**
 * axe-core's WCAG 2.x A/AA violations on the page, as `rule: targets` lines. axe is injected as an inline script:
 * the page's browser must be launched with `bypassCSP`.
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Opens the `<details>` `selector` in `scope` (a page, or a widget's locator) if it is closed, and waits for
 * `content`, which it builds only while open. */
async function openDetails(scope, selector, content) {
  const details = scope.locator(selector);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').first().click();
  await scope.locator(content).waitFor();
}

/** Opens the header's Settings menu in `scope` (a page, or a widget's locator): its language and theme selects
 * exist only while it is open. */
export const openSettings = (scope) => openDetails(scope, '.settings-menu', '.settings-panel');

/** Shows the articles in `script` ('original', 'hant' or 'hans') with the header's toggle buttons. */
export async function pickScript(scope, script) {
  await scope.locator(`.script-toggle [data-script="${script}"]`).click();
  await scope.locator(`.script-toggle [data-script="${script}"][aria-pressed="true"]`).waitFor();
}

/** The script the header's toggle shows as chosen. */
export async function shownScript(scope) {
  return scope.locator('.script-toggle [aria-pressed="true"]').getAttribute('data-script');
}

/** Opens the list's filter panel (closed until the reader opens it or a filter is in force). */
export const openFilters = (page) => openDetails(page, 'details.filters', '.filters .filter-groups');

/** Where the window is in `article` (a locator of an article page, also in a widget), in thousandths of the way
 * through it, as the viewer measures the reader's place. */
export const readingPlace = (article) => article.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return Math.round(Math.min(1, Math.max(0, -r.top / (r.height - innerHeight))) * 1000);
});

/** Scrolls the window to share `f` of the way through `article` (as `readingPlace` measures it). */
export const scrollThrough = (article, f) => article.evaluate((el, f) => {
  const r = el.getBoundingClientRect();
  scrollTo(0, scrollY + r.top + f * (r.height - innerHeight));
}, f);

/**
 * A folder of the pages `cargo xtask prerender` writes for `setJson` (index.html with the list's first page, the
 * articles' pages, the list's later pages, the set), by the xtask binary (AV_XTASK, which `cargo xtask test`
 * passes; else target/debug/xtask), from DIST's index.html: for a mount's `from`. Removed by `remove()`.
 */
export function prerendered(setJson) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'av-pages-'));
  fs.copyFileSync(path.join(DIST, 'index.html'), path.join(dir, 'index.html'));
  fs.writeFileSync(path.join(dir, 'articles.json'), setJson);
  const xtask = process.env.AV_XTASK ?? path.resolve('target/debug/xtask');
  // (What it says goes to the error if it fails, not into the test's report.)
  execFileSync(xtask, ['prerender', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
