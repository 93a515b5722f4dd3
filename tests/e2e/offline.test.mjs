// Offline: the standalone page's service worker (dist/sw.js) keeps the app and the set the reader last loaded.
// "Offline" is real: the HTTP server on 127.0.0.1 is closed, so every request the browser makes fails; then a
// server comes back on the same port with a changed set, which the page shows (the network comes first).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, SEED_TITLE } from './support.mjs';

const set = (title) => JSON.stringify({ version: 1, title: 'Offline set', articles: [
  { id: 'one', title, body: ['The first paragraph.', 'The second.'] },
  { id: 'two', title: 'Second article', body: ['Text.'] },
] });

let browser;
let server;
after(async () => {
  await browser?.close();
  await server?.close();
});

test('once loaded, the list and its articles open with the server gone; back online, the newest set is shown', async () => {
  server = await startServer({ '/news/': { articles: set('First edition') }, '/other/': {} });
  const port = server.port;
  browser = await launchBrowser({ serviceWorkers: 'allow' });
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/news/'));
  await page.locator('.card-title a', { hasText: 'First edition' }).waitFor();
  // The worker installs after the app has started, keeps the build's files and takes over this page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker.controller !== undefined);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), server.url('/news/sw.js'));
  // Online, through the worker: the set from the network, nothing said about a kept copy.
  const keptAt = Date.now();
  await page.reload();
  await page.locator('.card-title a', { hasText: 'First edition' }).waitFor();
  assert.equal(await page.locator('.offline-note').count(), 0);
  await server.close();
  server = null;
  // Nothing answers on the port now.
  await assert.rejects(fetch(`http://127.0.0.1:${port}/news/articles.json`));
  await page.reload();
  await page.locator('.card-title a', { hasText: 'First edition' }).waitFor();
  // The reader is told that these are the articles as kept, and when (the server's Date of the set kept, in the
  // reader's time, to the minute, joined by no-break spaces so that a narrow screen does not break it), on the
  // list and on an article's page, with a way to try the network again.
  const note = page.locator('.offline-note[role=status]');
  const minute = (t) => { const d = new Date(t); return `${d.getHours().toString().padStart(2, '0')}:${d.getMinutes().toString().padStart(2, '0')}`; };
  const text = await note.locator('span').first().textContent();
  assert.match(text, /^The server cannot be reached: these are the articles as this browser kept them on [A-Z][a-z]{2}\u00a0\d+,\u00a0\d{4},\u00a0\d\d:\d\d\./, text);
  // (Kept by the first load or by the reload since: the server's Date has whole seconds.)
  assert.ok([minute(keptAt - 60000), minute(keptAt), minute(Date.now())].some((m) => text.includes(`,\u00a0${m}.`)), `${text} (${minute(keptAt)})`);
  assert.ok(text.includes(String(new Date(keptAt).getFullYear())), text);
  // Trying again while the server is still gone: the kept copy again, still said so.
  await note.locator('button.retry').click();
  await page.locator('.card-title a', { hasText: 'First edition' }).waitFor();
  await note.waitFor();
  await page.locator('.card-title a', { hasText: 'Second article' }).click();
  await page.locator('h1.article-title', { hasText: 'Second article' }).waitFor();
  assert.equal(await note.count(), 1);
  // A link to an article, opened offline in a new tab: the page from the cache, the article from the set.
  const other = await browser.context.newPage();
  await other.goto(`http://127.0.0.1:${port}/news/#/article/one`);
  await other.locator('h1.article-title', { hasText: 'First edition' }).waitFor();
  // An article's own page never opened: the viewer's page of the article, from the set kept.
  await other.goto(`http://127.0.0.1:${port}/news/articles/two.html`);
  await other.locator('h1.article-title', { hasText: 'Second article' }).waitFor();
  assert.equal(other.url(), `http://127.0.0.1:${port}/news/#/article/two`);
  // And a page of the list never opened: the viewer's page of it.
  await other.goto(`http://127.0.0.1:${port}/news/pages/2.html`);
  await other.locator('.card-title a', { hasText: 'Second article' }).waitFor();
  assert.equal(other.url(), `http://127.0.0.1:${port}/news/#/?page=2`);
  await other.close();
  // Back online with a new edition of the set: it is shown, not the kept one.
  server = await startServer({ '/news/': { articles: set('Second edition') }, '/other/': {} }, { port });
  await page.goto(server.url('/news/'));
  await page.reload();
  await page.locator('.card-title a', { hasText: 'Second edition' }).waitFor();
  assert.equal(await note.count(), 0);
  // Another deployment on the same host (another folder) is not this worker's: its own set, the bundled one.
  await page.goto(server.url('/other/'));
  await page.locator('.card-title a', { hasText: SEED_TITLE }).waitFor();
  // The only errors are the requests that failed while the server was gone (the worker answered them).
  assert.ok(errors.every((e) => /ERR_CONNECTION_REFUSED|Failed to fetch|net::/.test(e)), errors.join('\n'));
  await page.close();
});

test("a page whose name ends as a content-hashed file's does (an article's id, a category's page) is the network's first", async () => {
  // (Only the build's own files, in the folder itself, are content-hashed: one of them is the cache's first.)
  let edition = 1;
  const page = () => `<!doctype html><html lang="en"><title>Edition ${edition}</title><p>Edition ${edition}</p></html>`;
  const local = await startServer({ '/hashy/': { articles: set('First edition'), files: {
    'articles/report-2024abcd.html': () => ({ body: page(), type: 'text/html' }),
    'pages/category-a7afffeb7060.html': () => ({ body: page(), type: 'text/html' }),
  } } });
  const b = await launchBrowser({ serviceWorkers: 'allow' });
  try {
    const { page: tab } = await newPage(b.context);
    await tab.goto(local.url('/hashy/'));
    await tab.locator('.card-title a', { hasText: 'First edition' }).waitFor();
    await tab.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker.controller !== undefined);
    for (const name of ['articles/report-2024abcd.html', 'pages/category-a7afffeb7060.html']) {
      edition = 1;
      await tab.goto(local.url(`/hashy/${name}`));
      assert.equal(await tab.title(), 'Edition 1', name);
      edition = 2;
      await tab.goto(local.url(`/hashy/${name}`));
      assert.equal(await tab.title(), 'Edition 2', `${name}: from the network, not the kept copy`);
    }
  } finally {
    await b.close();
    await local.close();
  }
});
