// 繁/简: the reader shows every article in Traditional or Simplified characters; the converter of that script (a
// WebAssembly module with its dictionaries) is fetched only then; the choice is in the URL, survives reload and back/forward, and is remembered; search and
// highlights work on what is shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, DIST, SEED_TITLE, pickScript, shownScript, openFilters } from './support.mjs';

const SEED_HANS = '湖南省有色系统共同维稳工作第十五次会议召开';
const seed = JSON.parse(fs.readFileSync(path.join(DIST, 'articles.json'), 'utf8')).articles[0];
const set = JSON.stringify({ version: 1, title: '文章', articles: [
  seed,
  { id: 's1', title: '头发与发展', lang: 'zh-Hans', category: '重点新闻', body: ['联系我们：软件系统。'] },
  { id: 'e1', title: 'English only', lang: 'en', body: ['No Chinese here.'] },
] });

let server;
let browser;
let flakyRequests = 0;
before(async () => {
  server = await startServer({
    '/s/': { articles: set },
    // A host that first serves something else than the module: the reader is told, the articles stay readable,
    // and asking again loads it.
    '/flaky/': { articles: set, files: { 'opencc/hans.wasm': () => (++flakyRequests === 1
      ? '<!doctype html><p>Not here</p>' : fs.readFileSync(path.join(DIST, 'opencc/hans.wasm'))) } },
    // A host that does not say the module is wasm: it is read whole, then compiled.
    '/octet/': { articles: set, files: { 'opencc/hans.wasm': () => ({
      body: fs.readFileSync(path.join(DIST, 'opencc/hans.wasm')), type: 'application/octet-stream' }) } },
    // Taiwan's and Hong Kong's forms of characters (著, 衞) made standard before Simplified, by the article's lang.
    '/regions/': { articles: JSON.stringify({ version: 1, articles: [
      { id: 'tw', title: '隨著市場回暖', lang: 'zh-TW', body: ['著名企業意味著轉型。'] },
      { id: 'hk', title: '衞生署', lang: 'zh-HK', body: ['衞生。'] },
      { id: 'zh', title: '隨著衞生', lang: 'zh-Hant', body: ['著。'] },
      { id: 'cn', title: '为了群众', lang: 'zh-Hans', body: ['里面。'] },
    ] }) },
    '/en/': { articles: JSON.stringify({ version: 1, articles: [{ id: 'e1', title: 'English only', lang: 'en', body: ['No Chinese here.'] }] }) },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('简体 / 繁體 convert titles, metadata, body and facets; a converter loads only when asked', async () => {
  const { page, errors } = await newPage(browser.context);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/opencc/')) fetched.push(path.basename(new URL(r.url()).pathname)); });
  await page.goto(server.url('/s/'));
  await page.locator('.card').first().waitFor();
  assert.deepEqual(fetched, [], 'a first visit fetches no converter');

  await pickScript(page, 'hans');
  await page.waitForURL(/script=hans/);
  await page.locator('.card-title a', { hasText: SEED_HANS }).waitFor();
  assert.deepEqual(fetched, ['convert.js', 'hans.wasm'], 'only what Simplified needs (the loader and its module), once');
  assert.equal(await page.locator('.card').first().locator('.meta-authors').innerText(), 'By 张燎原');
  assert.equal(await page.locator('.card').first().getAttribute('lang'), 'zh-Hans');
  // Facet labels are shown converted (重點新聞 and 重点新闻 are one value).
  await openFilters(page);
  assert.ok((await page.locator('.facet[data-facet="category"] .facet-label').allInnerTexts()).includes('重点新闻'));
  // The interface stays in its own language.
  assert.equal(await page.locator('.script-toggle .setting-label').innerText(), 'Characters');
  assert.equal(await page.locator('.script-toggle').getAttribute('aria-label'), 'Characters');
  assert.equal(await page.locator('.settings-menu > summary').innerText(), 'Settings');

  // Search works on what is shown, and the marks land on the shown characters.
  await page.locator('#search-input').fill('企業社區');
  await page.locator('.list-count', { hasText: '1 article of 3 matches' }).waitFor();
  assert.equal(await page.locator('.card .kicker mark').innerText(), '企业社区');
  assert.match(page.url(), /script=hans/);

  // The article page, then back and forward: still Simplified.
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title', { hasText: SEED_HANS }).waitFor();
  assert.match(await page.locator('.article-body').innerText(), /维稳/);
  await page.goBack();
  await page.locator('.card-title a', { hasText: SEED_HANS }).waitFor();
  await page.goForward();
  await page.locator('h1.article-title', { hasText: SEED_HANS }).waitFor();
  await page.reload();
  await page.locator('h1.article-title', { hasText: SEED_HANS }).waitFor();

  // 繁體 turns Simplified into Traditional, phrase by phrase.
  await page.goto(server.url('/s/#/article/s1'));
  await page.locator('h1.article-title', { hasText: '头发与发展' }).or(page.locator('h1.article-title', { hasText: '頭髮與發展' })).waitFor();
  await pickScript(page, 'hant');
  await page.locator('h1.article-title', { hasText: '頭髮與發展' }).waitFor();
  assert.equal(await page.locator('.article-body').innerText(), '聯繫我們：軟件系統。');
  // (The reload above loaded the page, and so 简体's converter, again.)
  assert.deepEqual(fetched, ['convert.js', 'hans.wasm', 'convert.js', 'hans.wasm', 'hant.wasm']);
  // English is untouched; "As written" shows the original again.
  await pickScript(page, 'original');
  await page.locator('h1.article-title', { hasText: '头发与发展' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the choice is remembered for the next visit, and a link that says a script wins', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/s/'));
  await page.locator('.card').first().waitFor();
  await pickScript(page, 'hans');
  await page.locator('.card-title a', { hasText: SEED_HANS }).waitFor();
  // A new visit without script in the link: the remembered choice.
  await page.goto(server.url('/s/#/'));
  await page.locator('.card-title a', { hasText: SEED_HANS }).waitFor();
  assert.equal(await shownScript(page), 'hans');
  // A shared link that says "as written" shows the original.
  await page.goto(server.url('/s/#/?script=original'));
  await page.locator('.card-title a', { hasText: SEED_TITLE }).waitFor();
  assert.equal(await shownScript(page), 'original');
  // Back to the default for the other tests.
  await pickScript(page, 'original');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a set without Chinese text is not offered 繁/简, and a link that asks for a script fetches no converter for it', async () => {
  const { page, errors } = await newPage(browser.context);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url('/en/#/?script=hans'));
  await page.locator('#av-root .card').first().waitFor();
  assert.equal(await page.locator('.script-toggle').count(), 0);
  await page.locator('.settings-menu > summary').waitFor();
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title', { hasText: 'English only' }).waitFor();
  assert.deepEqual(requests.filter((p) => p.includes('/opencc/')), [], 'nothing to convert, nothing fetched');
  // A set with Chinese text: the converter the link asks for is fetched once the set is in (not competing with it).
  await page.goto(server.url('/s/#/?script=hans'));
  await page.locator('.card-title a', { hasText: SEED_HANS }).waitFor();
  const loaded = requests.filter((p) => p.startsWith('/s/'));
  assert.ok(loaded.indexOf('/s/articles.json') < loaded.indexOf('/s/opencc/convert.js'), loaded.join(' '));
  assert.equal(await page.locator('.script-toggle button').count(), 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article from Taiwan or Hong Kong (its lang) is made Simplified with its region\'s forms of characters', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/regions/#/?script=hans'));
  const titles = page.locator('.card-title a');
  await titles.filter({ hasText: '随着市场回暖' }).waitFor();
  assert.deepEqual(await titles.allTextContents(), ['随着市场回暖', '卫生署', '随著衞生', '为了群众']);
  await titles.first().click();
  await page.locator('.article-body p', { hasText: '著名企业意味着转型。' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('繁體 gives a reader in Taiwan or Hong Kong (the browser\'s language) the region\'s forms of characters', async () => {
  const shown = async (b) => {
    const { page, errors } = await newPage(b.context);
    await page.goto(server.url('/regions/#/?script=hant'));
    const card = page.locator('.card-title a').last();
    await card.filter({ hasNotText: '为' }).waitFor();
    const title = await card.textContent();
    assert.deepEqual(errors, []);
    await page.close();
    return title;
  };
  // OpenCC's standard forms where the browser names no region (the suite's browser is en-US).
  assert.equal(await shown(browser), '爲了羣衆');
  for (const [locale, want] of [['zh-TW', '為了群眾'], ['zh-HK', '為了羣眾']]) {
    const b = await launchBrowser({ locale });
    try {
      assert.equal(await shown(b), want, locale);
    } finally {
      await b.close();
    }
  }
});

test('a converter that does not load is reported, the articles stay as written, and asking again retries', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/flaky/'));
  await page.locator('.card').first().waitFor();
  await pickScript(page, 'hans');
  const status = page.locator('.script-status');
  await status.filter({ hasText: 'opencc/hans.wasm' }).waitFor();
  assert.match(await status.innerText(), /hans\.wasm: .*(CompileError|magic)/i);
  assert.equal(await page.locator('.card-title a').first().innerText(), SEED_TITLE);
  assert.match(await status.innerText(), /again/);
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  // 简体 again: the converter is fetched again, and this time it loads.
  await pickScript(page, 'hans');
  await page.locator('h1.article-title', { hasText: SEED_HANS }).waitFor();
  assert.equal(await status.innerText(), '');
  assert.equal(flakyRequests, 2);
  // Back to the default for the other tests.
  await pickScript(page, 'original');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a converter served without the wasm content type still loads (read whole, then compiled)', async () => {
  const { page, errors } = await newPage(browser.context);
  const types = [];
  page.on('response', (r) => { if (r.url().endsWith('/opencc/hans.wasm')) types.push(r.headers()['content-type']); });
  await page.goto(server.url('/octet/'));
  await page.locator('.card').first().waitFor();
  await pickScript(page, 'hans');
  await page.locator('.card-title a', { hasText: SEED_HANS }).waitFor();
  assert.deepEqual(types, ['application/octet-stream']);
  assert.equal(await page.locator('.script-status').innerText(), '');
  await pickScript(page, 'original');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Share gives the article\'s own address in the script shown: copied where there is no share sheet, else through the sheet', async () => {
  const origin = new URL(server.url('/')).origin;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/s/#/?q=會議&script=hans'));
  await page.locator('.card-title a', { hasText: SEED_HANS }).click();
  await page.locator('h1.article-title', { hasText: SEED_HANS }).waitFor();
  const status = page.locator('.share-status');
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(await status.innerText(), '');
  // This Chromium has no share sheet (none on Linux): the link is copied, and the reader told so.
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
  await page.locator('.share-button').click();
  await page.locator('.share-status', { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // The article's own address: not the search it was found by, but the script it is shown in.
  assert.equal(link, `${server.url('/s/')}#/article/${seed.id}?script=hans`);
  const { page: other, errors: otherErrors } = await newPage(browser.context);
  await other.goto(link);
  await other.locator('h1.article-title', { hasText: SEED_HANS }).waitFor();
  assert.equal(await other.locator('.article-page mark').count(), 0, 'no search marks');
  await other.close();
  // A device with a share sheet: a page script stands in for the sheet this Chromium lacks, recording what it is
  // given (or, the second time, closed by the reader without sharing). Neither says anything in the line.
  await page.evaluate(() => {
    window.shared = [];
    navigator.share = async (data) => {
      window.shared.push(data);
      if (window.shared.length === 2) throw new DOMException('Share canceled', 'AbortError');
    };
  });
  await page.locator('.share-button').click();
  await page.waitForFunction(() => window.shared.length === 1);
  await page.waitForFunction(() => document.querySelector('.share-status').textContent === '');
  assert.deepEqual(await page.evaluate(() => window.shared[0]), { title: SEED_HANS, url: link });
  await page.locator('.share-button').click();
  await page.waitForFunction(() => window.shared.length === 2);
  // A sheet that fails (not closed by the reader): the link is copied instead.
  await page.evaluate(() => navigator.clipboard.writeText('') && (navigator.share = async () => { throw new Error('no'); }));
  await page.locator('.share-button').click();
  await page.locator('.share-status', { hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.equal(await status.innerText(), 'Link copied');
  // Neither a sheet nor a clipboard (outside a secure context there is none; a page script stands in for that
  // refusal here): the link is shown to be copied by hand.
  await page.evaluate(() => {
    delete navigator.share;
    navigator.clipboard.writeText = async () => { throw new DOMException('Write permission denied.', 'NotAllowedError'); };
  });
  await page.locator('.share-button').click();
  await page.locator('.share-status', { hasText: 'Could not copy' }).waitFor();
  assert.equal(await status.innerText(), `Could not copy the link: ${link}`);
  // Another article: what came of sharing the first is not said of it.
  await page.goto(server.url('/s/#/article/s1'));
  await page.locator('h1.article-title').waitFor();
  assert.equal(await status.innerText(), '');
  assert.deepEqual([...errors, ...otherErrors], []);
  await page.close();
});
