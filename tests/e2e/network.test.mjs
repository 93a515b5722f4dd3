// Broken networks, served for real by the test server: each fault gives its own readable error with a retry
// button, and retry works once the network recovers. Waits are for conditions; the stall test waits for the
// viewer's documented 15 s stall limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, inLocale, bigSet } from './support.mjs';

const GOOD = '{"version":1,"articles":[{"id":"ok","title":"Recovered"}]}';
const big = bigSet(3000);
let server;
let browser;
let sockets = [];
let downOnce = 0;
before(async () => {
  server = await startServer({
    '/missing/': { articles: () => ({ status: 404, body: 'nope' }) },
    '/html/': { articles: () => ({ status: 200, body: '<!doctype html><p>index</p>', type: 'text/html; charset=utf-8' }) },
    '/stall/': {
      raw: (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"version":1,"articles":[');
        sockets.push(res); // never ends
      },
    },
    '/drop/': {
      raw: (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(GOOD.length * 10) });
        res.write(GOOD.slice(0, 20), () => setTimeout(() => res.socket.destroy(), 50));
      },
    },
    '/slow/': {
      raw: (req, res) => {
        const body = Buffer.from(big);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
        const parts = 20;
        const size = Math.ceil(body.length / parts);
        let i = 0;
        const tick = () => {
          if (i >= parts) return res.end();
          res.write(body.subarray(i * size, (i + 1) * size));
          i++;
          setTimeout(tick, 100);
        };
        tick();
      },
    },
    '/ok/': { articles: GOOD },
    '/down-then-up/': { articles: () => (downOnce++ === 0 ? { status: 503, body: 'busy' } : { status: 200, body: GOOD }) },
  });
  browser = await launchBrowser();
});
after(async () => {
  for (const s of sockets) s.destroy();
  await browser?.close();
  await server?.close();
});

async function alertText(page) {
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.equal(await alert.locator('button', { hasText: 'Try again' }).count(), 1);
  return alert.innerText();
}

test('404 says the file was not found', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/missing/'));
  assert.match(await alertText(page), /articles\.json was not found on the server \(HTTP 404\)/);
  await page.close();
});

test("the reader is told in the interface's language: a 404 to a Taiwanese reader, a cut connection to a French one", async () => {
  for (const [locale, path, title, why] of [
    ['zh-TW', '/missing/', '無法載入文章', /伺服器上找不到 .*articles\.json（HTTP 404）/],
    ['fr-FR', '/drop/', 'Les articles n’ont pas pu être chargés', /la connexion a été coupée pendant le téléchargement de .*articles\.json \(\d+ octets reçus\) : /],
  ]) {
    await inLocale(locale, async ({ page }) => {
      await page.goto(server.url(path));
      const alert = page.locator('[role="alert"]');
      await alert.locator('.error-title', { hasText: title }).waitFor();
      assert.match(await alert.locator('.error-detail').innerText(), why, locale);
    });
  }
});

test('an HTML page where the set should be is named as such', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/html/'));
  assert.match(await alertText(page), /is not an article set: the server sent text\/html/);
  await page.close();
});

test('a connection dropped mid-body is reported with the bytes received', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/drop/'));
  assert.match(await alertText(page), /the connection broke while .*articles\.json was downloading \([\d,]+ bytes received\): /);
  await page.close();
});

test('offline is its own error, and retry works once back online', async () => {
  // A fresh context, so that going offline touches no other test.
  const own = await launchBrowser();
  try {
    const { page } = await newPage(own.context);
    await page.goto(server.url('/down-then-up/'));
    assert.match(await alertText(page), /HTTP 503/);
    await own.context.setOffline(true);
    await page.locator('[role=alert] button').click();
    await page.locator('[role=alert]', { hasText: 'the browser is offline' }).waitFor();
    await own.context.setOffline(false);
    await page.locator('[role=alert] button').click();
    await page.locator('.card-title a', { hasText: 'Recovered' }).waitFor();
    await page.close();
  } finally {
    await own.close();
  }
});

test('a stalled response times out with a clear message', { timeout: 60_000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/stall/'));
  const alert = page.locator('[role=alert]');
  await alert.waitFor({ timeout: 40_000 });
  assert.match(await alert.innerText(), /stopped sending .*articles\.json \(25 bytes received, nothing for 15 s\)/);
  await page.close();
});

test('a slow download shows progress in bytes, then the list', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/slow/'));
  const detail = page.locator('.loading-detail');
  await detail.waitFor();
  assert.match(await detail.innerText(), /^[\d.]+ (B|KB|MB) of [\d.]+ MB received$/);
  assert.ok(await page.locator('progress').count() === 1);
  await page.locator('.card').first().waitFor();
  await page.close();
});
