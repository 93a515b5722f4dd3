// End to end: the list's first page that `cargo xtask dist` prerenders into index.html from the bundled set
// (the seed, zh-Hant), and each article's own page (articles/<id>.html): shown before the wasm runs and without
// JavaScript, replaced by the app's identical markup, and never shown when the app would show something else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, axeViolations, openSettings, SEED_TITLE, DIST, bigSet, prerendered as prerenderedFor } from './support.mjs';

const SEED_ID = '000_7367aa27400e94e4';
let server;
let zh;
let en;
// A set of three pages of the list (45 articles), prerendered as a deploy is: index.html, pages/2.html, pages/3.html.
let many;
// Three articles, the second long, with sections.
let headed;
const HEADED = JSON.stringify({ version: 1, title: 'Headed', articles: ['a', 'b', 'c'].map((id) => ({
  id, title: `Article ${id}`, lang: 'en', published: '2024-05-01',
  body: ['One', 'Two', 'Three'].flatMap((h) => [{ type: 'heading', text: h },
    ...Array.from({ length: 15 }, (_, k) => `Paragraph ${k} of section ${h}, long enough to take a line or two of the page.`)]),
})) });

before(async () => {
  const other = JSON.stringify({ version: 1, articles: [{ id: 'x1', title: 'Another set', body: ['Text.'] }] });
  many = prerenderedFor(bigSet(45));
  headed = prerenderedFor(HEADED);
  server = await startServer({
    '/pre/': { prerender: true },
    '/many/': { from: many.dir },
    '/headed/': { from: headed.dir },
    '/plain/': {},
    // The prerendered page as it was, with another set put in its place.
    '/other/': { articles: other, files: { 'index.html': () => fs.readFileSync(path.join(DIST, 'index.html'), 'utf8') } },
  });
  zh = await launchBrowser({ locale: 'zh-TW' });
  en = await launchBrowser({ locale: 'en-US' });
});

after(async () => {
  many?.remove();
  headed?.remove();
  await zh?.close();
  await en?.close();
  await server?.close();
});

const prerendered = (page) => page.locator('#av-prerender');

/**
 * Holds back the responses to `pattern` (the set, the wasm) until the function it returns is called; `asked` is
 * called at each request.
 */
async function holdBack(page, pattern, asked = () => {}) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => { asked(); await held; await route.continue(); });
  return release;
}

/** Runs `check` with a new page of a browser that runs no script (a reader who turned it off, a crawler). */
async function withoutScripts(check) {
  const off = await launchBrowser({ locale: 'en-US', javaScriptEnabled: false });
  try {
    const page = await off.context.newPage();
    await check(page);
    await page.close();
  } finally {
    await off.close();
  }
}

test('before the wasm has run, the prerendered list is the page', async () => {
  const { page } = await newPage(zh.context);
  // The app never starts: what the reader sees is index.html alone.
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(server.url('/pre/'));
  await prerendered(page).locator('.card-title a', { hasText: SEED_TITLE }).waitFor();
  assert.equal(await prerendered(page).locator('.page-title').innerText(), '中國有色網');
  assert.equal(await page.title(), '中國有色網', "the page's title is the collection's, as the app's is");
  assert.equal(await prerendered(page).locator('.site-name').innerText(), '文章閱讀器');
  assert.match(await prerendered(page).locator('.card .meta').innerText(), /張燎原/);
  // (The article's own page: read without JavaScript too.)
  assert.equal(await prerendered(page).locator('.card-title a').getAttribute('href'), `articles/${SEED_ID}.html`);
  assert.equal(await page.locator('html.av-no-prerender').count(), 0);
  // (With scripts, the page's controls are there: the app answers them once it runs.)
  assert.ok(await prerendered(page).locator('.settings').isVisible());
  await page.close();
});

test('boot.js picks the interface language as the app does (UiLang::pick)', async () => {
  // The seed's prerendered list is zh-Hant: shown for zh-HK and zh-Hant-* readers, not for zh-CN or zh.
  for (const [locale, shown] of [['zh-HK', true], ['zh-Hant-TW', true], ['zh-CN', false], ['zh', false]]) {
    const b = await launchBrowser({ locale });
    try {
      const { page } = await newPage(b.context);
      await page.route('**/*_bg.wasm', (route) => route.abort());
      await page.goto(server.url('/pre/'));
      await page.locator('#av-prerender .card').waitFor({ state: 'attached' });
      assert.equal(await prerendered(page).isVisible(), shown, locale);
    } finally {
      await b.close();
    }
  }
});

