// Untrusted data in a real browser: script payloads in every field render as text; nothing runs, nothing is
// injected, no javascript: URL reaches the DOM, and the dropped values are counted in the report panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage } from './support.mjs';

const hostile = fs.readFileSync(path.resolve('tests/fixtures/hostile/script-in-every-field.json'), 'utf8');
let server;
let browser;
before(async () => {
  server = await startServer({ '/hostile/': { articles: hostile } });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'a payload ran');
  assert.equal(await page.locator('.app script, .app iframe, .app svg, .app b').count(), 0, 'markup was injected');
  const badUrls = await page.evaluate(() => [...document.querySelectorAll('[href], [src]')]
    .map((e) => e.getAttribute('href') ?? e.getAttribute('src'))
    .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u.replace(/[\t\n]/g, ''))));
  assert.deepEqual(badUrls, []);
}

test('the list and every article of the hostile set show payloads as text and run nothing', { timeout: 120_000 }, async () => {
  const { page } = await newPage(browser.context);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(server.url('/hostile/'));
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.card').count(), 10);
  assert.equal(await page.locator('h1.page-title').innerText(), '<script>window.__xss=1</script>');
  assert.match(await page.locator('details.report-warnings summary').innerText(), /^39 values were dropped/);
  await assertInert(page);
  for (let i = 0; i < 10; i++) {
    await page.goto(server.url(`/hostile/#/article/x${i}`));
    await page.locator('h1.article-title', { hasText: `T${i} ` }).waitFor();
    assert.equal(await page.locator('.article-body figure img').count(), 1, 'only the safe image is shown');
    await assertInert(page);
  }
  const first = await page.goto(server.url('/hostile/#/article/x0')).then(() => page.locator('.kicker').innerText());
  assert.equal(first, '<script>window.__xss=1</script>');
  assert.deepEqual(dialogs, []);
  await page.close();
});
