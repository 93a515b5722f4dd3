// End to end: the release dist/ served on 127.0.0.1 under a sub-path, driven in headless Chromium.
// Every wait is for a condition (Playwright's auto-waiting locators), never a fixed sleep.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, inLocale, SEED_TITLE, BLOCKS_SET, BLOCKS_FILES, CODE, inWindow, DIST } from './support.mjs';

let server;
let browser;
let flakyFails = true;

before(async () => {
  server = await startServer({
    '/some/sub/path/': {},
    '/broken/': { articles: '{"version": 1, "articles": [ {"id": "a", "title": ' },
    '/flaky/': {
      articles: () => (flakyFails ? { status: 500, body: 'server down' } : { status: 200, body: '{"version":1,"articles":[{"id":"ok","title":"Back again"}]}' }),
    },
    '/blocks/': { articles: BLOCKS_SET, files: BLOCKS_FILES },
    // Cards with a picture (an article's first image), without one, and with one that does not load.
    '/pictures/': {
      articles: JSON.stringify({ version: 1, title: 'Pictures', articles: [
        { id: 'pic', title: 'Nickel output by mine', body: ['Text first.', { type: 'image', src: 'chart.svg', alt: 'A chart' }] },
        { id: 'plain', title: 'No picture', body: ['Words only.'] },
        { id: 'gone', title: 'A picture that is gone', body: [{ type: 'image', src: 'missing.png', alt: 'Lost' }, 'Text.'] },
      ] }),
      files: BLOCKS_FILES,
    },
    // A table of ten columns: wider than the text column.
    '/wide/': {
      articles: JSON.stringify({ version: 1, title: 'Wide', articles: [{ id: 'wide', title: 'Output by month', lang: 'en', body: [
        'Nickel output by month, in tonnes, at each of the mines the report follows through the year.',
        { type: 'table', header: true, rows: [
          ['Mine', ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September']],
          ...['Norilsk', 'Sudbury', 'Sorowako'].map((m, i) => [m, ...Array.from({ length: 9 }, (_, k) => `${(i + 1) * 10 + k},${k}00`)])] },
        'After the table.'] }] }),
    },
    // Articles written right to left: Arabic (tagged), Hebrew (untagged: by its first letter), and English.
    '/rtl/': {
      articles: JSON.stringify({ version: 1, title: 'Directions', articles: [
        { id: 'nickel-ar', title: 'أسعار النيكل ترتفع في لندن', lang: 'ar', source: 'رويترز', published: '2026-11-30',
          body: ['ارتفعت أسعار النيكل في بورصة لندن للمعادن يوم الاثنين.', 'قال مُدِيرُ المَدْرَسَةِ إنّ عام ٢٠٢٤ كان جيداً.',
            { type: 'quote', text: 'نتوقع أن تستمر الأسعار في الارتفاع.' },
            { type: 'list', items: ['النيكل', 'النحاس'] },
            { type: 'code', text: 'price = 16500' },
            { type: 'table', header: true, rows: [['المعدن', 'السعر'], ['النيكل', '16,500']] }] },
        { id: 'copper-he', title: 'מחירי הנחושת יורדים', published: '2026-11-29', body: ['מחירי הנחושת ירדו השבוע.'] },
        { id: 'zinc-en', title: 'Zinc steady', lang: 'en', published: '2026-11-28', body: ['Zinc prices held steady.'] },
      ] }),
    },
    // Korean, whose words are spaced: a line breaks between words.
    '/korean/': {
      articles: JSON.stringify({ version: 1, title: '뉴스', articles: [
        { id: 'ko', title: '한국 니켈 수입 급증…전기차 배터리 수요 영향', lang: 'ko', body: [
          '30일 한국무역협회에 따르면 올해 1∼10월 니켈 수입량은 12만5천t으로 집계됐다. '.repeat(6),
          '업계 관계자는 "전기차 배터리용 양극재 생산이 늘면서 니켈 수요가 크게 증가했다"고 말했다. '.repeat(6)] },
      ] }),
    },
    // Headings in Chinese, two of the same words; and one in English, for an address written by block number.
    '/anchors/': {
      articles: JSON.stringify({ version: 1, title: '錨', articles: [
        { id: 'zh', title: '鎳市場', lang: 'zh-Hant', body: [
          { type: 'heading', text: '產量' }, '第一段。', { type: 'heading', text: '價格：2024年' }, '第二段。',
          { type: 'heading', text: '產量' }, ...Array.from({ length: 40 }, (_, i) => `第${i + 3}段。`.repeat(20)),
          { type: 'heading', text: 'End notes' }, '完。'] },
      ] }),
    },
    // Footnotes: marks that link to their notes, at the end of a long article.
    '/notes/': {
      articles: JSON.stringify({ version: 1, title: 'Notes', articles: [
        { id: 'fn', title: 'Nickel notes', lang: 'en', body: [
          { type: 'paragraph', text: 'Nickel rose1 on lower output2.', links: [['1', '#fn-1'], ['2', '#fn-2']], styles: [['1', 'sup'], ['2', 'sup']] },
          ...Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of the report, long enough to fill the window.`.repeat(4)),
          { type: 'break' },
          { type: 'list', ordered: true, items: ['LME, November.', 'Nornickel, third quarter.', 'Not referred to.'], anchors: ['fn-1', 'fn-2', 'fn-3'] },
        ] },
      ] }),
    },
    '/mixed/': {
      articles: JSON.stringify({ version: 1, title: 'Mixed', articles: [
        { id: 'good', title: 'Good record' },
        { id: 'bad', title: 'Bad views', views: -5 },
        { id: 'good', title: 'Duplicate id' },
      ] }),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('an article written right to left is laid out right to left: its text, quotes, lists and tables; code stays left to right', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/rtl/'));
  const cards = page.locator('.card');
  await cards.first().waitFor();
  // Cards: the Arabic one by its tag, the untagged Hebrew one by its first letter, the English one as the page.
  const dirs = await cards.evaluateAll((cs) => cs.map((c) => [c.getAttribute('dir'), getComputedStyle(c.querySelector('.card-title')).direction]));
  assert.deepEqual(dirs, [['rtl', 'rtl'], ['auto', 'rtl'], [null, 'ltr']]);
  await page.locator('.card-title a').first().click();
  const article = page.locator('article.article-page');
  await article.locator('.article-body p').first().waitFor();
  assert.equal(await article.getAttribute('dir'), 'rtl');
  const style = (sel, ...props) => article.locator(sel).first().evaluate((el, ps) => ps.map((p) => getComputedStyle(el)[p]), props);
  assert.deepEqual(await style('.article-body p', 'direction'), ['rtl']);
  // The quote's bar and the list's indent on the right, the side the lines start on.
  assert.deepEqual(await style('blockquote', 'borderRightWidth', 'borderLeftWidth'), ['4px', '0px']);
  const [right, left] = await style('.article-body ul', 'paddingRight', 'paddingLeft');
  assert.ok(parseFloat(right) > 0 && parseFloat(left) === 0, `${right} ${left}`);
  // The table's first column on the right; its column of numbers aligned to its end.
  const heads = await article.locator('th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().left));
  assert.ok(heads[0] > heads[1], `${heads}`);
  assert.deepEqual(await style('td.num', 'textAlign'), ['end']);
  // Code as written, left to right.
  assert.deepEqual(await style('pre', 'direction', 'textAlign'), ['ltr', 'left']);
  // A label and its value keep their own order ("Source: …" in the interface's direction).
  assert.deepEqual(await style('.meta li', 'unicodeBidi'), ['plaintext']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Arabic and Hebrew are found as readers type them, without vowel signs, and marked as written', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/rtl/'));
  await page.locator('.card').first().waitFor();
  // Typed without harakat and with ه for ة: the vocalised word is found, its mark covering it with its signs.
  await page.locator('#search-input').fill('المدرسه');
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1 && document.querySelector('.card mark'));
  assert.deepEqual(await page.locator('.card mark').allTextContents(), ['المَدْرَسَةِ']);
  // ASCII digits find Arabic-Indic ones.
  await page.locator('#search-input').fill('2024');
  await page.waitForFunction(() => document.querySelector('.card mark')?.textContent === '٢٠٢٤');
  assert.equal(await page.locator('.card').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Korean lines break between words, never inside one', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url('/korean/#/article/ko'));
  const paragraphs = page.locator('.article-body p');
  await paragraphs.first().waitFor();
  // Each line of each paragraph (found by where the characters' boxes wrap) ends before a space or at the end.
  const broken = await paragraphs.evaluateAll((ps) => ps.flatMap((p) => {
    const text = p.firstChild;
    const out = [];
    let top = null;
    for (let i = 0; i < text.length; i++) {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      const rect = r.getClientRects()[0];
      if (!rect) continue;
      if (top !== null && rect.top > top + 2 && text.data[i - 1] !== ' ' && text.data[i] !== ' ') out.push(text.data.slice(Math.max(0, i - 3), i + 3));
      top = rect.top;
    }
    return out;
  }));
  assert.equal(await paragraphs.count(), 2);
  assert.deepEqual(broken, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('under a Korean interface a Chinese article breaks its lines as Chinese does: the list and the article fit a phone', async () => {
  await inLocale('ko-KR', async ({ page, errors }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(server.url('/some/sub/path/'));
    await page.locator('.settings-menu > summary', { hasText: '설정' }).waitFor();
    const fits = () => page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth);
    assert.equal(await page.locator('.excerpt').evaluate((e) => e.closest('[lang]').lang), 'zh-Hant');
    assert.equal(await page.locator('.excerpt').evaluate((e) => getComputedStyle(e).wordBreak), 'normal');
    assert.equal(await page.locator('.search-label').evaluate((e) => getComputedStyle(e).wordBreak), 'keep-all');
    assert.ok(await fits(), 'the list is no wider than the phone');
    await page.locator('.card-title a').click();
    await page.locator('.article-body p').first().waitFor();
    assert.ok(await fits(), 'the article is no wider than the phone');
    assert.deepEqual(errors, []);
  });
});

test('the interface in Arabic is laid out right to left; an article in a language written left to right keeps its own direction', async () => {
  await inLocale('ar-EG', async ({ page, errors }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url('/korean/'));
    await page.locator('.settings-menu > summary', { hasText: 'الإعدادات' }).waitFor();
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    assert.equal(await page.locator('.app').getAttribute('dir'), 'rtl');
    // The site's name at the right, the settings at the left.
    const box = async (sel) => page.locator(sel).first().boundingBox();
    const [name, settings] = [await box('.site-name'), await box('.settings-menu > summary')];
    assert.ok(name.x > 500 && settings.x < 500, `name at ${name.x}, settings at ${settings.x}`);
    // The Korean article's card is laid out left to right inside it.
    assert.equal(await page.locator('.card').getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('.card-title').evaluate((e) => getComputedStyle(e).direction), 'ltr');
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth));
    await page.locator('.card-title a').click();
    await page.locator('.back a', { hasText: 'كل المقالات' }).waitFor();
    assert.equal(await page.locator('article.article-page').getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('nav.back').getAttribute('dir'), 'rtl');
    // A Chinese card's line of the interface's words (labels, date) is the interface's, right to left.
    await page.goto(server.url('/some/sub/path/'));
    assert.equal(await page.locator('.card .meta').getAttribute('dir'), 'rtl');
    assert.match(await page.locator('.card .meta').innerText(), /30 نوفمبر 2018، 11:21/);
    fs.mkdirSync('target/screenshots', { recursive: true });
    await page.screenshot({ path: 'target/screenshots/arabic-interface-1000.png' });
    assert.deepEqual(errors, []);
  });
});

test('list → article → reload → back, under a sub-path', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/some/sub/path/'));
  const card = page.locator('.card-title a', { hasText: SEED_TITLE });
  await card.waitFor();
  assert.equal(await page.locator('.card').count(), 1);
  assert.match(await page.locator('.card .meta').innerText(), /張燎原/);
  assert.equal(await page.title(), '中國有色網');

  await card.click();
  await page.locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  assert.match(page.url(), /\/some\/sub\/path\/#\/article\/000_7367aa27400e94e4$/);
  const meta = await page.locator('.article-header .meta').innerText();
  assert.match(meta, /張燎原/);
  assert.match(meta, /12,269 views/);
  assert.equal(await page.locator('.article-body p').count(), 8);
  assert.equal(await page.title(), `${SEED_TITLE} · 中國有色網`);

  await page.reload();
  await page.locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  assert.match(await page.locator('.article-header .meta').innerText(), /12,269/);

  await page.goBack();
  await page.locator('.card-title a', { hasText: SEED_TITLE }).waitFor();
  assert.match(page.url(), /\/some\/sub\/path\/(#\/)?$/);
  await page.goForward();
  await page.locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();

  assert.deepEqual(errors, []);
  await page.close();
});

test('every asset URL is relative: nothing is fetched outside the sub-path', async () => {
  const { page } = await newPage(browser.context);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(server.url('/some/sub/path/'));
  await page.locator('.card').first().waitFor();
  assert.ok(requested.length >= 4, requested.join(', '));
  for (const p of requested) assert.ok(p.startsWith('/some/sub/path/'), `${p} is outside the sub-path`);
  await page.close();
});

test('the page names its Atom feed; a feed reader following an entry\'s link opens the article', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/some/sub/path/'));
  await page.locator('.card').first().waitFor();
  const feedUrl = await page.locator('link[rel="alternate"][type="application/atom+xml"]').evaluate((l) => l.href);
  assert.equal(new URL(feedUrl).pathname, '/some/sub/path/feed.xml');
  const entry = await page.evaluate(async (url) => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    const e = doc.querySelector('entry');
    return { title: e.querySelector('title').textContent, href: e.querySelector('link[rel="alternate"]').getAttribute('href') };
  }, feedUrl);
  assert.equal(entry?.title, SEED_TITLE, 'the feed is well-formed XML with the seed');
  // (The article's own page, which reads without JavaScript, and becomes the viewer's address of it.)
  assert.match(entry.href, /^\.\/articles\/[\w.~-]+\.html$/);
  await page.goto(new URL(entry.href, feedUrl).href);
  await page.locator('#av-root h1.article-title', { hasText: SEED_TITLE }).waitFor();
  await page.waitForURL(/\/some\/sub\/path\/#\/article\/[\w.~-]+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a category\'s page names its own feed first; a feed reader following its entry opens the article', async () => {
  const { page, errors } = await newPage(browser.context);
  // (The prerendered list's link to the seed's category page, as a reader without the app follows it.)
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const categoryPage = html.match(/href="(pages\/category-[0-9a-f]{12}\.html)"/)?.[1];
  assert.ok(categoryPage, 'the prerendered list links to its category\'s page');
  await page.goto(server.url(`/some/sub/path/${categoryPage}`));
  await page.locator('#av-root .card').first().waitFor();
  const feeds = await page.locator('link[rel="alternate"][type="application/atom+xml"]')
    .evaluateAll((ls) => ls.map((l) => [l.title, l.href]));
  assert.equal(feeds.length, 2, JSON.stringify(feeds));
  assert.equal(feeds[0][0], '重點新聞 · 中國有色網');
  assert.equal(new URL(feeds[0][1]).pathname, `/some/sub/path/${categoryPage.replace('.html', '.xml')}`);
  const entry = await page.evaluate(async (url) => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    const e = doc.querySelector('entry');
    return { feed: doc.querySelector('feed > title').textContent, title: e.querySelector('title').textContent,
      href: e.querySelector('link[rel="alternate"]').getAttribute('href'),
      self: new URL(doc.querySelector('feed > link[rel="self"]').getAttribute('href'), url).href };
  }, feeds[0][1]);
  assert.deepEqual([entry?.feed, entry?.title], ['重點新聞 · 中國有色網', SEED_TITLE]);
  assert.equal(entry.self, feeds[0][1], 'its own address, resolved against itself');
  assert.match(entry.href, /^\.\.\/articles\/[\w.~-]+\.html$/);
  await page.goto(new URL(entry.href, feeds[0][1]).href);
  await page.locator('#av-root h1.article-title', { hasText: SEED_TITLE }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a card shows its article\'s first image at the end of its first lines, 4:3, and none where it does not load', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(server.url('/pictures/'));
  const card = (title) => page.locator('.card', { has: page.locator('.card-title', { hasText: title }) });
  const img = card('Nickel output by mine').locator('img.card-image');
  await img.waitFor();
  // Loaded, decoration beside the title (which says what the article is), lazy, without telling the host the page.
  await page.waitForFunction(() => document.querySelector('.card-image')?.naturalWidth > 0);
  assert.deepEqual(await img.evaluate((i) => [i.getAttribute('src'), i.alt, i.loading, i.referrerPolicy]),
    ['chart.svg', '', 'lazy', 'no-referrer']);
  const [box, cardBox, title] = [await img.boundingBox(), await card('Nickel output by mine').boundingBox(),
    await card('Nickel output by mine').locator('.card-title').boundingBox()];
  assert.ok(Math.abs(box.width / box.height - 4 / 3) < 0.02, JSON.stringify(box));
  assert.ok(box.x > title.x + 100 && box.x + box.width <= cardBox.x + cardBox.width && box.y < title.y + title.height,
    `at the end of the first lines: ${JSON.stringify({ box, cardBox, title })}`);
  assert.ok(box.y + box.height <= cardBox.y + cardBox.height, 'inside its card');
  // Narrower where the viewer is narrow (a phone, a widget in a column): 8em, 5.5em below 30em of the viewer's own
  // width.
  const ems = () => img.evaluate((i) => i.getBoundingClientRect().width / parseFloat(getComputedStyle(i).fontSize));
  assert.ok(Math.abs(await ems() - 8) < 0.05, `wide: ${await ems()}em`);
  await page.setViewportSize({ width: 400, height: 800 });
  await page.waitForFunction(() => document.querySelector('.card-image').getBoundingClientRect().width < 100);
  assert.ok(Math.abs(await ems() - 5.5) < 0.05, `narrow: ${await ems()}em`);
  await page.setViewportSize({ width: 900, height: 800 });
  assert.equal(await card('No picture').locator('img').count(), 0);
  // An image that does not load is hidden, not an empty box.
  await card('A picture that is gone').locator('img.card-image').waitFor({ state: 'hidden' });
  assert.deepEqual(errors.filter((e) => !/missing\.png|404/.test(e)), []);
  await page.close();
});

test('an unknown article id shows a not-found page that links to the list', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/some/sub/path/#/article/no-such-id'));
  await page.locator('h1', { hasText: 'Article not found' }).waitFor();
  assert.match(await page.title(), /^Article not found/);
  await page.locator('.not-found a').click();
  await page.locator('.card-title a', { hasText: SEED_TITLE }).waitFor();
  await page.close();
});

test('an address that is no page of the viewer says so, not that an article is missing', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/some/sub/path/#/nowhere/at/all'));
  const heading = page.locator('.not-found h1');
  await heading.waitFor();
  assert.equal(await heading.textContent(), 'Page not found');
  assert.match(await page.title(), /^Page not found/);
  // From there to an article that is not in the set: the article's own words.
  await page.evaluate(() => { location.hash = '#/article/no-such-id'; });
  await page.locator('.not-found h1', { hasText: 'Article not found' }).waitFor();
  await page.close();
});

test('broken JSON shows a readable error with a retry button', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/broken/'));
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /not valid JSON/);
  assert.ok(await alert.locator('button', { hasText: 'Try again' }).isVisible());
  await page.close();
});

test('an HTTP 500 is reported with its status, and retry works once the server recovers', async () => {
  flakyFails = true;
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/flaky/'));
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /HTTP 500/);
  flakyFails = false;
  await alert.locator('button').click();
  await page.locator('.card-title a', { hasText: 'Back again' }).waitFor();
  assert.equal(await page.locator('[role=alert]').count(), 0);
  await page.close();
});

test('bad records are skipped and reported; the good ones are shown', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/mixed/'));
  await page.locator('.card-title a', { hasText: 'Good record' }).waitFor();
  assert.equal(await page.locator('.card').count(), 1);
  const report = page.locator('details.report-skipped');
  assert.match(await report.locator('summary').innerText(), /^2 records were skipped/);
  await report.locator('summary').click();
  const items = await report.locator('li').allInnerTexts();
  assert.equal(items.length, 2);
  assert.match(items[0], /article #2 \(id "bad"\), field views: views -5 is negative/);
  assert.match(items[1], /article #3 \(id "good"\), field id: duplicate id/);
  await page.close();
});

test('list and article fit 390 px and 1280 px wide without horizontal scrolling (screenshots in target/screenshots/)', async () => {
  const shots = path.resolve(process.env.AV_SCREENSHOTS ?? 'target/screenshots');
  fs.mkdirSync(shots, { recursive: true });
  for (const width of [390, 1280]) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url('/some/sub/path/'));
    await page.locator('.card').first().waitFor();
    await page.screenshot({ path: path.join(shots, `list-${width}.png`), fullPage: true });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `list scrolls sideways at ${width}px`);
    await page.locator('.card-title a').first().click();
    await page.locator('h1.article-title').waitFor();
    await page.screenshot({ path: path.join(shots, `article-${width}.png`), fullPage: true });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `article scrolls sideways at ${width}px`);
    await page.close();
  }
});

test('a table wider than the text column takes the room beside it on a wide viewer, and scrolls in its box on a phone', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 1400, height: 800 });
  await page.goto(server.url('/wide/#/article/wide'));
  const box = page.locator('.article-body .table-box');
  await box.waitFor();
  const [para, table, app] = [await page.locator('.article-body p').first().boundingBox(), await box.boundingBox(),
    await page.locator('.app').boundingBox()];
  // From the column's start, wider than the column, short of the viewer's edge, all of it shown (no scrolling).
  assert.ok(Math.abs(table.x - para.x) < 1 && table.width > para.width + 100, `${JSON.stringify(table)} ${JSON.stringify(para)}`);
  assert.ok(table.x + table.width <= app.x + app.width - 15, `${JSON.stringify(table)} ${JSON.stringify(app)}`);
  assert.ok(await box.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the table scrolls');
  // A phone: as wide as the column, scrolling in its box; the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForFunction(() => {
    const b = document.querySelector('.article-body .table-box');
    const p = document.querySelector('.article-body p');
    return Math.abs(b.getBoundingClientRect().width - p.getBoundingClientRect().width) < 1 && b.scrollWidth > b.clientWidth;
  });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways');
  assert.deepEqual(errors, []);
  await page.close();
});

test('lists, code, tables and heading levels keep their shape, searched and marked, with contents; a long line of code or a wide table scrolls in its box, not the page', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(server.url('/blocks/#/?q=nickel'));
  await page.locator('.card-title a').click();
  await page.locator('.match-nav').waitFor();
  const body = page.locator('.article-body');
  // A nested list inside the item before it, numbered a, b.
  const own = body.locator(':scope > ol').first().locator(':scope > li');
  assert.equal(await own.count(), 3);
  assert.deepEqual(await own.evaluateAll((lis) => lis.map((li) => [...li.childNodes].filter((n) => n.nodeName !== 'OL').map((n) => n.textContent).join(''))), ['Fetch the nickel report.', 'Import it.', 'Serve it.']);
  const nested = own.nth(1).locator(':scope > ol');
  assert.deepEqual(await nested.locator(':scope > li').allInnerTexts(), ['as a feed', 'or as a saved page']);
  assert.equal(await nested.evaluate((ol) => getComputedStyle(ol).listStyleType), 'lower-alpha');
  assert.deepEqual(await body.locator(':scope > ul > li').allInnerTexts(), ['copper', 'nickel and zinc']);
  // A numbered list going on from 4, holding a bulleted list that holds a numbered one: each drawn as it was written.
  const last = body.locator(':scope > ol').last();
  assert.equal(await last.getAttribute('start'), '4');
  const marker = (li) => li.evaluate((el) => getComputedStyle(el.parentElement).listStyleType);
  const bullets = last.locator(':scope > li').first().locator(':scope > ul');
  assert.deepEqual(await bullets.locator(':scope > li').evaluateAll((lis) => lis.map((li) => li.firstChild.textContent)), ['in Chromium', 'in Firefox']);
  assert.equal(await marker(bullets.locator(':scope > li').first()), 'circle');
  const steps = bullets.locator(':scope > li > ol > li');
  assert.deepEqual(await steps.allInnerTexts(), ['first the list', 'then an article']);
  assert.equal(await marker(steps.first()), 'lower-alpha');
  assert.deepEqual(await last.locator(':scope > li').evaluateAll((lis) => lis.map((li) => li.firstChild.textContent)), ['Check it:', 'Ship it.']);
  // The code's spaces and line breaks as written, in a monospaced font.
  assert.equal(await body.locator('pre > code').textContent(), CODE);
  assert.match(await body.locator('pre').evaluate((el) => getComputedStyle(el).fontFamily), /mono/i);
  // Its language shown above it; no browser translation of it.
  assert.equal(await body.locator('pre').evaluate((el) => getComputedStyle(el, '::before').content), '"python"');
  assert.equal(await body.locator('pre').getAttribute('translate'), 'no');
  // A table: its caption, its header row (column headers), its rows.
  const table = body.locator('table');
  assert.equal(await table.locator('caption').innerText(), 'Nickel output by mine, tonnes');
  assert.equal(await table.locator('tr').first().locator('th[scope=col]').count(), 6);
  assert.deepEqual(await table.locator('tr').nth(1).locator('td').allInnerTexts(), ['Norilsk', 'Russia', 'Nornickel', '219,000', '209,000', '205,000']);
  assert.equal(await table.locator('tr').count(), 3);
  // Its columns of numbers (and their headers) aligned to the right, the digits lined up; its words to the left.
  const align = (row) => table.locator('tr').nth(row).locator('th, td').evaluateAll((cs) => cs.map((c) => getComputedStyle(c).textAlign));
  assert.deepEqual(await align(0), ['start', 'start', 'start', 'end', 'end', 'end']);
  assert.deepEqual(await align(1), ['start', 'start', 'start', 'end', 'end', 'end']);
  // A paragraph's link: its words, the search's match marked inside it; it opens in a new tab.
  const link = body.locator('p a');
  assert.deepEqual(await link.evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel])),
    [['the nickel report', 'https://example.org/nickel-report', '_blank', 'noopener noreferrer']]);
  assert.deepEqual(await link.locator('mark').allInnerTexts(), ['nickel']);
  // A list item's link.
  assert.deepEqual(await body.locator(':scope > ul > li a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])),
    [['zinc', 'https://example.org/zinc']]);
  // A table cell's link.
  assert.deepEqual(await body.locator('td a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.parentElement.textContent])),
    [['Vale', 'https://example.org/vale', 'Vale Indonesia']]);
  // A break between sections: a short rule.
  assert.equal(await body.locator('hr').count(), 1);
  const [rule, column] = await body.locator('hr').evaluate((hr) => [hr.getBoundingClientRect().width, hr.parentElement.getBoundingClientRect().width]);
  assert.ok(rule > 0 && rule < column / 2, `${rule} of ${column}`);
  // An image caption's link and styled words.
  const caption = body.locator('figure figcaption');
  assert.equal(await caption.textContent(), 'Output by mine in 2024, from Vale');
  assert.deepEqual(await caption.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.target])),
    [['Vale', 'https://example.org/vale', '_blank']]);
  assert.deepEqual(await caption.locator('strong').allTextContents(), ['2024']);
  assert.equal(await body.locator('p').first().innerText(), 'Three steps, from the nickel report to this page.');
  // Styled words in their elements, the match across a style's edge one mark holding both parts.
  const styled = body.locator('p', { hasText: 'stainless' });
  assert.equal(await styled.textContent(), 'Not only nickel: stainless steel, old and new, 106 t of CO2.');
  assert.deepEqual(await styled.locator('sup, sub').evaluateAll((els) => els.map((e) => `${e.localName} ${e.textContent} ${getComputedStyle(e).verticalAlign}`)),
    ['sup 6 super', 'sub 2 sub']);
  assert.deepEqual(await styled.locator('strong').allTextContents(), ['Not only ', 'nick']);
  assert.deepEqual(await styled.locator('mark').evaluateAll((ms) => ms.map((m) => m.innerHTML)), ['<strong>nick</strong>el']);
  assert.deepEqual(await styled.locator('em').allTextContents(), ['stainless', 'steel']);
  assert.deepEqual(await styled.locator('em > code').allTextContents(), ['steel']);
  assert.match(await styled.locator('code').evaluate((el) => getComputedStyle(el).fontFamily), /mono/i);
  assert.equal(await styled.locator('del').evaluate((el) => `${el.textContent} ${getComputedStyle(el).textDecorationLine}`), 'old line-through');
  assert.equal(await styled.locator('strong').first().evaluate((el) => Number(getComputedStyle(el).fontWeight) >= 600), true);
  // Every match is marked, in list items, code and tables too, and the bar counts them all.
  assert.deepEqual(await body.locator('li mark').allInnerTexts(), ['nickel', 'nickel']);
  assert.equal(await body.locator('pre mark').count(), 2);
  assert.deepEqual(await table.locator('caption mark, td mark').allInnerTexts(), ['Nickel', 'nickel']);
  const n = await page.locator('.article-page mark').count();
  assert.equal(await page.locator('.match-nav .match-status').innerText(), `${n} matches`);
  // Headings at their levels, and the contents that lead to them: a link scrolls to its heading and focuses it.
  assert.deepEqual(await body.locator('h2, h3').evaluateAll((hs) => hs.map((h) => `${h.tagName} ${h.textContent}`)),
    ['H2 Steps', 'H3 The program', 'H2 Output']);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  assert.deepEqual(await contents.locator('li').evaluateAll((ls) => ls.map((l) => `${l.className} ${l.textContent}`)),
    ['level-2 Steps', 'level-3 The program', 'level-2 Output']);
  // A heading's link (its words only in the contents, whose entry is one link to the heading).
  const linked = body.locator('h3 a');
  assert.deepEqual([await linked.innerText(), await linked.getAttribute('href'), await linked.getAttribute('target')],
    ['program', 'https://example.org/program', '_blank']);
  assert.equal(await contents.locator('li.level-3 a').count(), 1);
  const before = page.url();
  const output = body.locator('h2', { hasText: 'Output' });
  await contents.getByRole('link', { name: 'Output' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Output');
  assert.ok(await inWindow(output), 'the heading is in view');
  // The address points at the heading (the search kept), so that it can be shared, reloaded or opened anew.
  const at = page.url();
  assert.equal(at, `${before}&at=output`);
  assert.equal(await output.getAttribute('id'), 'h-output');
  assert.equal(await contents.getByRole('link', { name: 'Output' }).getAttribute('href'), new URL(at).hash);
  await page.reload();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Output');
  assert.ok(await inWindow(output), 'reloaded, the article opens at the heading');
  assert.equal(await page.locator('.match-nav .match-status').innerText(), `${n} matches`, 'still marked');
  // Back: the article's address without the heading (after a reload, which forgets positions, shown from its top).
  await page.goBack();
  await page.waitForURL(before);
  await page.waitForFunction(() => window.scrollY === 0);
  // Opened in a new tab, the address opens the article at its heading.
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 390, height: 800 });
  await other.goto(at);
  await other.waitForFunction(() => document.activeElement?.textContent === 'Output');
  assert.ok(await inWindow(other.locator('.article-body h2', { hasText: 'Output' })), 'a new tab opens at the heading');
  await other.close();
  // The long line and the wide table scroll inside their boxes; the page does not scroll sideways.
  assert.ok(await body.locator('pre').evaluate((el) => el.scrollWidth > el.clientWidth), 'the code box does not scroll');
  assert.ok(await body.locator('.table-box').evaluate((el) => el.scrollWidth > el.clientWidth), 'the table box does not scroll');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article\'s image enlarges in a dialog over the window, with its caption; Escape, its button or a press closes it, the focus back on the image', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(server.url('/blocks/#/article/howto'));
  const zoom = page.locator('.article-body figure > button.image-zoom');
  await zoom.scrollIntoViewIfNeeded();
  assert.equal(await zoom.getAttribute('title'), 'Enlarge the image');
  // Its name is the image's text.
  assert.deepEqual(await zoom.evaluate((b) => [b.querySelector('img').alt, b.querySelector('img').referrerPolicy]),
    ['A bar chart of output by mine', 'no-referrer']);
  const small = await zoom.locator('img').evaluate((img) => img.getBoundingClientRect().width);
  const dialog = page.locator('.app > dialog.image-view');
  for (const close of ['Escape', 'button', 'press']) {
    await zoom.click();
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true);
    assert.equal(await dialog.getAttribute('aria-label'), 'A bar chart of output by mine');
    // The focus is in it, on its button; the image is the article's, as large as the window allows (the chart is
    // 2:1, the window narrow: as wide as the window less the margins), its caption under it with its link.
    assert.equal(await page.evaluate(() => document.activeElement.className), 'image-view-close');
    const big = dialog.locator('img');
    assert.equal(await big.getAttribute('src'), 'chart.svg');
    assert.equal(await big.getAttribute('alt'), 'A bar chart of output by mine');
    const [width, shown] = await big.evaluate((img) => {
      const r = img.getBoundingClientRect();
      return [r.width, Math.min(r.width, r.height * img.naturalWidth / img.naturalHeight)];
    });
    assert.ok(width >= 390 - 40 && shown > small, `${width} ${shown} ${small}`);
    assert.equal(await dialog.locator('figcaption').textContent(), 'Output by mine in 2024, from Vale');
    assert.equal(await dialog.locator('figcaption a').getAttribute('href'), 'https://example.org/vale');
    // A press on the caption leaves it open (its link can be followed, its words selected).
    await dialog.locator('figcaption').click({ position: { x: 2, y: 2 } });
    assert.equal(await dialog.count(), 1);
    if (close === 'Escape') await page.keyboard.press('Escape');
    else if (close === 'button') await dialog.locator('.image-view-close').click();
    else await big.click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.className), 'image-zoom', close);
  }
  // Following its caption's link (a new tab) closes it too.
  await zoom.click();
  await dialog.waitFor();
  const [tab] = await Promise.all([page.context().waitForEvent('page'), dialog.locator('figcaption a').click()]);
  await tab.close();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a heading\'s address names it by its words, in any script, the second of the same words -2; an address by block number still finds it', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(server.url('/anchors/#/article/zh'));
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await contents.waitFor();
  assert.deepEqual(await contents.locator('a').evaluateAll((as) => as.map((a) => new URLSearchParams(a.hash.split('?')[1]).get('at'))),
    ['產量', '價格-2024年', '產量-2', 'end-notes']);
  assert.deepEqual(await page.locator('.article-body h2').evaluateAll((hs) => hs.map((h) => h.id)),
    ['h-產量', 'h-價格-2024年', 'h-產量-2', 'h-end-notes']);
  // An entry followed, then again after the reader scrolled back up (its address is the page's already).
  for (const round of [1, 2]) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => window.scrollY === 0);
    await contents.locator('a').nth(2).click();
    await page.waitForFunction(() => document.activeElement?.id === 'h-產量-2');
    assert.ok(await inWindow(page.locator('#h-產量-2')), `round ${round}`);
  }
  // Followed once more where it is already at the top, the page does not move: the reader's next scroll is still
  // where they read to (two frames: its scroll event has come by then).
  // (Pressed where it is, out of view: a click by the driver would scroll to it first.)
  const y = await page.evaluate(() => window.scrollY);
  await contents.locator('a').nth(2).evaluate((a) => a.click());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.scrollY), y);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('article-viewer.read') ?? ''), /\bzh:/);
  await page.evaluate(() => window.scrollBy(0, 500));
  await page.waitForFunction(() => /\bzh:\d+/.test(localStorage.getItem('article-viewer.read') ?? ''));
  await page.evaluate(() => localStorage.removeItem('article-viewer.read'));
  // Opened anew at the second 產量 (far down the article): there, focused.
  for (const at of [encodeURIComponent('產量-2'), 'h-4']) {
    const { page: other, errors: otherErrors } = await newPage(browser.context);
    await other.setViewportSize({ width: 390, height: 700 });
    await other.goto(server.url(`/anchors/#/article/zh?at=${at}`));
    await other.waitForFunction(() => document.activeElement?.id === 'h-產量-2');
    assert.ok(await inWindow(other.locator('#h-產量-2')), at);
    assert.ok(await other.evaluate(() => window.scrollY > 0), at);
    assert.deepEqual(otherErrors, []);
    await other.close();
  }
  // Shown in 简体, the anchors stay those of the words as written.
  await page.goto(server.url('/anchors/#/article/zh?script=hans'));
  await page.locator('h1.article-title', { hasText: '镍市场' }).waitFor();
  assert.deepEqual(await page.locator('.article-body h2').evaluateAll((hs) => hs.map((h) => `${h.id} ${h.textContent}`)),
    ['h-產量 产量', 'h-價格-2024年 价格：2024年', 'h-產量-2 产量', 'h-end-notes End notes']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a wide page the contents stay beside the article as it scrolls, the section being read marked; narrow, above it', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 1400, height: 800 });
  await page.goto(server.url('/anchors/#/article/zh'));
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await contents.waitFor();
  const current = () => contents.locator('a[aria-current="location"]').allInnerTexts();
  // Beside the article's column (not above its text), nothing marked before the first heading is reached.
  const [box, body] = [await contents.boundingBox(), await page.locator('.article-body').boundingBox()];
  assert.ok(box.x + box.width <= body.x, `${JSON.stringify(box)} beside ${JSON.stringify(body)}`);
  assert.deepEqual(await current(), []);
  // Scrolled into the second 產量's section (far down): the contents still in view, that entry marked.
  await page.locator('#h-產量-2').evaluate((h) => window.scrollTo(0, window.scrollY + h.getBoundingClientRect().top - 50));
  await page.waitForFunction(() => document.querySelector('.contents a[aria-current]')?.dataset.at === '產量-2');
  assert.ok(await inWindow(contents), 'the contents stay in view');
  assert.deepEqual(await current(), ['產量']);
  // At the end: the last section.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => document.querySelector('.contents a[aria-current]')?.dataset.at === 'end-notes');
  // Narrow: above the article, scrolled away with it (the entry still marked for a screen reader).
  await page.setViewportSize({ width: 390, height: 700 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const narrow = await contents.boundingBox();
  assert.ok(narrow.y + narrow.height <= (await page.locator('.article-body').boundingBox()).y, 'above the text');
  await page.locator('#h-產量-2').evaluate((h) => window.scrollTo(0, window.scrollY + h.getBoundingClientRect().top - 50));
  await page.waitForFunction(() => document.querySelector('.contents a[aria-current]')?.dataset.at === '產量-2');
  assert.equal(await inWindow(contents), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a search result links to the sections of a long article that have matches; one opens the article there, marked', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(server.url('/anchors/#/?q=完'));
  const sections = page.locator('.card .card-sections');
  await sections.waitFor();
  // Named as a list for a screen reader; each link the article's address at that heading, the search kept.
  assert.equal(await sections.locator('ul').getAttribute('aria-label'), 'In sections:');
  const links = sections.locator('a');
  assert.deepEqual(await links.allInnerTexts(), ['End notes']);
  assert.equal(await links.first().getAttribute('href'), `#/article/zh?q=${encodeURIComponent('完')}&at=end-notes`);
  await links.first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'h-end-notes');
  assert.ok(await inWindow(page.locator('#h-end-notes')));
  assert.equal(await page.locator('.article-body mark').first().innerText(), '完');
  // In the other script, folded as the search is: both sections headed 產量 (the second by its own anchor).
  await page.goto(server.url(`/anchors/#/?q=${encodeURIComponent('产量')}`));
  await page.locator('.card .card-sections a').first().waitFor();
  assert.deepEqual(await page.locator('.card .card-sections a').evaluateAll((as) => as.map((a) => [a.textContent, new URLSearchParams(a.hash.split('?')[1]).get('at')])),
    [['產量', '產量'], ['產量', '產量-2']]);
  // Without a search, none.
  await page.goto(server.url('/anchors/#/'));
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.card-sections').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a note goes back to where the text refers to it (↩: its address says so), focused; Back returns to the note', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(server.url('/notes/#/article/fn?at=fn-2'));
  await page.waitForFunction(() => document.activeElement?.id === 'h-fn-2');
  // Each note the text refers to has one, after its words, named for what it does (the arrow is text).
  const back = page.locator('.article-body li#h-fn-2 a.back-link');
  assert.equal(await page.locator('.article-body a.back-link').count(), 2);
  assert.equal(await page.locator('.article-body li#h-fn-3 a').count(), 0, 'a note nothing refers to has none');
  assert.equal(await back.getAttribute('aria-label'), 'Back to the text');
  assert.equal(await back.getAttribute('href'), '#/article/fn?at=ref-fn-2');
  assert.equal(await page.locator('.article-body li#h-fn-2').innerText(), 'Nornickel, third quarter. ↩\uFE0E');
  const mark = page.locator('.article-body p').first().locator('a[data-at="fn-2"]');
  assert.equal(await inWindow(mark), false);
  await back.click();
  await page.waitForURL(/at=ref-fn-2$/);
  // The number that refers to the note: in view and focused (the next Tab goes on from there).
  await page.waitForFunction(() => document.activeElement?.dataset.at === 'fn-2');
  assert.ok(await inWindow(mark), 'back at the number');
  // Back: the note again.
  await page.goBack();
  await page.waitForURL(/at=fn-2$/);
  await page.waitForFunction(() => window.scrollY > 1000);
  assert.ok(await inWindow(page.locator('.article-body li#h-fn-2')), 'at the note');
  // Taken back there (not read there): the article's end is not recorded as read to (two frames: its scroll event
  // has come by then).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('article-viewer.read') ?? ''), /\bfn:/);
  // On paper there is nowhere to go back to.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await back.evaluate((a) => getComputedStyle(a).display), 'none');
  await page.emulateMedia({ media: 'screen' });
  // (The print layout moved the page: what that recorded, by the next frames, is not for the tests after this one.)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => localStorage.removeItem('article-viewer.read'));
  // Opened anew at the back link's place: at the number.
  const { page: other, errors: otherErrors } = await newPage(browser.context);
  await other.setViewportSize({ width: 390, height: 700 });
  await other.goto(server.url('/notes/#/article/fn?at=ref-fn-1'));
  await other.waitForFunction(() => document.activeElement?.dataset.at === 'fn-1');
  assert.ok(await inWindow(other.locator('.article-body p').first().locator('a[data-at="fn-1"]')));
  assert.deepEqual([...errors, ...otherErrors], []);
  await other.close();
  await page.close();
});

test('a footnote\'s number goes to its note in the article (its address says so), focused; Back returns to the text', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(server.url('/notes/#/article/fn'));
  const mark = page.locator('.article-body p').first().locator('a[data-at="fn-2"]');
  await mark.waitFor();
  // A raised number, a link within the viewer (no new tab) whose address opens the article at the note.
  assert.equal(await mark.evaluate((a) => a.querySelector('sup')?.textContent), '2');
  // (The link raised with its number: its underline under it, not at the line's foot.)
  assert.equal(await mark.evaluate((a) => getComputedStyle(a).verticalAlign), 'super');
  assert.equal(await mark.getAttribute('target'), null);
  assert.equal(await mark.getAttribute('href'), '#/article/fn?at=fn-2');
  const note = page.locator('.article-body li#h-fn-2');
  assert.match(await note.innerText(), /^Nornickel, third quarter\./);
  assert.equal(await inWindow(note), false);
  await mark.click();
  await page.waitForURL(/at=fn-2$/);
  await page.waitForFunction(() => document.activeElement?.id === 'h-fn-2');
  assert.ok(await inWindow(note), 'the note is in view');
  // A look at the note (at the article's end) is not reading to the end: the jump is not recorded as the
  // reader's place (two frames: its scroll event has come by then).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem('article-viewer.read') ?? ''), /\bfn:/);
  // Scrolled back up by the reader (not Back), the same number goes there again (its address is the page's).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => window.scrollY === 0);
  assert.equal(await inWindow(note), false);
  await mark.click();
  await page.waitForFunction(() => document.activeElement?.id === 'h-fn-2');
  assert.ok(await inWindow(note), 'the note is in view again');
  // Back: the text where the reader was.
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('at='));
  await page.waitForFunction(() => window.scrollY < 100);
  assert.ok(await inWindow(mark), 'back at the mark');
  // On paper the number is only a number (a link elsewhere says where it goes).
  await page.emulateMedia({ media: 'print' });
  assert.equal(await mark.evaluate((a) => getComputedStyle(a, '::after').content), 'none');
  await page.emulateMedia({ media: 'screen' });
  // Opened anew at a note: there.
  const { page: other, errors: otherErrors } = await newPage(browser.context);
  await other.setViewportSize({ width: 390, height: 700 });
  await other.goto(server.url('/notes/#/article/fn?at=fn-1'));
  await other.waitForFunction(() => document.activeElement?.id === 'h-fn-1');
  assert.ok(await inWindow(other.locator('li#h-fn-1')));
  assert.deepEqual([...errors, ...otherErrors], []);
  await other.close();
  await page.close();
});