test('boot.js gives the prerendered list the remembered text size', async () => {
  const { page } = await newPage(zh.context);
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(server.url('/pre/'));
  const size = () => prerendered(page).locator('.card-title').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
  const standard = await size();
  await page.evaluate(() => localStorage.setItem('article-viewer.text-size', 'xl'));
  await page.reload();
  await prerendered(page).locator('.card-title').first().waitFor();
  assert.ok(Math.abs((await size()) / standard - 1.3) < 0.01, `${await size()} vs ${standard}`);
  await page.evaluate(() => localStorage.removeItem('article-viewer.text-size'));
  await page.close();
});

test('the prerendered pages alone have no axe violations', async () => {
  const axe = await launchBrowser({ locale: 'zh-TW', bypassCSP: true });
  try {
    const { page } = await newPage(axe.context);
    await page.route('**/*_bg.wasm', (route) => route.abort());
    await page.goto(server.url('/pre/'));
    await prerendered(page).locator('.card').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(server.url(`/pre/articles/${SEED_ID}.html`));
    await prerendered(page).locator('h1.article-title').waitFor();
    assert.deepEqual(await axeViolations(page), [], "an article's own page");
  } finally {
    await axe.close();
  }
});

test('the test server can serve the page without it (the other e2e tests see the app alone)', async () => {
  const { page } = await newPage(zh.context);
  await page.goto(server.url('/plain/'));
  await page.locator('#av-root .card-title a', { hasText: SEED_TITLE }).waitFor();
  assert.equal(await page.locator('#av-prerender').count(), 0);
  await page.close();
});

/**
 * The markup of the prerendered page (its HTML as the page was parsed, `window.__prerendered`) and of the app's
 * own once it has taken over: elements, their attributes and their text, in order — what a reader and a screen
 * reader get. (The app sets an input's value as a property, the HTML as an attribute; adjacent text nodes are one
 * text.) The prerendered links to an article's own page or to a page of the list are the viewer's links to it.
 */
