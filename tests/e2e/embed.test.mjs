// The <article-viewer> widget: embed.js served from one path (a "CDN" under a sub-path), host pages at others;
// two independent widgets under hostile host CSS; events for the host (an article opened, a set loaded or not);
// a failing widget beside a working one; the demo page under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, DIST, SEED_TITLE, openSettings, watchNextKey, corpus, readingPlace, scrollThrough, BLOCKS_SET, BLOCKS_FILES, inWindow } from './support.mjs';

const policy = fs.readFileSync(path.join(DIST, '_headers'), 'utf8').match(/Content-Security-Policy: (.+)/)[1];
const hostPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="/cdn/some/sub/path/embed-demo.css">
<script type="module" src="/cdn/some/sub/path/embed.js"></script></head><body>
<p class="host-text">Host text.</p>${body}</body></html>`;

let server;
let browser;
before(async () => {
  server = await startServer({
    '/cdn/some/sub/path/': { headers: { 'content-security-policy': policy } },
    // A set in a folder of its own, its image beside it.
    '/sets/': { files: { 'blocks.json': BLOCKS_SET, ...BLOCKS_FILES, 'notes.json': JSON.stringify({ version: 1, articles: [
      { id: 'fn', title: 'Nickel notes', body: [
        { type: 'paragraph', text: 'Nickel rose1.', links: [['1', '#fn-1']], styles: [['1', 'sup']] },
        ...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the report, long enough to fill the window.`.repeat(4)),
        { type: 'list', ordered: true, items: ['LME, November.'], anchors: ['fn-1'] }] }] }) } },
    '/elsewhere/': { files: {
      'two.html': hostPage('<article-viewer id="a"></article-viewer><article-viewer id="b" src="/elsewhere/other.json" page-size="1"></article-viewer>'),
      'hash.html': hostPage('<article-viewer id="h" routing="hash"></article-viewer><article-viewer id="g" routing="hash" src="/elsewhere/other.json"></article-viewer>'),
      'read.html': hostPage('<p style="height: 300px">Above.</p><article-viewer id="long" src="/elsewhere/sotu.json"></article-viewer>'
        + '<article-viewer id="short" src="/elsewhere/other.json"></article-viewer><p style="height: 2000px">Below.</p>'),
      'box.html': hostPage('<p style="height: 100px">Above.</p><div id="box" style="height: 300px; overflow: auto">'
        + '<article-viewer id="boxed" src="/elsewhere/sotu.json"></article-viewer></div><p style="height: 2000px">Below.</p>'),
      'sotu.json': corpus('sotu-even-years.json'),
      // Widgets that open on an article, on one author's articles, and (kept in the hash) on a search.
      'start.html': hostPage('<article-viewer id="one" src="/elsewhere/sotu.json" start="/article/sotu-1802-thomas-jefferson"></article-viewer>'
        + '<article-viewer id="by" src="/elsewhere/sotu.json" start="?author=Abraham%20Lincoln&amp;sort=oldest"></article-viewer>'
        + '<article-viewer id="s" src="/elsewhere/sotu.json" routing="hash" start="https://example.org/news/#/?q=slavery"></article-viewer>'),
      'notes.html': hostPage('<article-viewer id="n" src="/sets/notes.json" start="/article/fn"></article-viewer>'),
      'contents.html': hostPage('<article-viewer id="c" src="/sets/blocks.json" start="/article/howto"></article-viewer><p style="height: 3000px">Below.</p>'),
      // A widget in a narrow column (a sidebar) of a wide page.
      'side.html': hostPage('<div style="display: flex"><main style="flex: 1">The post.</main>'
        + '<aside style="width: 300px"><article-viewer id="side" src="/elsewhere/sotu.json" page-size="2"></article-viewer></aside></div>'),
      // Attributes with values the viewer does not take, and a language given by its region.
      'values.html': hostPage('<article-viewer id="odd" src="/elsewhere/sotu.json" page-size="-3" theme="purple" script="klingon" routing="weird"></article-viewer>'
        + '<article-viewer id="tw" src="/elsewhere/other.json" lang="zh-TW" page-size="1"></article-viewer>'
        + '<article-viewer id="fr" src="/elsewhere/other.json" lang="fr-CA"></article-viewer>'),
      'noid.html': hostPage('<article-viewer></article-viewer><article-viewer src="/elsewhere/other.json"></article-viewer>'),
      'broken.html': hostPage('<article-viewer id="bad" src="/elsewhere/missing.json"></article-viewer><article-viewer id="good"></article-viewer>'),
      'mixed.json': JSON.stringify({ version: 1, articles: [
        { id: 'm1', title: 'Shown', body: ['Fine.'] }, { id: 'm2', title: 'Skipped', views: -5, body: ['Bad views.'] }] }),
      'other.json': JSON.stringify({ version: 1, title: 'Other set', articles: [
        { id: 'o1', title: 'Other one', body: ['First.'] }, { id: 'o2', title: 'Other two', body: ['Second.'] }] }),
    } },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const widget = (page, id) => page.locator(`article-viewer#${id}`);

