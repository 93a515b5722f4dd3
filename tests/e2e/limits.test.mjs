// Sizes the viewer must survive: a set over the 80 MB limit (announced by Content-Length, or not) is refused with
// a clear error and without reading it all; a record with a 10 MB string is shown without freezing the tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage } from './support.mjs';

const MB = 1_000_000;
const chunk = Buffer.alloc(MB, 0x20); // white space: valid JSON padding
const streamed = { bytes: 0, cut: false };

function sendBig(res, withLength) {
  const total = 100 * MB;
  const head = Buffer.from('{"version":1,"articles":[');
  res.writeHead(200, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(total) } : {}) });
  res.write(head);
  let sent = head.length;
  // Cut: the browser closed the connection before the server finished sending.
  res.on('close', () => { if (!res.writableEnded) streamed.cut = true; });
  const pump = () => {
    while (sent + MB <= total - 2) {
      sent += MB;
      streamed.bytes = sent;
      if (!res.write(chunk)) { res.once('drain', pump); return; }
    }
    res.end(Buffer.alloc(total - sent - 2, 0x20) + ']}');
  };
  pump();
}

let server;
let browser;
before(async () => {
  const big = '長'.repeat(3_500_000);
  server = await startServer({
    '/sized/': { raw: (req, res) => sendBig(res, true) },
    '/chunked/': { raw: (req, res) => sendBig(res, false) },
    '/long/': { articles: JSON.stringify({ version: 1, articles: [
      { id: 'big', title: 'A 10 MB paragraph', body: [big] },
      { id: 'small', title: 'Small', body: ['x'] },
    ] }) },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('100 MB with Content-Length: refused before downloading it', async () => {
  const { page } = await newPage(browser.context);
  streamed.bytes = 0;
  await page.goto(server.url('/sized/'));
  await page.locator('[role="alert"]', { hasText: 'at most 80 MB' }).waitFor();
  assert.match(await page.locator('[role="alert"]').innerText(), /100 MB/);
  await page.locator('[role="alert"] button').waitFor();
  await page.close();
});

test('100 MB without Content-Length: refused once 80 MB have arrived, the download is cut', async () => {
  const { page } = await newPage(browser.context);
  streamed.bytes = 0;
  streamed.cut = false;
  await page.goto(server.url('/chunked/'));
  await page.locator('[role="alert"]', { hasText: 'at most 80 MB' }).waitFor({ timeout: 60000 });
  // The viewer aborted the download: the server sees the connection closed before it finished.
  await new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => (streamed.cut ? resolve() : Date.now() - started > 20000 ? reject(new Error(`not cut; ${streamed.bytes} bytes sent`)) : setTimeout(check, 50));
    check();
  });
  // The tab is alive: it still runs script and renders.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await page.close();
});

test('a 10 MB string is shown as text, the tab stays responsive', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/long/'));
  await page.locator('.card').first().waitFor({ timeout: 60000 });
  const excerpt = await page.locator('.card .excerpt').first().innerText();
  assert.ok(excerpt.length <= 121, `${excerpt.length} characters in the excerpt`);
  await page.locator('.card-title a', { hasText: 'A 10 MB paragraph' }).click();
  await page.locator('h1.article-title').waitFor({ timeout: 60000 });
  const length = await page.evaluate(() => document.querySelector('.article-body p').textContent.length);
  assert.equal(length, 3_500_000);
  assert.deepEqual(errors, []);
  await page.close();
});