const takenOver = (page) => page.evaluate(() => {
  const shape = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.trim() ? [node.textContent] : [];
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    // (An input's value and checked as they are: the app sets them as properties, the page as attributes.)
    const input = node.localName === 'input';
    const attrs = [...node.attributes].filter((a) => !(input && (a.name === 'value' || a.name === 'checked')))
      .map((a) => `${a.name}=${a.value}`).concat(input ? [`value=${node.value}`, `checked=${node.checked}`] : [])
      .sort().join(' ');
    return [`<${node.localName} ${attrs}>`, ...[...node.childNodes].flatMap(shape), `</${node.localName}>`];
  };
  // (A facet value's list: its page's name is a hash of the value, checked natively; here, the facet and page.)
  const facets = (part) => part
    .replace(/href=pages\/(category|source|author|tag)-[0-9a-f]{12}(?:-(\d+))?\.html(?![#\w])/g, (_, f, n) => `href=#facet-${f}-${n ?? 1}`)
    .replace(/href=#\/\?(category|source|author|tag)=[^ >&]+(?:&page=(\d+))?(?=[ >])/g, (_, f, n) => `href=#facet-${f}-${n ?? 1}`);
  const viewers = (part) => part
    .replace(/href=(articles\/[^ >]+|pages\/[\w-]+)\.html#content/g, 'href=#content')
    .replace(/href=pages\/(\d+)\.html/g, 'href=#/?page=$1')
    .replace(/href=articles\/([^ >?#]+)\.html(?:\?([^ >#]*))?(?:#h-([^ >]*))?/g, (_, id, query, at) => {
      const pairs = [...(query ? [query] : []), ...(at ? [`at=${at}`] : [])];
      return `href=#/article/${id}${pairs.length ? `?${pairs.join('&')}` : ''}`;
    });
  const parse = (html) => {
    const t = document.createElement('template');
    t.innerHTML = html;
    t.content.normalize();
    return t.content;
  };
  return [[...parse(window.__prerendered).childNodes].flatMap(shape).map(viewers).map(facets),
    (() => { const root = document.getElementById('av-root').cloneNode(true); root.normalize(); return [...root.childNodes].flatMap(shape).map(facets); })()];
});

/** Keeps the prerendered page's HTML as parsed, and the page's CSP violations. */
const watch = (page) => page.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  document.addEventListener('DOMContentLoaded', () => {
    window.__prerendered = document.getElementById('av-prerender')?.innerHTML ?? null;
  });
});

test('the app takes over with the same markup it prerendered', async () => {
  const { page, errors } = await newPage(zh.context);
  await watch(page);
  await page.goto(server.url('/pre/'));
  await page.locator('#av-root .card-title a', { hasText: SEED_TITLE }).waitFor();
  await prerendered(page).waitFor({ state: 'detached' });
  const [before, after] = await takenOver(page);
  assert.ok(before.length > 100, `a prerendered page was there (${before.length} parts)`);
  // No difference at all. Neither has built the filter panel's or the Settings menu's controls (both closed).
  assert.deepEqual(after, before);
  assert.ok(!before.some((p) => /^<select |^<input [^>]*\btype=(checkbox|date|text)\b/.test(p)), 'no select, checkbox or date field');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation (boot script, prerender)');
  assert.deepEqual(errors, []);
  await page.close();
});

test("an article's own page shows it at once, at the viewer's address, and the app takes over with the same markup", async () => {
  const { page, errors } = await newPage(zh.context);
  await watch(page);
  const release = await holdBack(page, '**/*_bg.wasm');
  await page.goto(server.url(`/pre/articles/${SEED_ID}.html`));
  // Before the app: the article, prerendered, at the address the viewer gives it (a reload or a shared link is
  // the viewer's), titled as the app titles it.
  await prerendered(page).locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  // (The page is parsed, and may be painted, while its boot script is fetched: the address follows, waited for.)
  await page.waitForURL(server.url(`/pre/#/article/${SEED_ID}`));
  assert.equal(await page.locator('html.av-no-prerender').count(), 0);
  assert.equal(await page.title(), `${SEED_TITLE} · 中國有色網`);
  assert.match(await page.locator('meta[name=description]').getAttribute('content'), /^11月27日，省有色金屬管理局/);
  assert.match(await prerendered(page).locator('.article-body').innerText(), /桃冶社區安居房建設項目/);
  release();
  await page.locator('#av-root h1.article-title', { hasText: SEED_TITLE }).waitFor();
  await prerendered(page).waitFor({ state: 'detached' });
  const [before, after] = await takenOver(page);
  assert.ok(before.length > 100, `a prerendered page was there (${before.length} parts)`);
  assert.deepEqual(after, before);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  // The app's files, the set and the viewer's links are the viewer's folder's, not articles/.
  await page.locator('#av-root .back a').click();
  await page.locator('#av-root .card-title a', { hasText: SEED_TITLE }).waitFor();
  assert.equal(page.url(), server.url('/pre/#/'));
  assert.deepEqual(errors, []);

  // A place in the article (an element's id, as the page's own links give it) is the viewer's `at=`.
  await page.goto(server.url(`/pre/articles/${SEED_ID}.html#h-x`));
  await page.waitForURL(server.url(`/pre/#/article/${SEED_ID}?at=x`));
  await page.locator('#av-root h1.article-title', { hasText: SEED_TITLE }).waitFor();
  await page.close();
});

test('a reader in another language, on a deep link or reading converted sees no prerendered list', async () => {
  const hidden = async (page) => {
    // (After a click on a prerendered link the hash changes, then boot.js hears of it: waited for, not assumed.)
    await page.waitForFunction(() => document.documentElement.classList.contains('av-no-prerender'));
    const display = await page.evaluate(() => {
      const el = document.getElementById('av-prerender');
      return el ? getComputedStyle(el).display : 'removed';
    });
    assert.ok(display === 'none' || display === 'removed', display);
  };
  // English interface: the prerender is Traditional Chinese.
  let { page } = await newPage(en.context);
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(server.url('/pre/'));
  await hidden(page);
  await page.close();

  // A deep link to an article.
  ({ page } = await newPage(zh.context));
  await page.goto(server.url(`/pre/#/article/${SEED_ID}`));
  await hidden(page);
  await page.locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();

  // The reader reads Simplified: the prerender shows the articles as written.
  await page.evaluate(() => localStorage.setItem('article-viewer.script', 'hans'));
  await page.goto(server.url('/pre/'));
  await hidden(page);
  await page.locator('#av-root .card-title a', { hasText: '湖南省有色系统共同维稳工作第十五次会议召开' }).waitFor();
  await page.evaluate(() => localStorage.clear());
  await page.close();

  // Going to another of the viewer's addresses before the app runs (a list the page does not hold: its links to
  // one category's, source's or author's list lead to their pages) shows the app's own loading state, not the list.
  ({ page } = await newPage(zh.context));
  const release = await holdBack(page, '**/*_bg.wasm');
  await page.goto(server.url('/pre/'));
  await prerendered(page).locator('.card').waitFor();
  await page.evaluate(() => { location.hash = '#/?sort=views'; });
  await hidden(page);
  release();
  await page.locator('#av-root .card-title a', { hasText: SEED_TITLE }).waitFor();
  await page.close();
});

test('where nothing prerendered is shown, a bar moves along the top until the app has started, not a blank page', async () => {
  // What is painted before the page's own content: the body's ::before (the app's root not yet in the page).
  const bar = (page) => page.evaluate(() => {
    const s = getComputedStyle(document.body, '::before');
    return s.content === 'none' ? null : { name: s.animationName, height: s.height, position: s.position };
  });
  for (const [name, address] of [['a deep link', `/pre/#/article/${SEED_ID}`], ['a search', '/pre/#/?q=%E6%9C%89%E8%89%B2'],
    ['a page without a prerendered list', '/plain/']]) {
    const { page } = await newPage(zh.context);
    const release = await holdBack(page, '**/*_bg.wasm');
    await page.goto(server.url(address));
    assert.deepEqual(await bar(page), { name: 'av-starting', height: '3px', position: 'fixed' }, name);
    release();
    await page.locator('#av-root .app').waitFor();
    assert.equal(await bar(page), null, `${name}: gone once the app has started`);
    await page.close();
  }
  // A reader who asks for less motion gets a bar that stands still.
  {
    const { page } = await newPage(zh.context);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const release = await holdBack(page, '**/*_bg.wasm');
    await page.goto(server.url('/plain/'));
    assert.deepEqual(await bar(page), { name: 'none', height: '3px', position: 'fixed' }, 'reduced motion');
    release();
    await page.locator('#av-root .app').waitFor();
    await page.close();
  }
  // The prerendered list is the page meanwhile: no bar over it.
  const { page } = await newPage(zh.context);
  const release = await holdBack(page, '**/*_bg.wasm');
  await page.goto(server.url('/pre/'));
  await prerendered(page).locator('.card').waitFor();
  assert.equal(await bar(page), null);
  release();
  await page.close();
});

test("Share gives the article's own page, in the script shown, where they were written for the set loaded", async () => {
  const origin = new URL(server.url('/')).origin;
  await zh.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const { page, errors } = await newPage(zh.context);
  const shared = async (address) => {
    await page.goto(address);
    await page.locator('#av-root h1.article-title').waitFor();
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.locator('.share-button').click();
    await page.waitForFunction(() => document.querySelector('.share-status').textContent !== '');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const link = await shared(server.url(`/pre/#/article/${SEED_ID}`));
  assert.equal(link, server.url(`/pre/articles/${SEED_ID}.html`));
  const hans = await shared(server.url(`/pre/#/article/${SEED_ID}?script=hans`));
  assert.equal(hans, server.url(`/pre/articles/${SEED_ID}.html?script=hans`));
  // Opened, it is the viewer's address of the article, in that script.
  const { page: other } = await newPage(zh.context);
  await other.goto(hans);
  await other.locator('#av-root h1.article-title', { hasText: '湖南省有色系统共同维稳工作第十五次会议召开' }).waitFor();
  assert.equal(other.url(), server.url(`/pre/#/article/${SEED_ID}?script=hans`));
  await other.close();
  // A set replaced since the pages were written (another set under the same page): the viewer's own address.
  // (The article's page, asked for to show it before the set has loaded, is not there: its 404 is expected.)
  const seen = errors.length;
  assert.equal(await shared(server.url('/other/#/article/x1')), server.url('/other/#/article/x1'));
  const missing = errors.splice(seen).filter((e) => !/\/other\/articles\/x1\.html$|^Failed to load resource: .* 404/.test(e));
  assert.deepEqual(missing, []);
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(errors, []);
  await page.close();
});

test("an article's page is the app's at once, before the set has loaded: its links, Settings and Share work, the rest waits", async () => {
  const origin = new URL(server.url('/')).origin;
  await en.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const { page, errors } = await newPage(en.context);
  await watch(page);
  let asked = 0;
  const release = await holdBack(page, '**/many/articles.json', () => { asked += 1; });
  // The set's 11th article: it has a previous and a next one, and related ones.
  await page.goto(server.url('/many/articles/a10.html'));
  await page.waitForURL(server.url('/many/#/article/a10'));
  await prerendered(page).waitFor({ state: 'detached' });
  await page.locator('#av-root h1.article-title', { hasText: /^\S+ \S+ 10$/ }).waitFor();
  assert.ok(asked > 0, 'the set is asked for, not loaded');
  // The same page as prerendered from the whole set: its previous, next and related articles too.
  const [before, after] = await takenOver(page);
  assert.ok(before.length > 100, `a prerendered page was there (${before.length} parts)`);
  assert.deepEqual(after, before);
  assert.match(await page.locator('#av-root .neighbour-prev .neighbour-title').innerText(), / 9$/);
  assert.match(await page.locator('#av-root .neighbour-next .neighbour-title').innerText(), / 11$/);
  assert.ok(await page.locator('#av-root .related .neighbour').count() > 0, 'related articles');
  // The app's controls work: Settings opens, Share gives the article's own page.
  await openSettings(page.locator('#av-root'));
  await page.keyboard.press('Escape');
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('#av-root .share-button').click();
  await page.waitForFunction(() => document.querySelector('.share-status').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), server.url('/many/articles/a10.html'));
  // Another article waits for the set (the loading state), then shows; back is the article as it was.
  await page.locator('#av-root .neighbour-next').click();
  await page.waitForURL(server.url('/many/#/article/a11'));
  await page.locator('#av-root .loading[role=status]').waitFor();
  release();
  await page.locator('#av-root h1.article-title', { hasText: / 11$/ }).waitFor();
  // (Its heading takes the focus once it is there, as a new page's does.)
  await page.waitForFunction(() => document.activeElement?.matches('#av-root h1.article-title'));
  await page.goBack();
  await page.locator('#av-root h1.article-title', { hasText: / 10$/ }).waitFor();
  // From the whole set: the same page still.
  assert.deepEqual((await takenOver(page))[1], before);
  await page.locator('#av-root .back a').click();
  await page.locator('#av-root .card').first().waitFor();
  assert.equal(await page.locator('#av-root .card').count(), 20);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await page.close();

  // A set that does not load: the article stays; the list says why.
  const { page: broken } = await newPage(en.context);
  await broken.route('**/many/articles.json', (route) => route.fulfill({ status: 500, body: 'down' }));
  await broken.goto(server.url('/many/articles/a10.html'));
  await broken.locator('#av-root h1.article-title', { hasText: / 10$/ }).waitFor();
  await broken.locator('#av-root .back a').click();
  await broken.locator('#av-root [role=alert]').waitFor();
  assert.match(await broken.locator('#av-root [role=alert]').innerText(), /500/);
  await broken.goBack();
  await broken.locator('#av-root h1.article-title', { hasText: / 10$/ }).waitFor();
  await broken.close();
});

test('what is typed into the prerendered search box before the app has its set is searched for when it takes over', async () => {
  const { page, errors } = await newPage(en.context);
  await watch(page);
  let release = await holdBack(page, '**/many/articles.json');
  await page.goto(server.url('/many/'));
  const box = prerendered(page).locator('input[type=search]');
  await box.click();
  await page.keyboard.type('copper 1');
  await page.keyboard.press('ArrowLeft');
  // The app has its set: its own box, with the text, the focus and the caret where they were, and the results.
  release();
  await prerendered(page).waitFor({ state: 'detached' });
  const own = page.locator('#av-root #search-input');
  await page.waitForURL((u) => u.hash === '#/?q=copper+1');
  assert.equal(await own.inputValue(), 'copper 1');
  assert.deepEqual(await own.evaluate((el) => [document.activeElement === el, el.selectionStart]), [true, 7]);
  const found = Number((await page.locator('#av-root .list-count').innerText()).match(/^(\d+)\D+45\b/)?.[1]);
  assert.ok(found > 0 && found < 45, await page.locator('#av-root .list-count').innerText());
  // Typing on goes on searching (at the caret).
  await page.keyboard.type('0');
  await page.waitForURL((u) => u.hash === '#/?q=copper+01');

  // Enter before the app has its set: the viewer's address of the search, its loading state, then the results.
  await page.unroute('**/many/articles.json');
  release = await holdBack(page, '**/many/articles.json');
  await page.evaluate(() => localStorage.clear());
  await page.goto(server.url('/many/'));
  await prerendered(page).locator('input[type=search]').fill('nickel');
  await prerendered(page).locator('input[type=search]').press('Enter');
  await page.waitForURL(server.url('/many/#/?q=nickel'));
  await page.locator('#av-root .loading').waitFor();
  release();
  await page.locator('#av-root .card').first().waitFor();
  assert.equal(await page.locator('#av-root #search-input').inputValue(), 'nickel');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation (no form sent)');
  assert.deepEqual(errors, []);
  await page.close();
});

test("a control pressed before the app has taken over is the app's control's press once it has", async () => {
  const { page, errors } = await newPage(en.context);
  // The list's page, its set held back until `release`.
  const open = async () => {
    await page.unroute('**/many/articles.json');
    const release = await holdBack(page, '**/many/articles.json');
    await page.evaluate(() => localStorage.clear()).catch(() => {});
    await page.goto(server.url('/many/'));
    return release;
  };
  let release = await open();
  const settings = prerendered(page).locator('.settings-menu > summary');
  await settings.click();
  assert.equal(await settings.getAttribute('aria-busy'), 'true', 'kept, and marked so');
  assert.equal(await prerendered(page).locator('.settings-menu[open]').count(), 0, 'not opened empty');
  release();
  await prerendered(page).waitFor({ state: 'detached' });
  await page.locator('#av-root .settings-panel').waitFor();
  assert.ok(await page.locator('#av-root .settings-menu > summary').evaluate((el) => document.activeElement === el), 'focused');

  // A second press takes it back; another control's is kept instead.
  release = await open();
  await settings.click();
  await settings.click();
  assert.equal(await settings.getAttribute('aria-busy'), null);
  const hans = prerendered(page).locator('.script-toggle [data-script="hans"]');
  await hans.click();
  assert.equal(await hans.getAttribute('aria-busy'), 'true');
  release();
  await prerendered(page).waitFor({ state: 'detached' });
  await page.locator('#av-root .script-toggle [data-script="hans"][aria-pressed="true"]').waitFor();
  await page.locator('#av-root .card-title', { hasText: '企业' }).first().waitFor();
  assert.equal(await page.locator('#av-root .settings-panel').count(), 0, 'the press taken back stays so');

  // An article's page, pressed before the app runs at all (its wasm held back): Save.
  await page.evaluate(() => localStorage.clear());
  const go = await holdBack(page, '**/*_bg.wasm');
  await page.goto(server.url('/many/articles/a10.html'));
  const save = prerendered(page).locator('.save-button');
  await save.click();
  assert.equal(await save.getAttribute('aria-busy'), 'true');
  go();
  await prerendered(page).waitFor({ state: 'detached' });
  await page.locator('#av-root .save-button[aria-pressed="true"]').waitFor();
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(errors, []);
  await page.close();
});

test("the article shown before the set has loaded stays where the reader has scrolled it when the set arrives", async () => {
  const { page, errors } = await newPage(en.context);
  const release = await holdBack(page, '**/headed/articles.json');
  // (Another article saved: the header's link to the saved says the whole set has loaded.)
  await page.goto(server.url('/headed/articles/b.html#h-two'));
  await page.evaluate(() => localStorage.setItem('article-viewer.saved', 'c'));
  // (The wasm held back too, and the page scrolled to its top meanwhile: the scroll to the section is the app's.)
  const go = await holdBack(page, '**/*_bg.wasm');
  await page.goto(server.url('/headed/articles/b.html#h-two'));
  await page.waitForURL(server.url('/headed/#/article/b?at=two'));
  await prerendered(page).locator('h1.article-title').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  go();
  await prerendered(page).waitFor({ state: 'detached' });
  // Opened at the section its address points at; then the reader scrolls back to the top.
  await page.waitForFunction(() => window.scrollY > 0 && Math.abs(document.getElementById('h-two').getBoundingClientRect().top) < 150);
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.equal(await page.locator('#av-root .saved-link').count(), 0, 'the set has not loaded');
  release();
  await page.locator('#av-root .saved-link').waitFor();
  // (Two frames: what the app does once it has the set is done.)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'not taken back to the section');
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(errors, []);
  await page.close();
});

test("the viewer's address of an article, where the articles' pages were written, shows it from its page before the set has loaded", async () => {
  const { page, errors } = await newPage(en.context);
  const release = await holdBack(page, '**/many/articles.json');
  const pages = [];
  page.on('request', (r) => { if (/\/articles\/[^/]+\.html$/.test(r.url())) pages.push(new URL(r.url()).pathname); });
  await page.goto(server.url('/many/#/article/a10'));
  await page.locator('#av-root h1.article-title', { hasText: / 10$/ }).waitFor();
  assert.deepEqual(pages, ['/many/articles/a10.html']);
  assert.match(await page.locator('#av-root .neighbour-next .neighbour-title').innerText(), / 11$/);
  assert.ok(await page.locator('#av-root .related .neighbour').count() > 0, 'related articles');
  assert.equal(await page.title(), `${await page.locator('#av-root h1.article-title').innerText()} · Big set`);
  release();
  await page.locator('#av-root .back a').click();
  await page.locator('#av-root .card').first().waitFor();
  // Where no pages were written (the page does not say so), nothing is asked for but the set.
  pages.length = 0;
  await page.goto(server.url('/plain/#/article/000_7367aa27400e94e4'));
  await page.locator('#av-root h1.article-title').waitFor();
  assert.deepEqual(pages, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("following a card before the app runs opens the article's own page, prerendered", async () => {
  const { page } = await newPage(zh.context);
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(server.url('/pre/'));
  await prerendered(page).locator('.card-title a').click();
  await prerendered(page).locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
  await page.waitForURL(server.url(`/pre/#/article/${SEED_ID}`));
  assert.ok(await prerendered(page).isVisible());
  await page.close();
});

test("the list's later pages are pages of their own: read without JavaScript, and the app takes over from them", async () => {
  await withoutScripts(async (page) => {
    await page.goto(server.url('/many/'));
    const pagination = prerendered(page).locator('.pagination');
    assert.ok(await pagination.isVisible(), 'the page links are there without JavaScript');
    await pagination.locator('.page-next').click();
    await page.waitForURL(server.url('/many/pages/2.html'));
    assert.equal(await prerendered(page).locator('.cards').getAttribute('start'), '21');
    assert.equal(await prerendered(page).locator('.card').count(), 20);
    await pagination.locator('.page-number', { hasText: '3' }).click();
    await page.waitForURL(server.url('/many/pages/3.html'));
    assert.equal(await prerendered(page).locator('.card').count(), 5);
    // An article of the page is its own page (the list's page it was opened from handed on to the viewer); the
    // first page of the list is the viewer's own.
    await prerendered(page).locator('.card-title a').first().click();
    await page.waitForURL(/\/many\/articles\/[\w.~-]+\.html\?page=3$/);
    await prerendered(page).locator('h1.article-title').waitFor();
    await page.goBack();
    await pagination.locator('.page-number', { hasText: '1' }).click();
    await page.waitForURL(server.url('/many/#/'));
    assert.equal(await prerendered(page).locator('.cards').getAttribute('start'), '1');
  });
  // A category's link leads to the page of its list (without JavaScript too), which pages on.
  let category;
  await withoutScripts(async (page) => {
    await page.goto(server.url('/many/'));
    const link = prerendered(page).locator('.card .meta a', { hasText: '重點新聞' }).first();
    category = await link.getAttribute('href');
    assert.match(category, /^pages\/category-[0-9a-f]{12}\.html$/);
    await link.click();
    await page.waitForURL(/\/many\/pages\/category-[0-9a-f]{12}\.html$/);
    assert.equal(await prerendered(page).locator('.card').count(), 20);
    assert.equal(await page.title(), '重點新聞 · Big set');
    // It says which list it is (of the Filters, the value alone), and the cards take the rest of the width.
    assert.equal(await prerendered(page).locator('.filters').innerText().then((t) => t.replace(/\s+/g, ' ').trim()),
      'Category 重點新聞 30');
    const [filters, results] = await Promise.all(['.filters', '.results'].map((s) => prerendered(page).locator(s).boundingBox()));
    assert.ok(results.x >= filters.x + filters.width && results.width > 2 * filters.width, JSON.stringify({ filters, results }));
    assert.deepEqual(
      [...new Set(await prerendered(page).locator('.card .meta-category a').allInnerTexts())], ['重點新聞'],
      'only its articles');
    await prerendered(page).locator('.pagination .page-next').click();
    await page.waitForURL(/\/many\/pages\/category-[0-9a-f]{12}-2\.html$/);
    assert.equal(await prerendered(page).locator('.card').count(), 10, '30 articles in all');
    // An author's, from an article's page.
    await prerendered(page).locator('.card-title a').first().click();
    await prerendered(page).locator('h1.article-title').waitFor();
    await prerendered(page).locator('.article-header .meta-authors a').click();
    await page.waitForURL(/\/many\/pages\/author-[0-9a-f]{12}\.html$/);
    assert.ok(await prerendered(page).locator('.card').count() >= 1);
  });
  // With JavaScript, the category's page is the viewer's address of that list, where the app takes over, the same.
  {
    const { page, errors } = await newPage(en.context);
    await watch(page);
    await page.goto(server.url('/many/'));
    // (As a first visit: the Filters, open on this list, offer "unread only" to a reader who has read an article
    // — in this browser's earlier tests —, which the page cannot know.)
    await page.evaluate(() => localStorage.clear());
    await page.goto(server.url(`/many/${category.replace('.html', '-2.html')}`));
    await page.waitForURL(server.url(`/many/#/?category=${encodeURIComponent('重點新聞')}&page=2`));
    await page.locator('#av-root .cards[start="21"]').waitFor();
    await prerendered(page).waitFor({ state: 'detached' });
    const [before, after] = await takenOver(page);
    assert.ok(before.length > 100, `a prerendered page was there (${before.length} parts)`);
    assert.deepEqual(after, before);
    assert.equal(await page.locator('#av-root .card').count(), 10);
    assert.equal(await page.title(), '重點新聞 · Big set', 'named by its category, as its page was');
    assert.deepEqual(errors, []);
    await page.close();
  }
  // With it, before the app runs (the wasm held back): the page's list is shown, at the viewer's address of it.
  {
    const { page } = await newPage(en.context);
    await page.route('**/*_bg.wasm', (route) => route.abort());
    await page.goto(server.url('/many/pages/2.html'));
    await page.waitForURL(server.url('/many/#/?page=2'));
    await prerendered(page).locator('.cards[start="21"]').waitFor();
    assert.ok(await prerendered(page).isVisible(), 'shown: it is what the app will show');
    await page.close();
  }
  // Then the page is the viewer's address of that page of the list, where the app takes over, the same.
  const { page, errors } = await newPage(en.context);
  await watch(page);
  await page.goto(server.url('/many/pages/2.html'));
  await page.waitForURL(server.url('/many/#/?page=2'));
  await page.locator('#av-root .cards[start="21"]').waitFor();
  await prerendered(page).waitFor({ state: 'detached' });
  const [before, after] = await takenOver(page);
  assert.ok(before.length > 100, `a prerendered page was there (${before.length} parts)`);
  assert.deepEqual(after, before);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  // An article's page opened from it (before the app runs: the wasm held back): the article at once, at the
  // viewer's address with the list's page, which its way back returns to.
  const card = await page.locator('#av-root .card-title a').first().getAttribute('href');
  const id = card.match(/^#\/article\/([\w.~-]+)\?page=2$/)?.[1];
  assert.ok(id, card);
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto(server.url(`/many/articles/${id}.html?page=2`));
  await page.waitForURL(server.url(`/many/#/article/${id}?page=2`));
  await prerendered(page).locator('h1.article-title').waitFor();
  assert.ok(await prerendered(page).isVisible(), 'shown: it is what the app will show');
  await page.close();
});

test('without JavaScript the prerendered list can be read', async () => {
  await withoutScripts(async (page) => {
    await page.goto(server.url('/pre/'));
    await prerendered(page).locator('.card-title a', { hasText: SEED_TITLE }).waitFor();
    assert.match(await prerendered(page).locator('.card .excerpt').innerText(), /\S{20}/);
    for (const control of ['.settings', '.search', '.filters']) {
      assert.equal(await prerendered(page).locator(control).isVisible(), false, control);
    }
    assert.equal(await page.locator('#av-root').count(), 0);
    // A card leads to the article's own page, which holds the whole article; its way back is the list.
    await prerendered(page).locator('.card-title a').click();
    await page.waitForURL(server.url(`/pre/articles/${SEED_ID}.html`));
    await prerendered(page).locator('h1.article-title', { hasText: SEED_TITLE }).waitFor();
    assert.match(await prerendered(page).locator('.article-body').innerText(), /桃冶社區安居房建設項目/);
    assert.match(await prerendered(page).locator('.article-header .meta').innerText(), /張燎原/);
    assert.equal(await page.locator('body noscript').count(), 0, 'no "needs JavaScript" over a page that is read without');
    // The controls that need the app are not shown; the page speaks the interface's language.
    for (const control of ['.settings', '.article-footer .share']) {
      assert.equal(await prerendered(page).locator(control).isVisible(), false, control);
    }
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant');
    // (The skip link stays on the page: its base is the viewer's folder.)
    await page.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(server.url(`/pre/articles/${SEED_ID}.html#content`));
    await prerendered(page).locator('.back a').click();
    await page.waitForURL(server.url('/pre/#/'));
    await prerendered(page).locator('.card-title a', { hasText: SEED_TITLE }).waitFor();
  });
});