test('two widgets loaded from another path render their own sets and navigate on their own', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/elsewhere/two.html'));
  await widget(page, 'a').locator('.card').first().waitFor();
  await widget(page, 'b').locator('.card').first().waitFor();
  // Without src: the set shipped next to embed.js. With page-size="1": one card a page.
  assert.equal(await widget(page, 'a').locator('.card-title a').first().innerText(), SEED_TITLE);
  assert.deepEqual(await widget(page, 'b').locator('.card-title a').allInnerTexts(), ['Other one']);
  assert.equal(await widget(page, 'b').locator('.page-status').innerText(), 'Page 1 of 2');
  const hostUrl = page.url();
  // (The listener is in place before the click: the evaluate that adds it is awaited.)
  await page.evaluate(() => {
    document.addEventListener('article-viewer:open', (e) => { window.__opened = { id: e.detail.id, from: e.target.id }; }, { once: true });
    window.__moves = [];
    document.addEventListener('article-viewer:navigate', (e) => { window.__moves.push(`${e.target.id} ${e.detail.route}`); });
  });
  await widget(page, 'a').locator('.card-title a').first().click();
  await widget(page, 'a').locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  await page.waitForFunction(() => window.__opened);
  const seedId = JSON.parse(fs.readFileSync(path.join(DIST, 'articles.json'))).articles[0].id;
  assert.deepEqual(await page.evaluate(() => window.__opened), { id: seedId, from: 'a' });
  // Each view the reader moves to, as the widget's `start` attribute takes it: the host can keep it, or count it.
  assert.deepEqual(await page.evaluate(() => window.__moves), [`a /article/${encodeURIComponent(seedId)}`]);
  // The other widget and the host page's URL are as they were.
  assert.deepEqual(await widget(page, 'b').locator('.card-title a').allInnerTexts(), ['Other one']);
  assert.equal(page.url(), hostUrl);
  assert.equal(await page.title(), '', 'the host page title is the host page\'s');
  // Back inside the widget (its own link), not the browser's history.
  await widget(page, 'a').locator('.back a').click();
  await widget(page, 'a').locator('.card').first().waitFor();
  // A search typed in the other widget: its route, with the query.
  await widget(page, 'b').locator('input[type=search]').fill('other');
  await page.waitForFunction(() => window.__moves.length >= 3);
  assert.deepEqual(await page.evaluate(() => window.__moves), [`a /article/${encodeURIComponent(seedId)}`, 'a /', 'b /?q=other']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a widget\'s links open the same view in a new tab: the host page with the route under the widget\'s key in its hash', async () => {
  const { page, errors } = await newPage(browser.context);
  const host = server.url('/elsewhere/two.html');
  await page.goto(host);
  const b = widget(page, 'b');
  await b.locator('.card').first().waitFor();
  const card = b.locator('.card-title a');
  assert.equal(await card.getAttribute('href'), `${host}#av-b=${encodeURIComponent('/article/o1')}`);
  assert.equal(await b.locator('a.page-link.page-next').getAttribute('href'), `${host}#av-b=${encodeURIComponent('/?page=2')}`);
  // Ctrl+click: a new tab with the host page, the widget there on the article and its neighbour on its list; this
  // page and its widget stay as they were.
  const [tab] = await Promise.all([browser.context.waitForEvent('page'), card.click({ modifiers: ['Control'] })]);
  await widget(tab, 'b').locator('h1.article-title', { hasText: 'Other one' }).waitFor();
  await widget(tab, 'a').locator('.card').first().waitFor();
  assert.equal(await widget(tab, 'a').locator('h1.article-title').count(), 0);
  assert.equal(page.url(), host);
  assert.equal(await b.locator('.card').count(), 1);
  // Inside the new tab's widget, links and moves work as ever (routing="none": the host's URL is not written).
  await widget(tab, 'b').locator('.back a').click();
  await widget(tab, 'b').locator('.card').first().waitFor();
  assert.equal(tab.url(), `${host}#av-b=${encodeURIComponent('/article/o1')}`);
  await tab.close();
  // An address from a widget with a query (the list's second page) opens there too (in a page of its own: the
  // same page going to it would only change its hash).
  const { page: other, errors: otherErrors } = await newPage(browser.context);
  await other.goto(`${host}#av-b=${encodeURIComponent('/?page=2')}`);
  await widget(other, 'b').locator('.card-title a', { hasText: 'Other two' }).waitFor();
  await widget(other, 'a').locator('.card').first().waitFor();
  assert.deepEqual(await widget(other, 'a').locator('.card-title a').allInnerTexts(), [SEED_TITLE]);
  assert.deepEqual([...errors, ...otherErrors], []);
  await other.close();
  await page.close();
});

test('a widget\'s Share copies the host page\'s address that opens the widget on the article', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url('/')).origin });
  const { page, errors } = await newPage(browser.context);
  const host = server.url('/elsewhere/two.html');
  await page.goto(host);
  const b = widget(page, 'b');
  await b.locator('.card-title a').first().click();
  await b.locator('h1.article-title', { hasText: 'Other one' }).waitFor();
  await b.locator('.share-button').click();
  await b.locator('.share-status', { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${host}#av-b=${encodeURIComponent('/article/o1')}`);
  assert.equal(await widget(page, 'a').locator('.share-status').count(), 0, 'the other widget is on its list');
  const { page: other, errors: otherErrors } = await newPage(browser.context);
  await other.goto(link);
  await widget(other, 'b').locator('h1.article-title', { hasText: 'Other one' }).waitFor();
  assert.deepEqual([...errors, ...otherErrors], []);
  await other.close();
  await page.close();
});

