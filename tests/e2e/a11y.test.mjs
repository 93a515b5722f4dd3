// Accessibility: axe-core (injected from node_modules) reports no WCAG 2.x A/AA violations on the list, an
// article (also one with related articles, one with lists, code and a table, one with a note and contents beside
// it, saved), search results with sections, the not-found page and the error page (and the list with the Settings menu open), in the light and the
// dark theme; nor in the widget demo page's widgets. In forced colours, the states drawn with a background still show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, axeViolations as violations, SEED_TITLE, openSettings, corpus, BLOCKS_SET, BLOCKS_FILES } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({
    '/ok/': {},
    '/down/': { articles: () => ({ status: 503, body: 'down' }) },
    '/sotu/': { articles: corpus('sotu-even-years.json') },
    '/blocks/': { articles: BLOCKS_SET, files: BLOCKS_FILES },
    // A long article with sections and a note the text refers to (its way back, ↩), to search and to save.
    '/notes/': { articles: JSON.stringify({ version: 1, articles: [{ id: 'n', title: 'Nickel', lang: 'en', body: [
      { type: 'paragraph', text: 'Nickel rose1.', links: [['1', '#fn-1']], styles: [['1', 'sup']] },
      ...['Prices', 'Supply', 'Outlook'].flatMap((h) => [{ type: 'heading', text: h }, `${h} of nickel. `.repeat(40)]),
      { type: 'list', ordered: true, items: ['LME, November.'], anchors: ['fn-1'] }] }] }) },
    // The widget demo (two widgets under hostile host CSS), embed.js served from the same dist.
    '/cdn/': {},
  });
  browser = await launchBrowser({ bypassCSP: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const pages = [
  ['list', '/ok/', '.card'],
  ['article', '/ok/#/article/000_7367aa27400e94e4', 'h1.article-title'],
  // Opened from a search: its matches marked, the bar that steps through them.
  ['article from a search', `/ok/#/article/000_7367aa27400e94e4?q=${encodeURIComponent('有色')}`, '.match-nav'],
  // With previous / next and related articles.
  ['article with related articles', '/sotu/#/article/sotu-1802-thomas-jefferson', '.related a'],
  // Lists, code and a table that scroll in their boxes, headings of two levels and their contents.
  ['article with lists, code, a table and contents', '/blocks/#/article/howto?q=nickel', 'pre mark'],
  // Its note's way back; on a wide page its contents beside it, the section being read marked; saved.
  ['article with a note and contents beside it, saved', '/notes/#/article/n', '.back-link'],
  // A result that links to the sections with matches; the header's link to the saved articles.
  ['search results with sections, and a saved article', '/notes/#/?q=nickel', '.card-sections'],
  ['not found', '/ok/#/article/nope', '.not-found h1'],
  ['error', '/down/', '[role=alert]'],
];

// The interface in languages whose words are fetched: three laid out right to left, one of East Asia, one of Europe.
for (const lang of ['ar', 'he', 'fa', 'ja', 'fr']) {
  test(`no axe violations: the list, its Settings menu and an article in the interface in ${lang}`, async () => {
    const { page } = await newPage(browser.context);
    await page.goto(server.url('/ok/'));
    await page.locator('.app').waitFor();
    await page.evaluate((l) => localStorage.setItem('article-viewer.lang', l), lang);
    await page.goto(server.url('/ok/'));
    await page.locator('.card').first().waitFor();
    await page.waitForFunction((l) => document.querySelector('.app')?.lang === l, lang);
    assert.deepEqual(await violations(page), []);
    await openSettings(page);
    assert.deepEqual(await violations(page), []);
    await page.goto(server.url('/ok/#/article/000_7367aa27400e94e4'));
    await page.locator('h1.article-title').waitFor();
    assert.deepEqual(await violations(page), []);
    await page.evaluate(() => localStorage.removeItem('article-viewer.lang'));
    await page.close();
  });
}

for (const theme of ['light', 'dark']) {
  for (const [name, url, ready] of pages) {
    test(`no axe violations: ${name} page, ${theme} theme`, async () => {
      const { page } = await newPage(browser.context);
      await page.goto(server.url('/ok/'));
      await page.locator('.app').waitFor();
      await page.evaluate((t) => localStorage.setItem('article-viewer.theme', t), theme);
      if (url.startsWith('/notes/')) {
        await page.setViewportSize({ width: 1400, height: 800 });
        await page.evaluate(() => localStorage.setItem('article-viewer.saved', 'n'));
      }
      await page.goto(server.url(url));
      await page.locator(ready).first().waitFor();
      await page.waitForFunction((t) => document.querySelector('.app')?.dataset.theme === t, theme);
      if (name === 'article') assert.equal(await page.locator('h1').innerText(), SEED_TITLE);
      assert.deepEqual(await violations(page), []);
      if (name === 'list') {
        // The header's Settings menu, open, over the list; then the list of keyboard shortcuts (?).
        await openSettings(page);
        assert.deepEqual(await violations(page), []);
        await page.locator('h1.page-title').click();
        await page.keyboard.press('?');
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
        assert.deepEqual(await violations(page), []);
      }
      if (url.startsWith('/blocks/')) {
        // An image enlarged, in its dialog.
        await page.locator('.image-zoom').click();
        await page.locator('dialog.image-view').waitFor();
        assert.deepEqual(await violations(page), []);
      }
      await page.close();
    });
  }
}

test('no axe violations in widgets: the demo page\'s two widgets, their list, an article and the Settings menu', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/cdn/embed-demo.html'));
  const first = page.locator('article-viewer').first();
  await first.locator('.card').first().waitFor();
  await page.locator('article-viewer').nth(1).locator('.card').first().waitFor();
  assert.deepEqual(await violations(page), []);
  await first.locator('.card-title a').first().click();
  await first.locator('h1.article-title').waitFor();
  await openSettings(first);
  assert.deepEqual(await violations(page), []);
  // The check reaches into the widgets' shadow roots: an image without alt text planted in one is reported.
  await first.locator('.app').evaluate((app) => app.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  assert.match((await violations(page)).join('\n'), /^image-alt: #first,img$/m);
  await page.close();
});

test('the check can fail: a planted image without alt text is reported', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/ok/'));
  await page.locator('.card').first().waitFor();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'favicon.svg';
    document.querySelector('main').append(img);
  });
  const found = await violations(page);
  assert.ok(found.some((v) => v.startsWith('image-alt')), found.join('\n'));
  await page.close();
});

