// Search and filters end to end: typing (Traditional = Simplified), highlights, facets with counts, sort, all
// state in the URL (reload, back/forward), keyboard (/ and Escape), the empty state, and 10,000 articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, bigSet, DIST, SEED_TITLE, openFilters, pickScript, watchNextKey } from './support.mjs';

const seed = JSON.parse(fs.readFileSync(path.join(DIST, 'articles.json'), 'utf8')).articles[0];

/** The seed plus a few articles that differ in category, source, author, date and views. */
function mixedSet() {
  const more = [
    { id: 'm1', title: '銅價上漲 copper rises', category: '市場', source: 'Reuters', authors: ['Li Wei'],
      published: '2019-03-01', views: 50000, body: ['企业社区改造 continues.', 'Nickel too.'] },
    { id: 'm2', title: 'Nickel output', category: 'Markets', source: 'Reuters', authors: ['Ann Smith'],
      published: '2017-06-15', views: 10, body: ['Nothing about communities.'] },
    { id: 'm3', title: '有色金屬產量', category: '重点新闻', source: '有色報', authors: ['張燎原', 'Li Wei'],
      published: '2020-01-02', views: 300, body: ['产量增长。'] },
  ];
  return JSON.stringify({ version: 1, title: 'Mixed', articles: [seed, ...more] });
}

/** Articles as a feed gives them: a summary of its own and tags, or a summary that is the body's opening cut. */
function feedSet() {
  const articles = [
    { id: 'f1', title: 'Smelters in the north', summary: 'Why the new tariff hits smelters first.',
      tags: ['Tariff policy', 'metals'], body: ['The plants near the river closed in May.', 'Workers moved south.'] },
    { id: 'f2', title: 'A river town', summary: 'The town by the river was quiet that […]',
      tags: ['towns'], body: ['The town by the river was quiet that spring.', 'Then the smelter came.'] },
  ];
  return JSON.stringify({ version: 1, title: 'Feed', articles });
}