test('widgets without an id have keys of their own (av, av.2): a link of the second opens only the second', async () => {
  const { page, errors } = await newPage(browser.context);
  const host = server.url('/elsewhere/noid.html');
  await page.goto(host);
  const [first, second] = [page.locator('article-viewer').nth(0), page.locator('article-viewer').nth(1)];
  await second.locator('.card').first().waitFor();
  const href = await second.locator('.card-title a').first().getAttribute('href');
  assert.equal(href, `${host}#av.2=${encodeURIComponent('/article/o1')}`);
  assert.match(await first.locator('.card-title a').first().getAttribute('href'), /#av=%2Farticle%2F/);
  const { page: other, errors: otherErrors } = await newPage(browser.context);
  await other.goto(href);
  await other.locator('article-viewer').nth(1).locator('h1.article-title', { hasText: 'Other one' }).waitFor();
  await other.locator('article-viewer').nth(0).locator('.card').first().waitFor();
  assert.equal(await other.locator('article-viewer').nth(0).locator('h1.article-title').count(), 0);
  assert.deepEqual([...errors, ...otherErrors], []);
  await other.close();
  await page.close();
});

test('in a widget the keys /, n and Shift+N work only while the focus is inside it', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/elsewhere/two.html'));
  const a = widget(page, 'a');
  await a.locator('.card').first().waitFor();
  const focusedInput = () => a.locator('#search-input').evaluate((i) => i.getRootNode().activeElement === i);
  // "/" on the host page is the host's; inside the widget it goes to the widget's search box.
  await page.locator('.host-text').click();
  await page.keyboard.press('/');
  assert.equal(await focusedInput(), false);
  await a.locator('.page-title').click();
  await page.keyboard.press('/');
  assert.equal(await focusedInput(), true);
  await a.locator('#search-input').fill('有色');
  await a.locator('.card .excerpt mark').first().waitFor();
  await a.locator('.card-title a').first().click();
  const status = a.locator('.match-nav .match-status');
  await status.waitFor();
  const n = await a.locator('.article-page mark').count();
  assert.equal(await status.innerText(), `${n} matches`);
  // A key pressed on the host page is the host's: typed with the focus there, the widget does not step.
  await page.locator('.host-text').click();
  const typed = await watchNextKey(page);
  await page.keyboard.press('n');
  assert.equal(await typed(), 'n false');
  assert.equal(await status.innerText(), `${n} matches`);
  // With the focus inside the widget (its title), the keys step.
  await a.locator('h1.article-title').click();
  await page.keyboard.press('n');
  await status.filter({ hasText: `Match 1 of ${n}` }).waitFor();
  await page.keyboard.press('Shift+N');
  await status.filter({ hasText: `Match ${n} of ${n}` }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile host CSS does not reach in, the widget\'s CSS does not reach out', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/cdn/some/sub/path/embed-demo.html'));
  await widget(page, 'first').locator('.card').first().waitFor();
  await widget(page, 'second').locator('.card').first().waitFor();
  const host = await page.locator('#host-text').evaluate((p) => ({ size: getComputedStyle(p).fontSize, color: getComputedStyle(p).color }));
  assert.deepEqual(host, { size: '31px', color: 'rgb(0, 0, 0)' }, 'the host paragraph keeps its own style');
  const title = await widget(page, 'first').locator('.card-title').first().evaluate((h) => {
    const s = getComputedStyle(h);
    return { size: s.fontSize, border: getComputedStyle(h.closest('.card')).borderTopColor, font: s.fontFamily };
  });
  assert.equal(title.size, '20px', 'the card title keeps the widget\'s own size (1.25em of 16px)');
  assert.notEqual(title.border, 'rgb(255, 0, 0)');
  assert.ok(!title.font.startsWith('serif'), title.font);
  const link = await widget(page, 'first').locator('.card-title a').first().evaluate((a) => getComputedStyle(a).color);
  assert.notEqual(link, 'rgb(0, 255, 0)');
  // The documented custom properties do cross the boundary: the host can set the accent colour.
  await page.evaluate(() => document.querySelector('#first').style.setProperty('--av-accent', 'rgb(1, 2, 3)'));
  await page.waitForFunction(() => {
    const a = document.querySelector('#first').shadowRoot.querySelector('.card-title a');
    return getComputedStyle(a).color === 'rgb(1, 2, 3)';
  });
  // The second widget: its attributes (zh-Hant, dark) and its inline data.
  assert.equal(await widget(page, 'second').locator('.card-title a').first().innerText(), '內嵌的第一篇');
  await openSettings(widget(page, 'second'));
  assert.equal(await widget(page, 'second').locator('.lang-select').inputValue(), 'zh-Hant');
  // Its Settings menu: a press inside (in the shadow root) keeps it open, a press on the host page closes it.
  await widget(page, 'second').locator('.settings-panel .setting span').first().click();
  assert.equal(await widget(page, 'second').locator('.settings-menu').evaluate((d) => d.open), true);
  await page.locator('#host-text').click();
  await widget(page, 'second').locator('.settings-panel').waitFor({ state: 'detached' });
  fs.mkdirSync('target/screenshots', { recursive: true });
  await page.screenshot({ path: 'target/screenshots/embed-demo-1280.png', fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a widget in a narrow column of a wide page lays out by its own width, not the window's", async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(server.url('/elsewhere/side.html'));
  const w = widget(page, 'side');
  await w.locator('.card-title a').first().waitFor();
  const box = await w.boundingBox();
  const inside = async (locator) => {
    const b = await locator.boundingBox();
    return b.x >= box.x - 0.5 && b.x + b.width <= box.x + box.width + 0.5;
  };
  // The 繁/简 buttons each on one line, their label left out (as on a phone).
  for (const button of await w.locator('.script-toggle button').all()) {
    assert.ok((await button.boundingBox()).height < 50, await button.innerText());
  }
  assert.equal(await w.locator('.script-toggle .setting-label').isVisible(), false);
  // Filters open: the panel above the list, both in the widget's column (not side by side, the list squeezed out).
  await w.locator('.filters > summary').click();
  await w.locator('.filters[open] .facet').first().waitFor();
  const [panel, results] = [await w.locator('.filters').boundingBox(), await w.locator('.results').boundingBox()];
  assert.ok(results.y >= panel.y + panel.height, `${JSON.stringify(panel)} ${JSON.stringify(results)}`);
  assert.ok(await inside(w.locator('.results')) && await inside(w.locator('.card').first()));
  assert.deepEqual(errors, []);
  await page.close();
});

test("an attribute's value the viewer does not take is left out, with a warning for the host's developer", async () => {
  const { page, errors } = await newPage(browser.context);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(server.url('/elsewhere/values.html'));
  const odd = widget(page, 'odd');
  await odd.locator('.card').first().waitFor();
  // page-size="-3": the default 20 a page (it was taken as 200).
  assert.equal(await odd.locator('.card').count(), 20);
  assert.equal(await odd.locator('.app').getAttribute('data-theme'), 'auto');
  for (const said of ['page-size="-3" is not a whole number from 1 to 200', 'theme="purple" is not auto, light or dark',
    'script="klingon" is not original, hant or hans', 'routing="weird" is not none or hash']) {
    assert.ok(warnings.some((w) => w.startsWith('<article-viewer id="odd">: ') && w.includes(said)), `${said} in ${warnings}`);
  }
  // lang="zh-TW": the interface in Traditional Chinese; page-size="1": one card.
  const tw = widget(page, 'tw');
  await tw.locator('.site-name', { hasText: '文章閱讀器' }).waitFor();
  assert.equal(await tw.locator('.card').count(), 1);
  assert.ok(!warnings.some((w) => w.includes('id="tw"')), `${warnings}`);
  // lang="fr-CA": French, its words fetched from next to embed.js (not next to the host page, at another path).
  const fr = widget(page, 'fr');
  await fr.locator('.search-label', { hasText: 'Rechercher dans les articles' }).waitFor();
  assert.equal(await fr.locator('.list-count').innerText(), '2 articles');
  assert.equal(await fr.locator('.settings-menu > summary').innerText(), 'Réglages');
  assert.ok(!warnings.some((w) => w.includes('id="fr"')), `${warnings}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('attributes are read again when they change', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/elsewhere/two.html'));
  await widget(page, 'b').locator('.card').first().waitFor();
  assert.equal(await widget(page, 'b').locator('.search-label').innerText(), 'Search articles');
  await page.evaluate(() => document.querySelector('#b').setAttribute('lang', 'zh-Hans'));
  await widget(page, 'b').locator('.search-label', { hasText: '搜索文章' }).waitFor();
  await page.evaluate(() => document.querySelector('#b').setAttribute('page-size', '2'));
  await widget(page, 'b').locator('.card').nth(1).waitFor();
  assert.deepEqual(await widget(page, 'b').locator('.card-title a').allInnerTexts(), ['Other one', 'Other two']);
  await page.evaluate(() => document.querySelector('#b').setAttribute('src', '/elsewhere/missing.json'));
  await widget(page, 'b').locator('[role="alert"]').waitFor();
  // The other widget is untouched throughout.
  assert.equal(await widget(page, 'a').locator('.card-title a').first().innerText(), SEED_TITLE);
  // script="hans": the dictionaries come from next to embed.js (another path than the host page's).
  await page.evaluate(() => document.querySelector('#a').setAttribute('script', 'hans'));
  await widget(page, 'a').locator('.card-title a', { hasText: '湖南省有色系统共同维稳工作第十五次会议召开' }).waitFor();
  assert.ok(errors.every((e) => e.includes('404')), errors.join('\n'));
  await page.close();
});

test('routing="hash": each widget keeps its route in the host hash under its id; reload and back/forward follow', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/elsewhere/hash.html#host-anchor'));
  await widget(page, 'h').locator('.card').first().waitFor();
  await widget(page, 'g').locator('.card').first().waitFor();
  await widget(page, 'h').locator('.card-title a').first().click();
  await widget(page, 'h').locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  await page.waitForURL(/av-h=%2Farticle%2F/);
  assert.match(page.url(), /#host-anchor&av-h=/, 'the host\'s own hash content is kept');
  // A link's address keeps the host's content and the other widget's entry, with its own route for this one.
  const back = widget(page, 'h').locator('.back a');
  assert.equal(await back.getAttribute('href'), `${server.url('/elsewhere/hash.html')}#host-anchor&av-h=%2F`);
  await widget(page, 'g').locator('.card-title a', { hasText: 'Other two' }).click();
  await widget(page, 'g').locator('h1.article-title', { hasText: 'Other two' }).waitFor();
  await page.waitForURL(/av-g=%2Farticle%2Fo2/);
  // Reload: both widgets come back where they were.
  await page.reload();
  await widget(page, 'h').locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  await widget(page, 'g').locator('h1.article-title', { hasText: 'Other two' }).waitFor();
  // The host's back button steps back through the widgets' navigation, newest first.
  await page.goBack();
  await widget(page, 'g').locator('.card').first().waitFor();
  assert.equal(await widget(page, 'h').locator('h1.article-title').innerText(), SEED_TITLE);
  await page.goBack();
  await widget(page, 'h').locator('.card').first().waitFor();
  await page.goForward();
  await widget(page, 'h').locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('start: a widget opens on an article, a filtered list or a search; routing="hash" goes back to its start', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/elsewhere/start.html'));
  await widget(page, 'one').locator('h1.article-title', { hasText: 'State of the Union, 1802' }).waitFor();
  // The author's articles, oldest first (this set has the even years: Lincoln's of 1862 and 1864).
  const by = widget(page, 'by');
  await by.locator('.card').first().waitFor();
  assert.deepEqual(await by.locator('.card-title a').allInnerTexts(), ['State of the Union, 1862', 'State of the Union, 1864']);
  // The search is in the box; the widget's route goes into the host's hash only once the reader moves.
  const s = widget(page, 's');
  await s.locator('.card').first().waitFor();
  assert.equal(await s.locator('#search-input').inputValue(), 'slavery');
  const found = await s.locator('.card').count();
  assert.ok(found > 0 && found < 60, `${found} of 60`);
  assert.doesNotMatch(page.url(), /av-s=/);
  await s.locator('.card-title a').first().click();
  await s.locator('h1.article-title').waitFor();
  await page.waitForURL(/av-s=%2Farticle%2F/);
  // The host's back button: back to the search it started on, not to the whole list.
  await page.goBack();
  await s.locator('.card').first().waitFor();
  assert.equal(await s.locator('#search-input').inputValue(), 'slavery');
  assert.equal(await s.locator('.card').count(), found);
  // A search of the reader's own goes into the hash, and a reload comes back to it (a route with a query).
  await s.locator('#search-input').fill('tariff');
  await page.waitForURL(/av-s=%2F%3Fq%3Dtariff/);
  await page.reload();
  await s.locator('.card').first().waitFor();
  assert.equal(await s.locator('#search-input').inputValue(), 'tariff');
  // "All articles" from the article it opened on goes to the whole list.
  await widget(page, 'one').locator('.back a').click();
  await widget(page, 'one').locator('.list-count', { hasText: '60 articles' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a widget\'s contents entry scrolls the host page to its heading and focuses it, the host\'s URL unchanged', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 600 });
  await page.goto(server.url('/elsewhere/contents.html'));
  const c = widget(page, 'c');
  await c.locator('.contents').waitFor();
  const before = page.url();
  await c.getByRole('link', { name: 'Output' }).click();
  await page.waitForFunction(() => document.querySelector('#c').shadowRoot.activeElement?.textContent === 'Output');
  assert.ok(await inWindow(c.locator('h2', { hasText: 'Output' })), 'the heading is in view');
  assert.ok(await page.evaluate(() => window.scrollY > 0), 'the host page scrolled');
  assert.equal(page.url(), before);
  // The set's image is where the set is (its folder), not where the host page or the viewer is.
  assert.equal(await c.locator('figure img').evaluate((img) => img.src), server.url('/sets/chart.svg'));
  // Enlarged: a dialog inside the widget, in the widget's colours (its styles apply there, not the host's).
  await c.locator('.image-zoom').click();
  const dialog = c.locator('dialog.image-view');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.getRootNode() === document.querySelector('#c').shadowRoot && d.matches(':modal')), true);
  assert.equal(await dialog.evaluate((d) => getComputedStyle(d).backgroundColor),
    await c.locator('.app').evaluate((a) => getComputedStyle(a).backgroundColor));
  assert.equal(await dialog.locator('img').evaluate((img) => img.src), server.url('/sets/chart.svg'));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.querySelector('#c').shadowRoot.activeElement?.className), 'image-zoom');
  assert.deepEqual(errors, []);
  await page.close();
});

test('widgets record how far an article was read, each its own, and offer to continue there', async () => {
  // A browser of its own: a reading log no other test has touched.
  const own = await launchBrowser();
  const { page, errors } = await newPage(own.context);
  await page.setViewportSize({ width: 800, height: 600 });
  const id = 'sotu-1906-theodore-roosevelt';
  const long = widget(page, 'long');
  const saved = () => page.evaluate(() => localStorage.getItem('article-viewer.read') ?? '');
  // Where the window is in the widget's article; the host page scrolled to a share of it.
  const at = () => readingPlace(long.locator('.article-page'));
  const scrollTo = (f) => scrollThrough(long.locator('.article-page'), f);
  await page.goto(server.url('/elsewhere/read.html'));
  const card = long.locator('.card', { has: page.locator(`a[href*="${id}"]`) });
  await long.locator('#search-input').fill('1906');
  await card.locator('.card-title a').click();
  await long.locator('h1.article-title').waitFor();
  assert.equal(await long.locator('.resume').count(), 0, 'nothing to continue on a first visit');
  // The short widget, below the fold, shows an article that fits the window: not read until it is all in view.
  await widget(page, 'short').locator('.card-title a').first().evaluate((a) => a.click());
  await widget(page, 'short').locator('h1.article-title').waitFor();
  await scrollTo(0.4);
  await page.waitForFunction((id) => (localStorage.getItem('article-viewer.read') ?? '').includes(id), id);
  const left = await at();
  assert.ok(left >= 380 && left <= 420, `left at ${left}`);
  assert.doesNotMatch(await saved(), /o1:/, 'the short article was not in view');
  // The widget's list says so; opened again it offers to continue there, and does.
  await long.locator('.back a').click();
  await card.locator('.meta-read').waitFor();
  assert.equal(await card.locator('.meta-read').innerText(), `${Math.floor(left / 10)}% read`);
  await card.locator('.card-title a').click();
  await long.locator('.resume button').waitFor();
  assert.equal(await long.locator('.resume button').innerText(), `Continue reading (${Math.floor(left / 10)}%)`);
  await long.locator('.resume button').click();
  await long.locator('.resume').waitFor({ state: 'detached' });
  const back = await at();
  assert.ok(Math.abs(back - left) <= 5, `continued at ${back}, left at ${left}`);
  // The other widget's article, once scrolled all into view, is read; the host page scrolled past the end of the
  // first one on the way (as scrolling to the end of the standalone page does), which is read too.
  await widget(page, 'short').locator('.article-page').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => /(^| )o1:1000!/.test(localStorage.getItem('article-viewer.read') ?? ''));
  assert.match(await saved(), new RegExp(`(^| )${id}:1000!( |$)`));
  assert.deepEqual(errors, []);
  await own.close();
});

