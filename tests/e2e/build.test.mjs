// What `cargo xtask dist` does to our files: the stylesheets (static/style.css, static/noscript.css) are shipped
// minified — the same rules, as the browser reads them, in fewer bytes — and so is the app's js (what it does, every
// other end-to-end test runs), each under the hash of its new bytes and with the integrity (SRI) of those bytes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, newPage, startServer, DIST } from './support.mjs';

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startServer({ '/': {} });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const shipped = (prefix, ext = '.css') => {
  const names = fs.readdirSync(DIST).filter((n) => n.startsWith(prefix) && n.endsWith(ext));
  assert.equal(names.length, 1, `one ${prefix}*${ext} in ${DIST}: ${names}`);
  return names[0];
};

/**
 * Every rule of `css` as the browser reads it (CSSOM), with the white space after commas and after a property's
 * colon in a condition taken out: custom properties and `@supports` conditions keep their text as written, and a
 * minifier takes that space out. Selectors are compared as the browser writes them: a lost descendant combinator
 * (`.app :lang(zh)` → `.app:lang(zh)`) is a difference.
 */
async function rules(page, css) {
  const texts = await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return [...sheet.cssRules].map((r) => r.cssText);
  }, css);
  return texts.map((t) => t.replace(/,\s+/g, ',').replace(/\(\s*([\w-]+):\s*/g, '($1:'));
}

for (const [source, prefix] of [['style.css', 'style-'], ['noscript.css', 'noscript-']]) {
  test(`dist's ${prefix}<hash>.css is static/${source} minified: the same rules, no comments, fewer bytes`, async () => {
    const { page } = await newPage(browser.context);
    const ours = fs.readFileSync(path.join('static', source), 'utf8');
    const name = shipped(prefix);
    const built = fs.readFileSync(path.join(DIST, name), 'utf8');
    const [want, got] = [await rules(page, ours), await rules(page, built)];
    assert.ok(want.length > 3, `${want.length} rules read from static/${source}`);
    assert.deepEqual(got, want);
    assert.ok(!built.includes('/*'), 'no comments');
    assert.ok(built.length < ours.length * 0.8, `${built.length} bytes against ${ours.length}`);
    // Named by the hash of its bytes (a changed stylesheet is a new name, never a stale cached one).
    const hash = name.slice(prefix.length, -'.css'.length);
    assert.match(hash, /^[0-9a-f]{16}$/);
    await page.close();
  });
}

test('the app\'s js is minified, and the page preloads it under its own name with the integrity of its bytes', async () => {
  const name = shipped('article-viewer-', '.js');
  const js = fs.readFileSync(path.join(DIST, name));
  // (wasm-bindgen writes ~70 KB with its comments and long names; minified it is under half.)
  assert.ok(js.length < 50_000, `${js.length} bytes`);
  assert.ok(!js.toString().includes('\n * '), 'no doc comments');
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const preload = html.match(new RegExp(`<link rel="modulepreload" href="\\./${name}"[^>]* integrity="([^"]+)"`));
  assert.ok(preload, `a preload of ${name}`);
  assert.equal(preload[1], `sha384-${crypto.createHash('sha384').update(js).digest('base64')}`);
  const start = fs.readdirSync(DIST).find((n) => /^start-[0-9a-f]+\.js$/.test(n));
  assert.ok(fs.readFileSync(path.join(DIST, start), 'utf8').includes(`./${name}`), 'the start-up script imports it');
});

test('the scripts of ours and wasm-bindgen\'s snippets are minified, and every integrity in the page is its file\'s', async () => {
  // (Each is written by us with comments and indentation; terser leaves neither. What they do, the other tests run.)
  const ours = [shipped('boot-', '.js'), shipped('start-', '.js'), 'embed.js', 'sw.js'];
  const snippets = fs.readdirSync(path.join(DIST, 'snippets'), { recursive: true })
    .filter((f) => f.endsWith('.js')).map((f) => `snippets/${f}`);
  assert.ok(snippets.length > 0, 'the app imports snippets');
  for (const name of [...ours, ...snippets]) {
    const js = fs.readFileSync(path.join(DIST, name), 'utf8');
    assert.ok(!/^\s*\/\//m.test(js) && !/\n {2}\S/.test(js), `${name} is minified: ${js.slice(0, 200)}`);
  }
  // A preload or script whose integrity is not its file's is blocked (a modulepreload of a snippet, the app then
  // never starts): every one is checked against the file it names.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:link|script)\b[^>]*?(?:href|src)="\.\/([^"]+)"[^>]*? integrity="([^"]+)"/g)];
  const named = tags.map((t) => t[1]);
  for (const name of [shipped('article-viewer-', '.js'), ...snippets]) assert.ok(named.includes(name), `${name} in ${named}`);
  for (const [, name, integrity] of tags) {
    const bytes = fs.readFileSync(path.join(DIST, name));
    assert.equal(integrity, `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`, name);
  }
});

test('the page links the minified stylesheet with the integrity of its bytes, and the browser applies it', async () => {
  const name = shipped('style-');
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const link = html.match(/<link rel="stylesheet" href="\.\/([^"]+)" integrity="([^"]+)"/);
  assert.ok(link, 'a stylesheet link with its integrity');
  assert.equal(link[1], name);
  const digest = crypto.createHash('sha384').update(fs.readFileSync(path.join(DIST, name))).digest('base64');
  assert.equal(link[2], `sha384-${digest}`);
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/'));
  await page.locator('#av-root .card').first().waitFor();
  // (A stylesheet blocked by a wrong integrity leaves the cards without their border.)
  assert.equal(await page.locator('#av-root .card').first().evaluate((e) => getComputedStyle(e).borderTopStyle), 'solid');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page and an article\'s own page start the app without a console warning', async () => {
  const { page, errors } = await newPage(browser.context);
  const said = [];
  page.on('console', (m) => {
    // (The test browser blocks service workers, and says so.)
    if (!['log', 'debug'].includes(m.type()) && !m.text().includes('blocked by Playwright')) said.push(`${m.type()}: ${m.text()}`);
  });
  const id = JSON.parse(fs.readFileSync(path.join(DIST, 'articles.json'), 'utf8')).articles[0].id;
  for (const [address, taken] of [['/', '#av-root .card'], [`/articles/${id}.html`, '#av-root h1.article-title']]) {
    await page.goto(server.url(address));
    // The app has taken over from the prerendered page: its js and wasm (and their preloads) are in.
    await page.waitForFunction(() => !document.getElementById('av-prerender'));
    await page.locator(taken).first().waitFor();
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
    // Once: the page's preload of it is the fetch the app's js makes.
    assert.equal(wasm, 1, `the wasm fetched once on ${address}`);
  }
  // (A preload's `integrity` that the browser ignores is a warning on every visit: crbug.com/981419.)
  assert.deepEqual(said, []);
  assert.deepEqual(errors, []);
  await page.close();
});
