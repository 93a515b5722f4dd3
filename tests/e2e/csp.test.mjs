// The built viewer under the strict Content-Security-Policy it ships (as a <meta> in index.html and, here, also
// as the header that dist/_headers asks hosts to send): every path a reader takes runs with 0 violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, DIST, openSettings, pickScript } from './support.mjs';

const headersFile = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
const policy = headersFile.match(/Content-Security-Policy: (.+)/)[1];
const RECORD = `window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;

let server;
let browser;
before(async () => {
  server = await startServer({ '/app/': { headers: { 'content-security-policy': policy } } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('dist ships the policy: no inline script in index.html, the same policy in the meta and in _headers', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'every script has a src');
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${policy}">`));
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(headersFile, /immutable/);
  // The 繁/简 converters are not content-hashed: revalidated, never served from a stale cache.
  assert.match(headersFile, /\/opencc\/\*\n  Cache-Control: no-cache\n/);
  assert.match(headersFile, /\/i18n\/\*\n  Cache-Control: no-cache\n/);
  // Nor are wasm-bindgen's snippets (the converter's importer).
  assert.match(headersFile, /\/snippets\/\*\n  Cache-Control: no-cache\n/);
  for (const f of fs.readdirSync(path.join(DIST, 'snippets'), { recursive: true }).filter((f) => f.endsWith('.js'))) {
    assert.ok(fs.existsSync(path.join(DIST, 'snippets', `${f}.br`)), `snippets/${f} has .br`);
  }
  for (const f of ['hans.wasm', 'hant.wasm']) {
    assert.ok(fs.existsSync(path.join(DIST, 'opencc', `${f}.br`)), `opencc/${f} has .br`);
  }
  for (const f of fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f))) {
    assert.ok(fs.existsSync(path.join(DIST, `${f}.br`)) && fs.existsSync(path.join(DIST, `${f}.gz`)), `${f} has .br and .gz`);
  }
});

test('list, search, filters, article, 繁/简, theme and not-found: 0 CSP violations, 0 errors', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.addInitScript(RECORD);
  const response = await page.goto(server.url('/app/'));
  assert.equal(response.headers()['content-security-policy'], policy);
  await page.locator('.card').first().waitFor();
  await page.locator('#search-input').fill('企業');
  await page.locator('.card mark').first().waitFor();
  await pickScript(page, 'hans');
  await page.locator('.card-title a', { hasText: '湖南省有色系统' }).waitFor();
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title').waitFor();
  await openSettings(page);
  await page.locator('.theme-select').selectOption('dark');
  await page.goto(server.url('/app/#/no/such/page'));
  await page.locator('h1', { hasText: 'not found' }).or(page.locator('h1', { hasText: '找不到' })).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  // Control: the listener does see a violation when there is one (an http: image is not allowed).
  await page.evaluate(() => { const i = document.createElement('img'); i.src = 'http://127.0.0.1:9/x.png'; document.body.append(i); });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.match((await page.evaluate(() => window.__violations))[0], /^img-src/);
  await pickScript(page, 'original');
  await page.close();
});