test('forgetting what was read in one widget takes the "Read" labels from every widget on the page', async () => {
  // A browser of its own, whose log says an article of each widget's set was read.
  const own = await launchBrowser();
  const { page, errors } = await newPage(own.context);
  await page.goto(server.url('/elsewhere/two.html'));
  await page.evaluate(() => localStorage.setItem('article-viewer.read', '000_7367aa27400e94e4:1000! o1:1000!'));
  await page.reload();
  for (const id of ['a', 'b']) await widget(page, id).locator('.card .meta-read', { hasText: /^Read$/ }).waitFor();
  await openSettings(widget(page, 'a'));
  await widget(page, 'a').locator('.forget-reading').click();
  // Both lists lose their labels at once — the other widget's too, with nothing done in it.
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.querySelector(`#${id}`).shadowRoot.querySelectorAll('.meta-read').length === 0));
  assert.equal(await page.evaluate(() => localStorage.getItem('article-viewer.read')), null);
  assert.deepEqual(errors, []);
  await own.close();
});

test('a widget in a box of the host page that scrolls records the place in the box, and continues there', async () => {
  const own = await launchBrowser();
  const { page, errors } = await newPage(own.context);
  await page.setViewportSize({ width: 800, height: 900 });
  const id = 'sotu-1790-george-washington';
  const boxed = widget(page, 'boxed');
  const article = boxed.locator('.article-page');
  // Where the box shows the article, in thousandths, and the box scrolled to a share of it (the window stays).
  const place = () => article.evaluate((el) => {
    const box = document.getElementById('box').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return Math.round(Math.min(1, Math.max(0, (box.top - r.top) / (r.height - box.height))) * 1000);
  });
  const scrollBox = (f) => article.evaluate((el, f) => {
    const box = document.getElementById('box');
    const r = el.getBoundingClientRect();
    box.scrollTop += r.top - box.getBoundingClientRect().top + f * (r.height - box.clientHeight);
  }, f);
  await page.goto(server.url('/elsewhere/box.html'));
  const card = boxed.locator('.card', { has: page.locator(`a[href*="${id}"]`) });
  await card.locator('.card-title a').click();
  await boxed.locator('h1.article-title').waitFor();
  assert.ok(await article.evaluate((el) => el.getBoundingClientRect().height) > 1500, 'the article is longer than the window');
  await scrollBox(0.4);
  await page.waitForFunction((id) => (localStorage.getItem('article-viewer.read') ?? '').includes(id), id);
  const left = await place();
  assert.ok(left >= 380 && left <= 420, `left at ${left}`);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the window did not move');
  const recorded = Number((await page.evaluate(() => localStorage.getItem('article-viewer.read'))).match(/:(\d+)/)[1]);
  assert.ok(Math.abs(recorded - left) <= 5, `recorded ${recorded}, left at ${left}`);
  // Opened again from the top of the box, "Continue reading" scrolls the box back there, not the window.
  await boxed.locator('.back a').click();
  await card.locator('.meta-read').waitFor();
  await card.locator('.card-title a').click();
  await boxed.locator('.resume button').waitFor();
  await page.evaluate(() => { document.getElementById('box').scrollTop = 0; });
  await boxed.locator('.resume button').click();
  await boxed.locator('.resume').waitFor({ state: 'detached' });
  const back = await place();
  assert.ok(Math.abs(back - left) <= 5, `continued at ${back}, left at ${left}`);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the window did not move');
  assert.deepEqual(errors, []);
  await own.close();
});