test('the interface\'s words are in its language, the article\'s in the article\'s: screen readers speak each in its own', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/ok/'));
  const card = page.locator('.card').first();
  await card.waitFor();
  const lang = (locator) => locator.first().evaluate((el) => el.closest('[lang]').getAttribute('lang'));
  // A card: the article's language, its line of labels the interface's, each value in it the article's again.
  assert.equal(await lang(card.locator('.card-title')), 'zh-Hant');
  assert.equal(await lang(card.locator('.meta-source')), 'en');
  assert.equal(await lang(card.locator('.meta-source a')), 'zh-Hant');
  await card.locator('.card-title a').click();
  const article = page.locator('article.article-page');
  await article.locator('.article-body').waitFor();
  assert.equal(await lang(article.locator('.article-body p')), 'zh-Hant');
  for (const [sel, expected] of [['.back a', 'en'], ['.meta-date', 'en'], ['.meta-author a, .meta-authors a', 'zh-Hant'],
    ['.editor', 'en'], ['.editor span', 'zh-Hant'], ['.notice p', 'zh-Hant'], ['.share-button', 'en']]) {
    assert.equal(await lang(article.locator(sel)), expected, sel);
  }
  // Opened from a search: the bar that steps through the matches speaks the interface's language.
  await page.goto(server.url(`/ok/#/article/000_7367aa27400e94e4?q=${encodeURIComponent('有色')}`));
  await page.locator('.match-nav').waitFor();
  assert.equal(await lang(page.locator('.match-nav .match-status')), 'en');
  assert.equal(await lang(page.locator('.article-body mark')), 'zh-Hant');
  assert.deepEqual(errors, []);
  await page.close();
});

test('in forced colours (a Windows contrast theme) the script chosen, the page shown and a saved article still stand out', async () => {
  const { page } = await newPage(browser.context);
  await page.emulateMedia({ forcedColors: 'active' });
  // The colours the browser paints with (forced colours replace the stylesheet's, and computed styles say so).
  const colours = (locator) => locator.evaluate((e) => {
    const s = getComputedStyle(e);
    return { background: s.backgroundColor, text: s.color };
  });
  await page.goto(server.url('/ok/'));
  const chosen = page.locator('.script-toggle [aria-pressed="true"]');
  await chosen.waitFor();
  const other = await colours(page.locator('.script-toggle [aria-pressed="false"]').first());
  assert.notEqual((await colours(chosen)).background, other.background);
  // 60 speeches, 20 a page: the page shown among the links to the others.
  await page.goto(server.url('/sotu/'));
  await page.locator('.page-current').waitFor();
  const link = await colours(page.locator('.page-link').first());
  assert.notEqual((await colours(page.locator('.page-current'))).background, link.background);
  // "Save for later", pressed.
  await page.goto(server.url('/sotu/#/article/sotu-1802-thomas-jefferson'));
  const save = page.locator('.save-button');
  await save.waitFor();
  const before = await colours(save);
  await save.click();
  await page.locator('.save-button[aria-pressed="true"]').waitFor();
  assert.notEqual((await colours(save)).background, before.background);
  await page.close();
});