let server;
let browser;
before(async () => {
  server = await startServer({
    '/mixed/': { articles: mixedSet() },
    '/big/': { articles: bigSet(10000) },
    '/feed/': { articles: feedSet() },
    // Articles in four languages (and one that does not say).
    '/langs/': { articles: JSON.stringify({ version: 1, title: 'World', articles: [
      { id: 'l1', title: 'Nickel prices', lang: 'en', body: ['Up.'] },
      { id: 'l2', title: '鎳價上漲', lang: 'zh-TW', body: ['上漲。'] },
      { id: 'l3', title: 'Le prix du nickel', lang: 'fr-FR', body: ['En hausse.'] },
      { id: 'l4', title: 'أسعار النيكل', lang: 'ar', body: ['ارتفاع.'] },
      { id: 'l5', title: 'Copper prices', lang: 'en-GB', body: ['Down.'] },
      { id: 'l6', title: 'Untagged', body: ['Plain.'] },
    ] }) },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const cardTitles = (page) => page.locator('.card-title a').allInnerTexts();
const query = (page) => new URL(page.url()).hash.replace(/^#\/\?/, '');

test('typing 企业社区 finds the seed stored as 企業社區, marks it, and puts the query in the URL', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/mixed/'));
  await page.locator('.card').first().waitFor();
  assert.equal((await cardTitles(page)).length, 4);
  await page.locator('#search-input').fill('企业社区');
  await page.waitForURL(/q=/);
  assert.equal(decodeURIComponent(query(page)), 'q=企业社区');
  await page.locator('.list-count', { hasText: '2 of 4' }).waitFor();
  // Relevance: the seed has the words in its kicker (a title field), m1 only in its body.
  assert.deepEqual(await cardTitles(page), [SEED_TITLE, '銅價上漲 copper rises']);
  assert.equal(await page.locator('.card').first().locator('.kicker mark').innerText(), '企業社區');
  assert.equal(await page.locator('.card').nth(1).locator('.excerpt mark').innerText(), '企业社区');
  // The count is announced to screen readers.
  assert.equal(await page.locator('.list-count').getAttribute('role'), 'status');
  // Opened from the search: matches are marked in the article, back returns to the search.
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title').waitFor();
  assert.equal(await page.locator('.article-header .kicker mark').innerText(), '企業社區');
  assert.equal(await page.locator('.neighbour-next .neighbour-title').innerText(), '銅價上漲 copper rises');
  // The link back says where it goes: to what the search found.
  assert.equal(await page.locator('.back a').innerText(), '← Back to results');
  await page.locator('.back a').click();
  await page.locator('.list-count', { hasText: '2 of 4' }).waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), '企业社区');
  // From the whole list (a page of it is not a narrowing), to all the articles.
  await page.goto(server.url('/mixed/#/?page=1'));
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title').waitFor();
  assert.equal(await page.locator('.back a').innerText(), '← All articles');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article opened from a search counts its marks and steps through them, wrapping around', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(server.url(`/mixed/#/?q=${encodeURIComponent('有色')}`));
  await page.locator('.card-title a', { hasText: SEED_TITLE }).click();
  await page.locator('h1.article-title').waitFor();
  const marks = page.locator('.article-page mark');
  const status = page.locator('.match-nav .match-status');
  const n = await marks.count();
  assert.ok(n > 5, `${n} marks`);
  assert.equal(await status.innerText(), `${n} matches`);
  assert.equal(await status.getAttribute('role'), 'status');
  const inView = (i) => marks.nth(i).evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  // Next: the first mark is the current one; Previous from there wraps to the last, scrolled into view.
  await page.getByRole('button', { name: 'Next match' }).click();
  await status.filter({ hasText: `Match 1 of ${n}` }).waitFor();
  assert.equal(await marks.nth(0).getAttribute('aria-current'), 'true');
  await page.getByRole('button', { name: 'Previous match' }).click();
  await status.filter({ hasText: `Match ${n} of ${n}` }).waitFor();
  // A button of the bar keeps the focus, to be pressed again.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Previous match');
  assert.equal(await page.locator('.article-page mark[aria-current]').count(), 1);
  assert.equal(await marks.nth(n - 1).getAttribute('aria-current'), 'true');
  assert.ok(await inView(n - 1), 'the last mark is scrolled into view');
  // The bar stays at the top of the window while the article scrolls under it.
  const bar = await page.locator('.match-nav').boundingBox();
  assert.ok(await page.evaluate(() => scrollY) > 200 && bar.y >= 0 && bar.y < 5, JSON.stringify(bar));
  // A small box at the end of the line on a wide page; on a phone a bar across the page, which the text scrolls
  // under (a box there covered the end of the line beside it), still at the top of the window.
  const body = page.locator('.article-body');
  assert.ok(bar.width < (await body.boundingBox()).width / 2, JSON.stringify(bar));
  await page.setViewportSize({ width: 390, height: 700 });
  await page.waitForFunction(() => {
    const b = document.querySelector('.match-nav').getBoundingClientRect();
    const t = document.querySelector('.article-body').getBoundingClientRect();
    return b.left <= t.left && b.right >= t.right && b.top >= 0 && b.top < 5;
  });
  await page.setViewportSize({ width: 800, height: 500 });
  await page.getByRole('button', { name: 'Next match' }).click();
  await status.filter({ hasText: `Match 1 of ${n}` }).waitFor();
  assert.ok(await inView(0));
  await page.getByRole('button', { name: 'Previous match' }).click();
  await status.filter({ hasText: `Match ${n} of ${n}` }).waitFor();
  // Shown in Simplified characters, the page marks the same places: the count still says what is marked.
  await pickScript(page, 'hans');
  await page.locator('h1.article-title', { hasText: '湖南省有色系统' }).waitFor();
  assert.equal(await marks.count(), n);
  // Stepping in the converted article outlines one mark, never one left over from before.
  await page.getByRole('button', { name: 'Next match' }).click();
  await status.filter({ hasText: `Match 1 of ${n}` }).waitFor();
  assert.equal(await page.locator('.article-page mark[aria-current]').count(), 1);
  assert.equal(await marks.nth(0).getAttribute('aria-current'), 'true');
  // Another search: the bar starts again at its count.
  await page.goto(server.url(`/mixed/#/?q=${encodeURIComponent('會議')}`));
  await page.locator('.card-title a', { hasText: '湖南省有色系统' }).click();
  await page.locator('.match-nav').waitFor();
  const m = await marks.count();
  assert.ok(m > 0 && m !== n, `${m} marks, ${n} before`);
  assert.equal(await status.innerText(), m === 1 ? '1 match' : `${m} matches`);
  // The keys n and Shift+N step through this article's marks (not the last one's).
  assert.equal(await page.getByRole('button', { name: 'Next match' }).getAttribute('aria-keyshortcuts'), 'n');
  await page.keyboard.press('n');
  await status.filter({ hasText: `Match 1 of ${m}` }).waitFor();
  // A key moves the focus to the match it steps to (a screen reader reads on from there, as on arriving at one).
  assert.ok(await marks.nth(0).evaluate((mark) => document.activeElement === mark), 'the first match focused');
  await page.keyboard.press('Shift+N');
  await status.filter({ hasText: `Match ${m} of ${m}` }).waitFor();
  assert.equal(await marks.nth(m - 1).getAttribute('aria-current'), 'true');
  assert.ok(await marks.nth(m - 1).evaluate((mark) => document.activeElement === mark), 'the last match focused');
  // No query, no bar.
  await page.locator('.back a').click();
  // (Playwright's fill is a focus, a selection and a Delete: it once came before the new page's heading took the
  // focus, and the Delete went to the heading — the page no longer takes it from a field: reading.test.mjs.)
  await page.locator('#search-input').fill('');
  await page.waitForFunction(() => !location.hash.includes('q='));
  await page.locator('.card-title a', { hasText: '湖南省有色系统' }).click();
  await page.locator('h1.article-title').waitFor();
  assert.equal(await page.locator('.match-nav').count(), 0);
  await pickScript(page, 'original');
  assert.deepEqual(errors, []);
  await page.close();
});

test('j and k open the next and the previous article of the list it was opened from', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/mixed/#/?sort=views'));
  await page.locator('.card').nth(3).waitFor();
  const titles = await cardTitles(page);
  await page.locator('.card-title a').first().click();
  const h1 = page.locator('h1.article-title');
  await h1.filter({ hasText: titles[0] }).waitFor();
  await page.keyboard.press('j');
  await h1.filter({ hasText: titles[1] }).waitFor();
  assert.match(page.url(), /sort=views/);
  await page.keyboard.press('j');
  await h1.filter({ hasText: titles[2] }).waitFor();
  await page.keyboard.press('k');
  await h1.filter({ hasText: titles[1] }).waitFor();
  await page.keyboard.press('k');
  await h1.filter({ hasText: titles[0] }).waitFor();
  // The first article has no previous one: k there is left alone (the page's handler, which runs first, did not
  // take it), and the article stays open.
  const typed = await watchNextKey(page);
  await page.keyboard.press('k');
  assert.equal(await typed(), 'k false');
  assert.equal(await h1.innerText(), titles[0]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the list, j and k move the focus from card to card and Enter opens the focused one', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/mixed/#/?sort=views'));
  await page.locator('.card').nth(3).waitFor();
  const titles = await cardTitles(page);
  const focused = () => page.evaluate(() => document.activeElement?.closest('.card')?.querySelector('.card-title')?.innerText ?? null);
  await page.keyboard.press('j');
  assert.equal(await focused(), titles[0], 'j with nothing focused: the first card');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await focused(), titles[2]);
  await page.keyboard.press('k');
  assert.equal(await focused(), titles[1]);
  // Typed into the search box, j is a letter.
  await page.locator('#search-input').focus();
  await page.keyboard.press('j');
  assert.equal(await page.locator('#search-input').inputValue(), 'j');
  await page.locator('#search-input').fill('');
  await page.waitForURL((u) => !u.hash.includes('q='));
  // k with nothing focused: the last card of the page; Enter opens it.
  await page.locator('h1.page-title').focus();
  await page.keyboard.press('k');
  assert.equal(await focused(), titles.at(-1));
  await page.keyboard.press('Enter');
  await page.locator('h1.article-title', { hasText: titles.at(-1) }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the list, j past the last card goes on to the next page\'s first, k before the first back to the last', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/big/'));
  await page.locator('.card').nth(19).waitFor();
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    const r = a?.getBoundingClientRect();
    return a?.closest('.card') ? { title: a.innerText, seen: r.top >= 0 && r.bottom <= innerHeight } : null;
  });
  const pageOne = await cardTitles(page);
  await page.locator('h1.page-title').focus();
  await page.keyboard.press('j');
  assert.deepEqual(await focused(), { title: pageOne[0], seen: true });
  await page.keyboard.press('k');
  assert.equal((await focused()).title, pageOne[0], 'k on the first page\'s first card stays');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await page.locator('h1.page-title').focus();
  await page.keyboard.press('k');
  assert.equal((await focused()).title, pageOne.at(-1));
  await page.keyboard.press('j');
  await page.waitForURL((u) => u.hash.includes('page=2'));
  await page.waitForFunction((t) => document.activeElement?.closest('.card') && document.activeElement.innerText !== t, pageOne.at(-1));
  const pageTwo = await cardTitles(page);
  assert.notDeepEqual(pageTwo, pageOne);
  assert.deepEqual(await focused(), { title: pageTwo[0], seen: true });
  await page.keyboard.press('k');
  await page.waitForURL((u) => !u.hash.includes('page=2'));
  await page.waitForFunction((t) => document.activeElement?.innerText === t, pageOne.at(-1));
  assert.deepEqual(await focused(), { title: pageOne.at(-1), seen: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a source, category, author or tag links to the list of the articles that have it', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/mixed/#/?sort=views'));
  const seedCard = page.locator('.card', { hasText: SEED_TITLE });
  // 重點新聞 and 重点新闻 are one value: both articles.
  await seedCard.locator('.meta-category a').click();
  await page.locator('.list-count', { hasText: '2 of 4' }).waitFor();
  assert.equal(new URL(page.url()).hash, `#/?category=${encodeURIComponent('重點新聞')}`);
  assert.deepEqual((await cardTitles(page)).sort(), ['有色金屬產量', SEED_TITLE].sort());
  assert.ok(await page.locator('details.filters').evaluate((d) => d.open), 'the filter panel shows the filter in force');
  // One of two authors: the articles by that author.
  await page.locator('.card', { hasText: '有色金屬產量' }).locator('.meta-authors a', { hasText: 'Li Wei' }).click();
  await page.locator('.list-count', { hasText: '2 of 4' }).waitFor();
  assert.deepEqual((await cardTitles(page)).sort(), ['有色金屬產量', '銅價上漲 copper rises'].sort());
  // Back returns to the list before.
  await page.goBack();
  await page.waitForURL((u) => u.hash.includes('category='));
  // Shown in Simplified characters, the link shows the converted value and filters by the stored one, in the
  // same script.
  await page.goto(server.url('/mixed/#/?script=hans'));
  const link = page.locator('.card', { hasText: '湖南省有色系统' }).locator('.meta-source a');
  await link.filter({ hasText: '有色报' }).waitFor();
  const href = new URL(await link.getAttribute('href'), page.url());
  assert.deepEqual([...new URLSearchParams(href.hash.split('?')[1])], [['script', 'hans'], ['source', '有色報']]);
  // A tag on an article's page.
  await page.goto(server.url('/feed/#/article/f1'));
  await page.locator('.tags a', { hasText: 'metals' }).click();
  await page.locator('.list-count', { hasText: '1 article of 2 matches' }).waitFor();
  assert.deepEqual(await cardTitles(page), ['Smelters in the north']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a search that finds an author, source or category marks it in the card and the article', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url(`/mixed/#/?q=${encodeURIComponent('"li wei"')}`));
  await page.locator('.list-count', { hasText: '2 of 4' }).waitFor();
  const card = page.locator('.card', { hasText: '有色金屬產量' });
  assert.deepEqual(await card.locator('.meta-authors mark').allInnerTexts(), ['Li Wei']);
  // The words around the names stay as they are: "By 張燎原, Li Wei".
  assert.equal(await card.locator('.meta-authors').innerText(), 'By 張燎原, Li Wei');
  await page.goto(server.url(`/mixed/#/?q=${encodeURIComponent('reuters 市場')}`));
  await page.locator('.list-count', { hasText: '1 article of 4 matches' }).waitFor();
  assert.deepEqual(await page.locator('.card .meta mark').allInnerTexts(), ['Reuters', '市場']);
  await page.locator('.card-title a').click();
  await page.locator('.match-nav').waitFor();
  assert.deepEqual(await page.locator('.article-header .meta mark').allInnerTexts(), ['Reuters', '市場']);
  const n = await page.locator('.article-page mark').count();
  assert.equal(await page.locator('.match-nav .match-status').innerText(), `${n} matches`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a summary of its own is shown under the title and a search marks it and the tags; one that repeats the body is not', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url(`/feed/#/?q=tariff`));
  await page.locator('.list-count', { hasText: '1 article of 2 matches' }).waitFor();
  assert.deepEqual(await page.locator('.card .excerpt mark').allInnerTexts(), ['tariff']);
  await page.locator('.card-title a').click();
  await page.locator('.match-nav').waitFor();
  assert.equal(await page.locator('.article-header .lede').innerText(), 'Why the new tariff hits smelters first.');
  assert.deepEqual(await page.locator('.article-header .lede mark').allInnerTexts(), ['tariff']);
  assert.deepEqual(await page.locator('.article-header .tags mark').allInnerTexts(), ['Tariff']);
  // The bar counts what the page marks: the lede's and the tag's, nothing else here.
  assert.equal(await page.locator('.article-page mark').count(), 2);
  assert.equal(await page.locator('.match-nav .match-status').innerText(), '2 matches');
  // The next article's summary is its first sentence cut short: not shown twice.
  await page.goto(server.url('/feed/#/article/f2'));
  await page.locator('.article-title', { hasText: 'A river town' }).waitFor();
  assert.equal(await page.locator('.lede').count(), 0);
  assert.deepEqual(await page.locator('.tags li').allInnerTexts(), ['towns']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a set in several languages is filtered by language, each named in its own', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/langs/'));
  await page.locator('.card').first().waitFor();
  await openFilters(page);
  const facet = page.locator('.facet[data-facet="language"]');
  assert.equal(await facet.locator('legend').innerText(), 'Language');
  const values = await facet.locator('.facet-value').evaluateAll((ls) => ls.map((l) => [
    l.querySelector('.facet-label').textContent.trim(), l.querySelector('.facet-label').lang, l.querySelector('.facet-count').textContent]));
  assert.deepEqual(values, [['English', 'en', '2'], ['繁體中文', 'zh-Hant', '1'], ['Français', 'fr', '1'], ['العربية', 'ar', '1']]);
  await facet.locator('.facet-value', { hasText: 'English' }).locator('input').check();
  await page.waitForURL(/language=en/);
  await page.locator('.list-count', { hasText: '2 of 6' }).waitFor();
  assert.deepEqual(await cardTitles(page), ['Nickel prices', 'Copper prices']);
  assert.equal(await page.title(), 'English · World');
  await facet.locator('.facet-value', { hasText: 'Français' }).locator('input').check();
  await page.locator('.list-count', { hasText: '3 of 6' }).waitFor();
  // A set in one language offers no such filter.
  await page.goto(server.url('/feed/'));
  await page.locator('.card').first().waitFor();
  await openFilters(page);
  await page.locator('.facet[data-facet="tag"]').waitFor();
  assert.equal(await page.locator('.facet[data-facet="language"]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('facets: counts follow the other filters, values OR within a facet, AND across; sort; reload and back', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url('/mixed/'));
  await page.locator('.card').first().waitFor();
  await openFilters(page);
  const facet = (name) => page.locator(`.facet[data-facet="${name}"]`);
  const value = (name, label) => facet(name).locator('.facet-value', { hasText: label });
  // 重點新聞 (seed) and 重点新闻 (m3) are one value.
  assert.equal(await value('category', '重點新聞').locator('.facet-count').innerText(), '2');
  await value('category', '重點新聞').locator('input').check();
  await page.waitForURL(/category=/);
  await page.locator('.list-count', { hasText: '2 of 4' }).waitFor();
  assert.deepEqual((await cardTitles(page)).sort(), [SEED_TITLE, '有色金屬產量'].sort());
  // Author counts are narrowed by the category; category counts are not narrowed by themselves.
  assert.equal(await value('author', 'Li Wei').locator('.facet-count').innerText(), '1');
  assert.equal(await value('category', '市場').locator('.facet-count').innerText(), '1');
  await value('category', '市場').locator('input').check();
  await page.locator('.list-count', { hasText: '3 of 4' }).waitFor();
  await value('source', 'Reuters').locator('input').check();
  await page.locator('.list-count', { hasText: '1 article of 4 matches' }).waitFor();
  assert.deepEqual(await cardTitles(page), ['銅價上漲 copper rises']);
  // Sort by views, then check everything survives a reload.
  await value('source', 'Reuters').locator('input').uncheck();
  await page.locator('.list-count', { hasText: '3 of 4' }).waitFor();
  await page.locator('#sort-select').selectOption('views');
  await page.waitForURL(/sort=views/);
  await page.locator('.card-title a').first().filter({ hasText: '銅價上漲' }).waitFor();
  assert.deepEqual(await cardTitles(page), ['銅價上漲 copper rises', SEED_TITLE, '有色金屬產量']);
  const url = page.url();
  await page.reload();
  await page.locator('.card').first().waitFor();
  assert.equal(page.url(), url);
  assert.deepEqual(await cardTitles(page), ['銅價上漲 copper rises', SEED_TITLE, '有色金屬產量']);
  assert.equal(await value('category', '市場').locator('input').isChecked(), true);
  assert.equal(await page.locator('#sort-select').inputValue(), 'views');
  // Back steps through the states: before the sort (set order), then before the Reuters untick.
  await page.goBack();
  await page.locator('.card-title a').first().filter({ hasText: SEED_TITLE }).waitFor();
  assert.equal(await page.locator('#sort-select').inputValue(), 'collection');
  await page.goBack();
  await page.locator('.list-count', { hasText: '1 article of 4 matches' }).waitFor();
  await page.goForward();
  await page.locator('.list-count', { hasText: '3 of 4' }).waitFor();
  // A date range.
  await page.goto(server.url('/mixed/#/?from=2019-01-01&to=2019-12-31'));
  await page.locator('.list-count', { hasText: '1 article of 4 matches' }).waitFor();
  assert.deepEqual(await cardTitles(page), ['銅價上漲 copper rises']);
  assert.equal(await page.locator('#date-from').inputValue(), '2019-01-01');
  fs.mkdirSync('target/screenshots', { recursive: true });
  await page.goto(server.url('/mixed/#/?q=企業&category=重點新聞'));
  await page.locator('.card mark').first().waitFor();
  await page.screenshot({ path: 'target/screenshots/search-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'target/screenshots/search-390.png', fullPage: true });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(sideways <= 0, `scrolls sideways by ${sideways}px at 390 px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the filter panel is closed until opened or a link carries a filter, and stays as the reader left it', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url('/mixed/'));
  await page.locator('.card').first().waitFor();
  // Closed: its controls are not built, and the list takes the whole width.
  assert.equal(await page.locator('details.filters').evaluate((d) => d.open), false);
  assert.equal(await page.locator('.filters select, .filters input').count(), 0);
  const columns = () => page.locator('.list-layout').evaluate((l) => getComputedStyle(l).gridTemplateColumns.split(' ').length);
  assert.equal(await columns(), 1);
  await openFilters(page);
  assert.ok(await page.locator('#sort-select').count() === 1 && await page.locator('.facet input[type=checkbox]').count() > 0);
  assert.equal(await columns(), 2, 'open, the panel is a column beside the list');
  // Opened by the reader: still open after an article and back.
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title').waitFor();
  await page.goBack();
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('details.filters').evaluate((d) => d.open), true);
  // Closed by the reader: stays closed.
  await page.locator('details.filters > summary').click();
  await page.waitForFunction(() => !document.querySelector('details.filters').open);
  // (The panel's controls go with the app's next render, after the toggle event.)
  await page.locator('.filters .filter-groups').waitFor({ state: 'detached' });
  // A link that carries a filter, in a new visit, opens it, with the value ticked and counted in the summary.
  const { page: other } = await newPage(browser.context);
  await other.goto(server.url(`/mixed/#/?category=${encodeURIComponent('市場')}`));
  await other.locator('.list-count', { hasText: '1 article of 4 matches' }).waitFor();
  assert.equal(await other.locator('details.filters').evaluate((d) => d.open), true);
  assert.equal(await other.locator('.facet[data-facet="category"] .facet-value', { hasText: '市場' }).locator('input').isChecked(), true);
  assert.match(await other.locator('.filters > summary').innerText(), /1/);
  assert.deepEqual(errors, []);
  await page.close();
  await other.close();
});

test('keyboard: / focuses the search box, Escape clears it; no results offers to clear the filters', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/mixed/'));
  await page.locator('.card').first().waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  assert.equal(await page.locator('#search-input').inputValue(), '', 'the / is not typed into the box');
  await page.keyboard.type('nickel -copper');
  await page.locator('.list-count', { hasText: '1 article of 4 matches' }).waitFor();
  assert.deepEqual(await cardTitles(page), ['Nickel output']);
  await page.keyboard.press('Escape');
  await page.locator('.list-count', { hasText: '4 articles' }).waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), '');
  assert.equal(query(page), '');
  // Typing never moves focus out of the box (the list re-renders under it).
  await page.keyboard.type('"no such phrase"');
  await page.locator('.no-results').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.locator('.no-results .clear-filters').click();
  await page.locator('.list-count', { hasText: '4 articles' }).waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a misspelt word that finds nothing gets "Did you mean", a link to the corrected search; Back returns', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/feed/'));
  await page.locator('.card').first().waitFor();
  await page.locator('#search-input').fill('smeltr');
  const suggestion = page.locator('.no-results .did-you-mean a.suggestion');
  await suggestion.waitFor();
  assert.equal(await page.locator('.did-you-mean').innerText(), 'Did you mean smelter?');
  // The live region that says the count says it too (for a screen reader), without showing it twice.
  assert.equal(await page.locator('.list-count').textContent(), '0 of 2 articles match Did you mean smelter?');
  assert.equal(await page.locator('.list-count .visually-hidden').evaluate((e) => e.getBoundingClientRect().width), 1);
  await suggestion.click();
  await page.locator('.list-count', { hasText: '2 of 2 articles match' }).waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), 'smelter');
  assert.equal(query(page), 'q=smelter');
  assert.equal(await page.locator('.did-you-mean').count(), 0);
  await page.goBack();
  await suggestion.waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), 'smeltr');
  // A query that finds nothing and has nothing close: no suggestion, only the offer to clear.
  await page.locator('#search-input').fill('qqqqzzzz');
  await page.locator('#search-input').press('Enter');
  await page.waitForFunction(() => new URL(location.href).hash.includes('qqqqzzzz'));
  await page.waitForFunction(() => document.querySelector('.no-results') && !document.querySelector('.did-you-mean'));
  // j and k with no card to move to do nothing (and break nothing: the app still answers).
  await page.locator('h1.page-title').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.locator('#search-input').fill('smelter');
  await page.locator('.list-count', { hasText: '2 of 2 articles match' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('10,000 articles: a search gives the substring truth, with counts, pages and facets', async () => {
  const set = JSON.parse(bigSet(10000)).articles;
  const text = (a) => [a.title, ...(a.authors ?? []), a.category ?? '', ...a.body].map((s) => s.toLowerCase());
  const has = (a, w) => text(a).some((s) => s.includes(w));
  // An excluded Latin word excludes where it begins a word: not in "nickelcopper" (the body runs words together).
  // A letter or digit of a spaced script, by block (src/domain/search.rs, word_char).
  const wordChar = (c) => {
    const u = c.codePointAt(0);
    return /[a-z0-9]/i.test(c) || (u >= 0xc0 && u < 0x2000 && u !== 0xd7 && u !== 0xf7) || (u >= 0x2c00 && u < 0x2e00);
  };
  const beginsWord = (s, at) => !wordChar(Array.from(s.slice(Math.max(0, at - 2), at)).pop() ?? ' ');
  const hasWord = (a, w) => text(a).some((s) => {
    for (let at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) if (beginsWord(s, at)) return true;
    return false;
  });
  assert.ok(set.some((a) => has(a, 'copper') && !hasWord(a, 'copper')), 'some articles have copper only inside a word');
  // The data has 企業 (Traditional); the query asks for 企业 (Simplified) and excludes copper.
  const expected = set.filter((a) => has(a, 'nickel') && has(a, '企業') && !hasWord(a, 'copper'));
  assert.ok(expected.length > 20 && expected.length < 10000, `${expected.length} expected`);
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url(`/big/#/?q=${encodeURIComponent('NICKEL 企业 -copper')}`));
  await page.locator('.list-count', { hasText: `${expected.length.toLocaleString('en')} of 10,000` }).waitFor();
  assert.equal(await page.locator('.card').count(), 20);
  await openFilters(page);
  const markets = expected.filter((a) => a.category === 'Markets').length;
  assert.equal(
    await page.locator('.facet[data-facet="category"] .facet-value', { hasText: 'Markets' }).locator('.facet-count').innerText(),
    String(markets),
  );
  const marks = await page.locator('.card mark').allInnerTexts();
  assert.ok(marks.length > 0 && marks.every((t) => ['nickel', '企業'].includes(t.toLowerCase())), marks.join());
  assert.deepEqual(errors, []);
  await page.close();
});

test('a facet with many values: "Show all" gives a box that narrows them (folded), and a ticked value stays', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/big/'));
  await page.locator('.card').first().waitFor();
  await openFilters(page);
  const author = page.locator('.facet[data-facet="author"]');
  const labels = async () => (await author.locator('.facet-label').allInnerTexts()).sort();
  assert.equal(await author.locator('.facet-value').count(), 8);
  assert.equal(await author.locator('.facet-filter').count(), 0, 'no box before all are shown');
  await author.locator('.facet-more', { hasText: '17' }).click();
  await author.locator('.facet-value').nth(16).waitFor();
  assert.equal(await author.locator('.facet-value').count(), 17);
  const box = author.getByRole('searchbox', { name: 'Filter Author values' });
  // Through an input method (Chromium's own composition, via CDP): the values stay as they are while the reader
  // composes, and are narrowed by the committed word.
  const cdp = await page.context().newCDPSession(page);
  await box.focus();
  await cdp.send('Input.imeSetComposition', { text: 'zuozhe', selectionStart: 6, selectionEnd: 6 });
  await page.waitForFunction(() => document.querySelector('.facet[data-facet="author"] .facet-filter').value === 'zuozhe');
  assert.equal(await author.locator('.facet-value').count(), 17);
  await cdp.send('Input.insertText', { text: '作者1' });
  await page.waitForFunction(() => document.querySelectorAll('.facet[data-facet="author"] .facet-value').length === 8);
  await box.fill('');
  await author.locator('.facet-value').nth(16).waitFor();
  await box.fill('作者1');
  await page.waitForFunction(() => document.querySelectorAll('.facet[data-facet="author"] .facet-value').length === 8);
  assert.deepEqual(await labels(), ['作者1', '作者10', '作者11', '作者12', '作者13', '作者14', '作者15', '作者16']);
  // What the box leaves out is said in a live region that is there as long as the box is.
  const note = author.getByRole('status');
  assert.equal(await note.innerText(), '');
  await box.fill('zzz');
  await note.filter({ hasText: 'No value matches' }).waitFor();
  assert.equal(await author.locator('.facet-value').count(), 0);
  // Ticked, a value stays in view whatever the box holds; the list follows it.
  await box.fill('作者16');
  await author.locator('.facet-value', { hasText: '作者16' }).locator('input').check();
  const expected = JSON.parse(bigSet(10000)).articles.filter((a) => (a.authors ?? []).includes('作者16')).length;
  await page.locator('.list-count', { hasText: `${expected.toLocaleString('en')} of 10,000` }).waitFor();
  await box.fill('zzz');
  await page.waitForFunction(() => document.querySelectorAll('.facet[data-facet="author"] .facet-value').length === 1);
  assert.deepEqual(await labels(), ['作者16']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('typing through an input method (pinyin): nothing is searched while composing, the committed words are', async () => {
  const { page, errors } = await newPage(browser.context);
  // Every URL the app writes (it routes with history.pushState / replaceState).
  await page.addInitScript(() => {
    window.__urls = [];
    for (const k of ['pushState', 'replaceState']) {
      const original = history[k].bind(history);
      history[k] = (state, title, url) => { window.__urls.push(String(url)); return original(state, title, url); };
    }
  });
  await page.goto(server.url('/mixed/'));
  await page.locator('.card').first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  await page.locator('#search-input').focus();
  // The reader types pinyin; the field shows the letters being composed…
  for (const text of ['q', 'qi', 'qiy', 'qiye']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await page.waitForFunction(() => document.querySelector('#search-input').value === 'qiye');
  // …and pauses mid-word, longer than the search box waits after a keystroke (an intended pause, not a wait for
  // something to happen: nothing may happen).
  await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
  assert.equal(await page.locator('.list-count').innerText(), '4 articles');
  // Committing the words searches for them.
  await cdp.send('Input.insertText', { text: '企业' });
  await page.locator('.list-count', { hasText: '2 of 4' }).waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), '企业');
  const written = (await page.evaluate(() => window.__urls)).map(decodeURIComponent).filter((u) => /q=/.test(u));
  assert.deepEqual(written.map((u) => u.replace(/^.*#/, '#')), ['#/?q=企业'], 'only the committed words reach the URL');
  // Escape while composing belongs to the input method (which drops what is being composed): it does not clear
  // the search box. (The key event is made here with the flag an input method's key events carry.)
  await cdp.send('Input.imeSetComposition', { text: 'shequ', selectionStart: 5, selectionEnd: 5 });
  await page.waitForFunction(() => document.querySelector('#search-input').value === '企业shequ');
  await page.locator('#search-input').dispatchEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true });
  assert.equal(await page.locator('#search-input').inputValue(), '企业shequ');
  await cdp.send('Input.insertText', { text: '社区' });
  await page.waitForURL(/q=%E4%BC%81%E4%B8%9A%E7%A4%BE%E5%8C%BA/);
  assert.equal(await page.locator('#search-input').inputValue(), '企业社区');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sort offers only what can order the list: by date and by views where articles have them, relevance with a query', async () => {
  const { page, errors } = await newPage(browser.context);
  const options = () => page.locator('#sort-select option').evaluateAll((os) => os.map((o) => o.value));
  await page.goto(server.url('/mixed/#/?category=Markets'));
  await page.locator('#sort-select').waitFor();
  assert.deepEqual(await options(), ['collection', 'newest', 'oldest', 'views']);
  await page.locator('#search-input').fill('nickel');
  await page.waitForURL(/q=nickel/);
  assert.deepEqual(await options(), ['collection', 'relevance', 'newest', 'oldest', 'views']);
  // Articles without dates or views (the feed's): "Newest first" would be the set's order, "Most viewed" too.
  await page.goto(server.url('/feed/#/?tag=towns'));
  await page.locator('.filters .facet').first().waitFor();
  // (One way to order them is no choice: no sort field.)
  assert.equal(await page.locator('#sort-select').count(), 0);
  assert.equal(await page.locator('.facet-date').count(), 0);
  await page.locator('#search-input').fill('river');
  await page.waitForURL(/q=river/);
  assert.deepEqual(await options(), ['collection', 'relevance']);
  // A link that asks for one anyway keeps it shown, selected.
  await page.goto(server.url('/feed/#/?tag=towns&sort=views'));
  await page.waitForFunction(() => document.querySelector('#sort-select')?.value === 'views');
  assert.deepEqual(await options(), ['collection', 'views']);
  assert.deepEqual(errors, []);
  await page.close();
});