test('a card far down a widget\'s list opens its article at the widget\'s top, its heading focused, in the window or a box', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 800, height: 700 });
  for (const [file, id] of [['read.html', 'long'], ['box.html', 'boxed']]) {
    await page.goto(server.url(`/elsewhere/${file}`));
    const w = widget(page, id);
    const card = w.locator('.card').nth(15);
    await card.scrollIntoViewIfNeeded();
    const title = await card.locator('.card-title a').innerText();
    await card.locator('.card-title a').click();
    const heading = w.locator('h1.article-title', { hasText: title });
    await heading.waitFor();
    // (The heading takes the focus on the frame after the page is rendered.)
    await page.waitForFunction((w) => w.shadowRoot.activeElement?.matches('h1.article-title'), await w.elementHandle());
    const [top, bottom] = await heading.evaluate((el) => {
      const box = document.getElementById('box')?.getBoundingClientRect() ?? { top: 0, bottom: innerHeight };
      const r = el.getBoundingClientRect();
      return [r.top - box.top, box.bottom - r.bottom];
    });
    assert.ok(top >= 0 && bottom >= 0, `${file}: the heading is in view (${top} px below the top, ${bottom} px above the bottom)`);
    if (id === 'boxed') assert.equal(await page.evaluate(() => scrollY), 0, 'the box scrolled, not the window');
    // Back to the list: its top, not the place in the article.
    await w.locator('.back a').click();
    await page.waitForFunction((w) => w.shadowRoot.activeElement?.matches('h1.page-title:not(.article-title)'), await w.elementHandle());
    assert.ok(await w.locator('h1.page-title').evaluate((el) => {
      const box = document.getElementById('box')?.getBoundingClientRect() ?? { top: 0 };
      return el.getBoundingClientRect().top >= box.top;
    }), `${file}: the list's heading is in view`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a widget whose set fails shows its own error; the one beside it works; the host hears which loaded', async () => {
  const { page } = await newPage(browser.context);
  // The host's listener, in place before the widgets start.
  await page.addInitScript(() => {
    window.__heard = [];
    for (const name of ['article-viewer:load', 'article-viewer:error']) {
      document.addEventListener(name, (e) => window.__heard.push({ name, from: e.target.id, ...e.detail }));
    }
  });
  await page.goto(server.url('/elsewhere/broken.html'));
  await widget(page, 'good').locator('.card').first().waitFor();
  const alert = widget(page, 'bad').locator('[role="alert"]', { hasText: 'not found' });
  await alert.waitFor();
  assert.equal(await page.locator('.host-text').innerText(), 'Host text.');
  await page.waitForFunction(() => window.__heard.length === 2);
  const heard = await page.evaluate(() => window.__heard);
  const shipped = JSON.parse(fs.readFileSync(path.join(DIST, 'articles.json'))).articles.length;
  assert.deepEqual(heard.find((h) => h.from === 'good'), { name: 'article-viewer:load', from: 'good', articles: shipped, skipped: 0 });
  const failed = heard.find((h) => h.from === 'bad');
  assert.equal(failed.name, 'article-viewer:error');
  assert.ok((await alert.innerText()).includes(failed.message), `${failed.message} is what the widget says`);
  assert.match(failed.message, /not found/);
  // Loaded again from another set (a changed src): heard again, with the records it skipped.
  await page.evaluate(() => document.querySelector('#bad').setAttribute('src', '/elsewhere/mixed.json'));
  await widget(page, 'bad').locator('.card').first().waitFor();
  await page.waitForFunction(() => window.__heard.length === 3);
  assert.deepEqual((await page.evaluate(() => window.__heard))[2], { name: 'article-viewer:load', from: 'bad', articles: 1, skipped: 1 });
  // (One record: said in the singular.)
  assert.equal(await widget(page, 'bad').locator('details.report-skipped summary').innerText(), '1 record was skipped because it is invalid');
  await page.close();
});

test('the demo page under the strict CSP header: 0 violations', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.addInitScript(`window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  const response = await page.goto(server.url('/cdn/some/sub/path/embed-demo.html'));
  assert.equal(response.headers()['content-security-policy'], policy);
  await widget(page, 'first').locator('.card').first().waitFor();
  await widget(page, 'second').locator('.card').first().waitFor();
  await widget(page, 'first').locator('.card-title a').first().click();
  await widget(page, 'first').locator('h1.article-title').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in a widget a footnote\'s number goes to its note in the widget and the note back to it; the host page\'s address stays', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 600 });
  const host = server.url('/elsewhere/notes.html');
  await page.goto(host);
  const n = widget(page, 'n');
  const mark = n.locator('a[data-at="fn-1"]');
  await mark.waitFor();
  // Its address: the host page with the widget's route at the note, to open in a new tab.
  assert.equal(await mark.getAttribute('href'), `${host}#av-n=${encodeURIComponent('/article/fn?at=fn-1')}`);
  await mark.click();
  await page.waitForFunction(() => document.querySelector('#n').shadowRoot.activeElement?.id === 'h-fn-1');
  assert.ok(await inWindow(n.locator('li#h-fn-1')), 'the note is in view');
  assert.equal(page.url(), host);
  // And its back link (↩) to the number, in the widget too.
  await n.locator('li#h-fn-1 a.back-link').click();
  await page.waitForFunction(() => document.querySelector('#n').shadowRoot.activeElement?.dataset.at === 'fn-1');
  assert.ok(await inWindow(mark), 'back at the number');
  assert.equal(page.url(), host);
  assert.deepEqual(errors, []);
  await page.close();
});

test('in a widget a result\'s passage opens its article at that match, current and in view, in the window or a box; the host\'s address stays', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 800, height: 600 });
  for (const [file, id] of [['read.html', 'long'], ['box.html', 'boxed']]) {
    await page.goto(server.url(`/elsewhere/${file}`));
    const w = widget(page, id);
    await w.locator('#search-input').fill('army navy');
    const passage = w.locator('.card', { has: page.locator('a[href*="sotu-1906-theodore-roosevelt"]') }).locator('a.excerpt-link');
    await passage.click();
    const current = w.locator('.article-body mark[aria-current]');
    await current.waitFor();
    assert.equal(await current.innerText(), 'Army', file);
    assert.match(await current.evaluate((m) => m.closest('.article-body > *').textContent), /by the use of the Army and Navy/, file);
    // In view: in the window, and inside the box that scrolls the widget.
    await page.waitForFunction((id) => {
      const m = document.getElementById(id).shadowRoot.querySelector('.article-body mark[aria-current]').getBoundingClientRect();
      const box = document.getElementById('box')?.getBoundingClientRect() ?? { top: 0, bottom: innerHeight };
      return m.top >= Math.max(0, box.top) && m.bottom <= Math.min(innerHeight, box.bottom);
    }, id);
    assert.match(await w.locator('.match-status').innerText(), /^Match \d+ of \d+$/, file);
    assert.equal(new URL(page.url()).hash, '', `${file}: the host's address is its own`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
