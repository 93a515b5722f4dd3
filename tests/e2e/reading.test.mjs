// Reading at scale and reader preferences: 10,000 articles paginated, back restores page and scroll,
// previous/next article, interface language and theme switches that are remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, inLocale, bigSet, openSettings, openFilters, corpus, readingPlace, scrollThrough, inWindow, BLOCKS_SET, BLOCKS_FILES } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({
    '/big/': { articles: bigSet(10000) },
    '/seed/': {},
    '/sotu/': { articles: corpus('sotu-even-years.json') },
    '/blocks/': { articles: BLOCKS_SET, files: BLOCKS_FILES },
    // Four short articles: each is read to its end as soon as it is shown.
    '/news/': { articles: JSON.stringify({ version: 1, title: 'News', articles: ['One', 'Two', 'Three', 'Four'].map((t, i) => ({
      id: `n${i + 1}`, title: t, source: i % 2 ? 'Odd' : 'Even', body: [`${t} is short.`] })) }) },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * From the page's next load on, records in `window.__avTexts` each text the first element matching `selector` is
 * seen with, in order, from the moment it is in the page.
 */
const recordTexts = (page, selector) => page.addInitScript((sel) => {
  const seen = [];
  window.__avTexts = seen;
  new MutationObserver(() => {
    const el = document.querySelector(sel);
    if (el && seen[seen.length - 1] !== el.textContent) seen.push(el.textContent);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}, selector);


test('10,000 articles: the first page renders 20 cards and pages are in the URL', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/big/'));
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.card').count(), 20);
  assert.equal(await page.locator('.page-status').innerText(), 'Page 1 of 500');
  assert.equal(await page.locator('.card-title a').first().innerText(), '銅價 market 0');
  await page.locator('.page-next').click();
  await page.waitForURL(/#\/\?page=2$/);
  await page.locator('.card-title a', { hasText: / 20$/ }).first().waitFor();
  assert.equal(await page.locator('.card').count(), 20);
  // A page number past the end shows the last page.
  await page.goto(server.url('/big/#/?page=9999'));
  await page.locator('.page-status', { hasText: 'Page 500 of 500' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('back from an article restores the list page and its scroll position; focus moves to the heading', async () => {
  const { page } = await newPage(browser.context);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(server.url('/big/#/?page=3'));
  await page.locator('.card').first().waitFor();
  const last = page.locator('.card-title a').last();
  await last.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 300, `scrolled to ${before}`);
  const title = await last.innerText();
  await last.click();
  await page.locator('h1.article-title', { hasText: title }).waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'a new page starts at the top');
  // (The heading takes the focus on the frame after the page is shown: waited for, not assumed to have run.)
  await page.waitForFunction(() => document.activeElement?.classList.contains('page-title'));
  // Previous / next follow the list order.
  assert.match(await page.locator('.neighbour-prev .neighbour-title').innerText(), / 58$/);
  assert.match(await page.locator('.neighbour-next .neighbour-title').innerText(), / 60$/);
  await page.goBack();
  await page.locator('.page-status', { hasText: 'Page 3 of 500' }).waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, before);
  await page.close();
});

test('a new page takes the focus to its heading, but not from the search box the reader went to as it appeared', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/big/#/article/a5'));
  await page.locator('h1.article-title').waitFor();
  // Back to the list, and into its search box the moment it is in the page (before the next frame is painted,
  // when the new page's heading is focused): the focus stays in the box, and what is typed goes there.
  const stayed = await page.evaluate(() => new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      const field = document.querySelector('#search-input');
      if (!field) return;
      seen.disconnect();
      field.focus();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(document.activeElement?.id)));
    });
    seen.observe(document.body, { childList: true, subtree: true });
    document.querySelector('.back a').click();
  }));
  assert.equal(stayed, 'search-input');
  await page.keyboard.type('copper');
  await page.waitForFunction(() => location.hash.includes('q=copper'));
  // Without that, the heading takes it, as on every new page.
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title').waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('h1.page-title'));
  await page.close();
});

test('the interface language can be switched, is remembered, and the page lang follows it', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/seed/'));
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.list-count').innerText(), '1 article');
  await openSettings(page);
  await page.locator('.lang-select').selectOption('zh-Hant');
  await page.locator('.list-count', { hasText: '共 1 篇文章' }).waitFor();
  assert.match(await page.locator('.card .meta').innerText(), /2018年11月30日 11:21/);
  assert.match(await page.locator('.card .meta').innerText(), /1\.2萬次瀏覽/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant');
  await page.reload();
  await page.locator('.list-count', { hasText: '共 1 篇文章' }).waitFor();
  await openSettings(page);
  await page.locator('.lang-select').selectOption('zh-Hans');
  await page.locator('.list-count', { hasText: '共 1 篇文章' }).waitFor();
  await page.locator('.setting span', { hasText: '语言' }).waitFor();
  await openSettings(page);
  await page.locator('.lang-select').selectOption('en');
  await page.locator('.list-count', { hasText: '1 article' }).waitFor();
  await page.close();
});

test('the interface in Japanese, Korean, French, German, Spanish, Portuguese, Italian, Russian, Indonesian, Turkish, Vietnamese, Arabic, Hebrew, Persian, Hindi, Bengali, Polish, Thai or Urdu: its words fetched when first chosen, then remembered', async () => {
  const { page, errors } = await newPage(browser.context);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/i18n/')) fetched.push(new URL(r.url()).pathname); });
  await page.goto(server.url('/seed/'));
  await page.locator('.card').first().waitFor();
  // An English reader fetches no catalog.
  assert.deepEqual(fetched, []);
  for (const [lang, settings, date, views] of [
    ['fr', 'Réglages', '30 nov. 2018, 11:21', '12\u202f269 vues'],
    ['de', 'Einstellungen', '30. Nov. 2018, 11:21', '12.269 Aufrufe'],
    ['es', 'Ajustes', '30 nov 2018, 11:21', '12.269 visitas'],
    ['ja', '設定', '2018年11月30日 11:21', '1.2万回閲覧'],
    ['ko', '설정', '2018년 11월 30일 11:21', '조회 1.2만회'],
    ['pt', 'Configurações', '30 de nov. de 2018, 11:21', '12.269 visualizações'],
    ['it', 'Impostazioni', '30 nov 2018, 11:21', '12.269 visualizzazioni'],
    ['ru', 'Настройки', '30 нояб. 2018 г., 11:21', 'Просмотров: 12\u00a0269'],
    ['id', 'Pengaturan', '30 Nov 2018, 11.21', '12.269 kali dilihat'],
    ['tr', 'Ayarlar', '30 Kas 2018 11:21', '12.269 görüntülenme'],
    ['vi', 'Cài đặt', '11:21 30 thg 11, 2018', '12.269 lượt xem'],
    ['ar', 'الإعدادات', '30 نوفمبر 2018، 11:21', 'المشاهدات: 12,269'],
    ['he', 'הגדרות', '30 בנוב׳ 2018, 11:21', 'צפיות: 12,269'],
    // Persian: the Solar Hijri calendar and Persian digits, everywhere in the card's line.
    ['fa', 'تنظیمات', '۹ آذر ۱۳۹۷، ۱۱:۲۱', '۱۲٬۲۶۹ بازدید'],
    ['hi', 'सेटिंग', '30 नव॰ 2018, 11:21', '12,269 बार देखा गया'],
    ['bn', 'সেটিংস', '৩০ নভে, ২০১৮, ১১:২১', '১২,২৬৯ বার দেখা হয়েছে'],
    ['pl', 'Ustawienia', '30 lis 2018, 11:21', 'Wyświetlenia: 12\u00a0269'],
    ['th', 'การตั้งค่า', '30 พ.ย. 2561 11:21', 'เข้าชม 12,269 ครั้ง'],
    ['ur', 'ترتیبات', '30 نومبر، 2018، 11:21', 'ملاحظات: 12,269'],
  ]) {
    await openSettings(page);
    await page.locator('.lang-select').selectOption(lang);
    await page.locator('.settings-menu > summary', { hasText: settings }).waitFor();
    const meta = await page.locator('.card .meta').innerText();
    assert.ok(meta.includes(date) && meta.includes(views), `${lang}: ${meta}`);
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      [lang, ['ar', 'he', 'fa', 'ur'].includes(lang) ? 'rtl' : 'ltr']);
    if (lang === 'bn') assert.ok(!/[0-9]/.test(meta), `bn: no ASCII digits left: ${meta}`);
    // Where we write a date as CLDR's medium date and short time, it is what Chromium's own ICU writes (at the place
    // of publication, +08:00; 24 hours, as every language here): the Persian calendar and digits, Indonesian's
    // 11.21, Vietnamese's time first... (German, Japanese, Korean and Arabic name the month where ICU has numbers.)
    const icu = { fr: 'fr-FR', es: 'es-ES', pt: 'pt-BR', it: 'it-IT', ru: 'ru-RU', id: 'id-ID', tr: 'tr-TR', vi: 'vi-VN',
      he: 'he-IL', fa: 'fa-IR', hi: 'hi-IN', bn: 'bn-BD', pl: 'pl-PL', th: 'th-TH', ur: 'ur-PK' }[lang];
    if (icu) {
      const intl = await page.evaluate((l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short',
        hourCycle: 'h23', timeZone: 'Asia/Shanghai' }).format(new Date('2018-11-30T11:21:00+08:00')), icu);
      assert.equal(date, intl, `${lang}: ours and ICU's`);
    }
    if (lang === 'fa') {
      assert.ok(!/[0-9]/.test(meta), `fa: no ASCII digits left: ${meta}`);
      assert.match(meta, /[۰-۹]+ دقیقه مطالعه/);
    }
  }
  assert.deepEqual(fetched, ['fr', 'de', 'es', 'ja', 'ko', 'pt', 'it', 'ru', 'id', 'tr', 'vi', 'ar', 'he', 'fa', 'hi', 'bn', 'pl', 'th', 'ur'].map((l) => `/seed/i18n/${l}.json`));
  // Back to one fetched before: from memory, not fetched again.
  await openSettings(page);
  await page.locator('.lang-select').selectOption('fr');
  await page.locator('.settings-menu > summary', { hasText: 'Réglages' }).waitFor();
  assert.equal(fetched.length, 19);
  // Remembered: the page opens in French, and is never shown in English meanwhile (the first time the header is in
  // the page, it is already French).
  await recordTexts(page, '.app .settings-menu > summary');
  await page.reload();
  await page.locator('.list-count', { hasText: '1 article' }).waitFor();
  await page.locator('.settings-menu > summary', { hasText: 'Réglages' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__avTexts), ['Réglages']);
  assert.match(await page.locator('.search-label').innerText(), /Rechercher dans les articles/);
  await openSettings(page);
  await page.locator('.lang-select').selectOption('en');
  await page.locator('.settings-menu > summary', { hasText: 'Settings' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a language whose words cannot be fetched leaves the interface as it was, says why, and is tried again when chosen again', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/seed/'));
  await page.locator('.card').first().waitFor();
  await page.route('**/i18n/de.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await openSettings(page);
  await page.locator('.lang-select').selectOption('de');
  await page.locator('.script-status', { hasText: 'The words for Deutsch could not be loaded (HTTP 503' }).waitFor();
  assert.equal(await page.locator('.settings-menu > summary').innerText(), 'Settings');
  assert.equal(await page.locator('.lang-select').inputValue(), 'en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.unroute('**/i18n/de.json');
  await page.locator('.lang-select').selectOption('de');
  await page.locator('.settings-menu > summary', { hasText: 'Einstellungen' }).waitFor();
  assert.equal(await page.locator('.script-status').innerText(), '');
  await openSettings(page);
  await page.locator('.lang-select').selectOption('en');
  await page.locator('.settings-menu > summary', { hasText: 'Settings' }).waitFor();
  await page.close();
});

test("a reader whose browser asks for Japanese gets the interface in Japanese, and the app's first view is already in it", async () => {
  await inLocale('ja-JP', async ({ page, errors }) => {
    await recordTexts(page, '.app .list-count');
    await page.goto(server.url('/big/'));
    await page.locator('.list-count', { hasText: '10,000件の記事' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__avTexts), ['10,000件の記事']);
    assert.equal(await page.locator('.page-status').innerText(), '1 / 500 ページ');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    // Not the reader's own choice: nothing remembered (a later visit follows the browser's languages again).
    assert.equal(await page.evaluate(() => localStorage.getItem('article-viewer.lang')), null);
    assert.deepEqual(errors, []);
  });
});

test('the script toggle is one click; the Settings menu builds its selects when opened, Escape or a press outside closes it', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/seed/'));
  await page.locator('.card').first().waitFor();
  // Closed: the language, theme and text size selects do not exist yet (the first paint does not build them).
  assert.equal(await page.locator('.settings-menu').evaluate((d) => d.open), false);
  assert.equal(await page.locator('select.lang-select, select.theme-select, select.text-select').count(), 0);
  assert.deepEqual(await page.locator('.script-toggle button').evaluateAll((bs) => bs.map((b) => [b.dataset.script, b.getAttribute('aria-pressed')])),
    [['original', 'true'], ['hant', 'false'], ['hans', 'false']]);
  // Keyboard: open with Enter on the summary, reach a select, Escape closes and gives the focus back.
  await page.locator('.settings-menu > summary').focus();
  await page.keyboard.press('Enter');
  await page.locator('.settings-panel .lang-select').waitFor();
  await page.locator('.settings-panel .lang-select').focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.settings-menu').open);
  assert.equal(await page.locator('.settings-panel').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.matches('.settings-menu > summary')), true);
  // A press inside the open menu keeps it open; a press outside closes it.
  await openSettings(page);
  await page.locator('.settings-panel .setting span').first().click();
  assert.equal(await page.locator('.settings-menu').evaluate((d) => d.open), true);
  await page.locator('h1').click();
  await page.waitForFunction(() => !document.querySelector('.settings-menu').open);
  assert.equal(await page.locator('.settings-panel').count(), 0);
  // On a 390 px phone the 繁/简 buttons and the menu share one line (the group's visible label is hidden).
  await page.setViewportSize({ width: 390, height: 700 });
  const top = (sel) => page.locator(sel).first().boundingBox().then((b) => Math.round(b.y));
  assert.equal(await top('.script-toggle button'), await top('.settings-menu > summary'));
  assert.equal(await page.locator('.script-toggle .setting-label').isVisible(), false);
  // The panel stays inside a 320 px wide window.
  await page.setViewportSize({ width: 320, height: 700 });
  await openSettings(page);
  const box = await page.locator('.settings-panel').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 320, JSON.stringify(box));
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the dark theme applies and is remembered; screenshots of both themes', async () => {
  const shots = path.resolve(process.env.AV_SCREENSHOTS ?? 'target/screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/seed/'));
  await page.locator('.card').first().waitFor();
  await openSettings(page);
  await page.locator('.theme-select').selectOption('dark');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.app')).backgroundColor === 'rgb(18, 18, 18)');
  await page.reload();
  await page.locator('.card').first().waitFor();
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.app')).backgroundColor), 'rgb(18, 18, 18)');
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url('/seed/'));
    await page.locator('.card').first().waitFor();
    await page.screenshot({ path: path.join(shots, `list-dark-${width}.png`), fullPage: true });
    await page.locator('.card-title a').first().click();
    await page.locator('h1.article-title').waitFor();
    await page.screenshot({ path: path.join(shots, `article-dark-${width}.png`), fullPage: true });
  }
  await openSettings(page);
  await page.locator('.theme-select').selectOption('light');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.app')).backgroundColor === 'rgb(253, 253, 252)');
  await page.close();
});

test('the text size scales the list and the article, not the header, keeps lines as long, and is remembered', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url('/seed/'));
  await page.locator('.card-title a').first().click();
  await page.locator('h1.article-title').waitFor();
  const measure = () => page.evaluate(() => {
    const px = (sel, prop) => parseFloat(getComputedStyle(document.querySelector(sel))[prop]);
    return { body: px('.article-body', 'fontSize'), width: px('.article-body', 'maxWidth'), header: px('.site-name', 'fontSize') };
  });
  const standard = await measure();
  await openSettings(page);
  await page.locator('.text-select').selectOption('l');
  await page.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize) > b, standard.body);
  const large = await measure();
  assert.ok(Math.abs(large.body / standard.body - 1.15) < 0.01, JSON.stringify({ standard, large }));
  // The column widens with the text (its width is in em): as many characters a line.
  assert.ok(Math.abs(large.width / standard.width - 1.15) < 0.01, JSON.stringify({ standard, large }));
  assert.equal(large.header, standard.header);
  await page.reload();
  await page.locator('h1.article-title').waitFor();
  assert.deepEqual(await measure(), large);
  assert.equal(await page.locator('.app').getAttribute('data-text'), 'l');
  await openSettings(page);
  await page.locator('.text-select').selectOption('m');
  await page.waitForFunction((b) => parseFloat(getComputedStyle(document.querySelector('.article-body')).fontSize) === b, standard.body);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard: the skip link is the first stop and moves focus to the content without changing the route', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/seed/#/article/000_7367aa27400e94e4'));
  await page.locator('h1.article-title').waitFor();
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'content');
  assert.match(page.url(), /#\/article\/000_7367aa27400e94e4$/);
  await page.close();
});

test('the "/" shortcut is offered where there is a keyboard, not on a touch screen', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/seed/'));
  const hint = page.locator('#search-hint .key-hint');
  await hint.waitFor();
  assert.equal(await hint.innerText(), 'Press / to search, ? for all shortcuts.');
  await page.close();
  const phone = await launchBrowser({ phone: true });
  try {
    const { page, errors } = await newPage(phone.context);
    await page.goto(server.url('/seed/'));
    await page.locator('.card').first().waitFor();
    assert.ok(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches));
    assert.equal(await page.locator('#search-hint .key-hint').count(), 1);
    assert.equal(await page.locator('#search-hint .key-hint').isVisible(), false);
    assert.match(await page.locator('#search-hint').innerText(), /all must occur/);
    assert.deepEqual(errors, []);
  } finally {
    await phone.close();
  }
});

test('? lists the keyboard shortcuts in a dialog that Escape closes, giving the focus back', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/seed/'));
  await page.locator('.card').first().waitFor();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // Typed into the search box, ? is text.
  await page.locator('#search-input').fill('');
  await page.locator('#search-input').press('?');
  assert.equal(await page.locator('#search-input').inputValue(), '?');
  assert.equal(await dialog.count(), 0);
  await page.locator('#search-input').press('Escape');
  await page.locator('h1.page-title').click();
  await page.keyboard.press('?');
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d === document.activeElement), true);
  assert.deepEqual(await dialog.locator('dt').allInnerTexts(), ['/', 'Esc', 'n Shift+N', 'j k', 's', '?']);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.matches('h1.page-title')), true);
  // ? again while it is open changes nothing, and the focus still goes back to where it was before.
  await page.keyboard.press('?');
  await dialog.waitFor();
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.matches('h1.page-title')), true);
  // Its button closes it too.
  await page.keyboard.press('?');
  await dialog.locator('.shortcuts-close').click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('with no saved choice the theme follows the system, and 320 px phones do not scroll sideways', async () => {
  const context = browser.context;
  const { page } = await newPage(context);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(server.url('/seed/'));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('.card').first().waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('.app').dataset.theme), 'auto');
  assert.equal(await page.evaluate(() => localStorage.getItem('article-viewer.theme')), null, 'defaults are not stored');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.app')).backgroundColor), 'rgb(18, 18, 18)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.app')).backgroundColor === 'rgb(253, 253, 252)');
  for (const url of ['/seed/', '/seed/#/article/000_7367aa27400e94e4', '/big/#/?page=250']) {
    await page.goto(server.url(url));
    await page.locator('.page-title').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${url} scrolls sideways at 320px`);
  }
  await page.close();
});

test('an article prints as text with its metadata and no navigation; code wraps and tables are whole on paper', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/seed/#/article/000_7367aa27400e94e4'));
  await page.locator('h1.article-title').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.back', '.neighbours, .skip-link']) {
    assert.ok(await page.evaluate((sel) => [...document.querySelectorAll(sel)].every((e) => getComputedStyle(e).display === 'none'), hidden), `${hidden} is printed`);
  }
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('.article-header .meta')).display), 'none');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector('.notice')).display), 'none');
  await page.emulateMedia({ media: 'screen' });
  // On paper nothing scrolls: the contents go, a long line of code wraps, a wide table is not cut.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(server.url('/blocks/#/article/howto'));
  await page.locator('pre').waitFor();
  assert.ok(await page.locator('pre').evaluate((el) => el.scrollWidth > el.clientWidth), 'on screen the code scrolls');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.contents')).display), 'none');
  assert.ok(await page.locator('pre').evaluate((el) => el.scrollWidth <= el.clientWidth), 'printed, the code wraps');
  assert.equal(await page.locator('.table-box').evaluate((el) => getComputedStyle(el).overflowX), 'visible');
  // A link in the text says where it goes.
  const after = () => page.locator('.article-body p a').evaluate((a) => getComputedStyle(a, '::after').content);
  assert.equal(await after(), '" <https://example.org/nickel-report>"');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await after(), 'none', 'on screen only the words');
  await page.close();
});

test('Chinese text is set in a Chinese font: its quotation marks are full-width, English text keeps its own font', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(server.url('/seed/#/article/000_7367aa27400e94e4'));
  await page.locator('.article-body p').first().waitFor();
  // The width of the first “ in the first paragraph against one Han character next to it, laid out in the page.
  const widths = () => page.evaluate(() => {
    const text = document.querySelector('.article-body p').firstChild;
    const at = text.data.indexOf('“');
    const width = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().width; };
    return { quote: width(at), han: width(at + 1), family: getComputedStyle(text.parentElement).fontFamily };
  });
  const zh = await widths();
  assert.ok(zh.quote > 0.9 * zh.han, `“ is ${zh.quote}px wide against ${zh.han}px for a Han character (${zh.family})`);
  assert.match(zh.family, /^"PingFang TC"/, 'Traditional text prefers Traditional glyphs');
  // The English interface around it keeps its own stack.
  assert.match(await page.evaluate(() => getComputedStyle(document.querySelector('.site-name')).fontFamily), /^system-ui/);
  await page.close();
});

test('the article page shows how far the reader has scrolled, as a bar along the top; none where the page does not scroll', async () => {
  const { page } = await newPage(browser.context);
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(server.url('/seed/#/article/000_7367aa27400e94e4'));
  await page.locator('.article-body p').first().waitFor();
  // The bar's length as a share of the window's width (its transform's scaleX) and the share of the page
  // scrolled past.
  const state = () => page.evaluate(() => {
    const m = getComputedStyle(document.querySelector('.article-page'), '::before').transform;
    const scale = m === 'none' ? 1 : Number(m.match(/^matrix\(([^,]+)/)[1]);
    const root = document.documentElement;
    return { scale, scrolled: scrollY / (root.scrollHeight - innerHeight), fixed: getComputedStyle(document.querySelector('.article-page'), '::before').position };
  });
  const at = async (y) => {
    await page.evaluate((y) => scrollTo(0, y * (document.documentElement.scrollHeight - innerHeight)), y);
    await page.waitForFunction((y) => {
      const m = getComputedStyle(document.querySelector('.article-page'), '::before').transform;
      return m !== 'none' && Math.abs(Number(m.match(/^matrix\(([^,]+)/)[1]) - y) < 0.02;
    }, y, { timeout: 5000 }).catch(() => {});
    return state();
  };
  const top = await state();
  assert.equal(top.fixed, 'fixed');
  assert.ok(top.scale < 0.01, `at the top the bar is empty: ${top.scale}`);
  for (const y of [0.5, 1]) {
    const s = await at(y);
    assert.ok(Math.abs(s.scale - s.scrolled) < 0.02, `scrolled ${s.scrolled}, bar ${s.scale}`);
  }
  await page.close();
  // In a window tall enough for the whole article there is nothing to scroll, and no bar.
  const { page: tall } = await newPage(browser.context);
  await tall.setViewportSize({ width: 1280, height: 6000 });
  await tall.goto(server.url('/seed/#/article/000_7367aa27400e94e4'));
  await tall.locator('.article-body p').first().waitFor();
  assert.ok(await tall.evaluate(() => document.documentElement.scrollHeight <= innerHeight));
  assert.match(await tall.evaluate(() => getComputedStyle(document.querySelector('.article-page'), '::before').transform), /^matrix\(0,/);
  await tall.close();
});

test('an article lists the articles related to it: the same president\'s speeches first, then the party\'s; one click opens one', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(server.url('/sotu/#/article/sotu-1802-thomas-jefferson?q=army'));
  await page.locator('.related a').first().waitFor();
  assert.equal(await page.locator('.related h2').innerText(), 'Related articles');
  assert.equal(await page.locator('nav.related').getAttribute('aria-label'), 'Related articles');
  const titles = await page.locator('.related .neighbour-title').allInnerTexts();
  assert.equal(titles.length, 5);
  assert.deepEqual(titles.slice(0, 3), ['State of the Union, 1804', 'State of the Union, 1806', 'State of the Union, 1808']);
  assert.equal(await page.locator('.related .neighbour-label').first().innerText(), 'Jan 1, 1804');
  // The list the reader came from goes along (back to it, its matches marked, its order for previous / next).
  assert.match(await page.locator('.related a').first().getAttribute('href'), /#\/article\/sotu-1804-thomas-jefferson\?q=army$/);
  await page.locator('.related a').first().click();
  await page.waitForURL(/sotu-1804-thomas-jefferson\?q=army$/);
  await page.locator('h1.article-title', { hasText: 'State of the Union, 1804' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('h1.article-title'));
  await page.locator('.related .neighbour-title', { hasText: 'State of the Union, 1802' }).first().waitFor();
  assert.equal((await page.locator('.related .neighbour-title').allInnerTexts())[0], 'State of the Union, 1802');
  await page.goBack();
  await page.locator('h1.article-title', { hasText: 'State of the Union, 1802' }).waitFor();
  // An article that shares nothing with another (the seed, alone in its set) has no such list.
  await page.goto(server.url('/seed/#/article/000_7367aa27400e94e4'));
  await page.locator('h1.article-title').waitFor();
  assert.equal(await page.locator('.related').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the list says how far each article was read; a long article offers to continue where the reader left it', async () => {
  // A browser of its own: a log that the other tests' reading has not touched.
  const own = await launchBrowser();
  const { page, errors } = await newPage(own.context);
  await page.setViewportSize({ width: 800, height: 600 });
  const id = 'sotu-1906-theodore-roosevelt';
  const card = page.locator('.card', { has: page.locator(`a[href*="/article/${id}"]`) });
  const at = () => readingPlace(page.locator('.article-page'));
  const scrollTo = (f) => scrollThrough(page.locator('.article-page'), f);
  const saved = () => page.evaluate(() => localStorage.getItem('article-viewer.read') ?? '');

  await page.goto(server.url(`/sotu/#/article/${id}`));
  await page.locator('h1.article-title').waitFor();
  assert.equal(await page.locator('.resume').count(), 0, 'nothing to continue on a first visit');
  await scrollTo(0.4);
  await page.waitForFunction((id) => /:\d+/.test(localStorage.getItem('article-viewer.read') ?? '') && localStorage.getItem('article-viewer.read').includes(id), id);
  const left = await at();
  assert.ok(left >= 380 && left <= 420, `left at ${left}`);
  await page.goto(server.url('/sotu/#/?page=3')); // where its card is
  await card.locator('.meta-read').waitFor();
  assert.equal(await card.locator('.meta-read').innerText(), `${Math.floor(left / 10)}% read`);
  assert.equal(await page.locator('.meta-read').count(), 1, 'only the article opened');

  // Opened again: "Continue reading (40%)", which takes the reader back there.
  await card.locator('.card-title a').click();
  await page.locator('.resume button').waitFor();
  assert.equal(await page.locator('.resume button').innerText(), `Continue reading (${Math.floor(left / 10)}%)`);
  assert.ok((await at()) < 50, 'the article opens at its top');
  await page.locator('.resume button').click();
  await page.waitForFunction(() => document.querySelector('.resume') === null);
  const back = await at();
  assert.ok(Math.abs(back - left) <= 5, `continued at ${back}, left at ${left}`);

  // To the end: read, also after a reload.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction((id) => new RegExp(`${id}:\\d+!`).test(localStorage.getItem('article-viewer.read') ?? ''), id);
  await page.goto(server.url('/sotu/#/?page=3')); // where its card is
  await card.locator('.meta-read', { hasText: /^Read$/ }).waitFor();
  await page.reload();
  await card.locator('.meta-read', { hasText: /^Read$/ }).waitFor();
  assert.match(await saved(), new RegExp(`^${id}:\\d+!$`));
  // An article that fits in the window is read once shown.
  await page.setViewportSize({ width: 1280, height: 3000 });
  await page.goto(server.url('/seed/#/article/000_7367aa27400e94e4'));
  await page.locator('h1.article-title').waitFor();
  await page.waitForFunction(() => (localStorage.getItem('article-viewer.read') ?? '').startsWith('000_7367aa27400e94e4:1000!'));
  await page.goto(server.url('/seed/'));
  await page.locator('.card .meta-read', { hasText: /^Read$/ }).waitFor();
  // Forgotten from the Settings menu: the labels go at once, and the log with them.
  await openSettings(page);
  await page.locator('.forget-reading').click();
  await page.waitForFunction(() => document.querySelectorAll('.meta-read').length === 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('article-viewer.read')), null);
  await page.keyboard.press('Escape');
  await openSettings(page);
  assert.equal(await page.locator('.forget-reading').count(), 0, 'nothing left to forget');
  assert.deepEqual(errors, []);
  await own.close();
});

test('two tabs reading at once keep each other\'s places, and each list shows the other\'s as it changes', async () => {
  // A browser of its own (a fresh log), two tabs of the same site, each with an article open.
  const own = await launchBrowser();
  const [a, b] = [await newPage(own.context), await newPage(own.context)];
  const ids = ['sotu-1906-theodore-roosevelt', 'sotu-1872-ulysses-s-grant'];
  const saved = () => a.page.evaluate(() => localStorage.getItem('article-viewer.read') ?? '');
  const scrollTo = (page, f) => scrollThrough(page.locator('.article-page'), f);
  for (const [{ page }, id] of [[a, ids[0]], [b, ids[1]]]) {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(server.url(`/sotu/#/article/${id}`));
    await page.locator('h1.article-title').waitFor();
  }
  // Both have read the (empty) log by now. A reads to 40%, then B to 60%: B's save keeps A's place.
  await scrollTo(a.page, 0.4);
  await a.page.waitForFunction((id) => (localStorage.getItem('article-viewer.read') ?? '').includes(id), ids[0]);
  await scrollTo(b.page, 0.6);
  await b.page.waitForFunction((id) => (localStorage.getItem('article-viewer.read') ?? '').includes(id), ids[1]);
  // (Each tab sees another's writes a moment later: A's view is read once it has B's place.)
  await a.page.waitForFunction((id) => (localStorage.getItem('article-viewer.read') ?? '').includes(id), ids[1]);
  const log = await saved();
  assert.match(log, new RegExp(`^${ids[1]}:\\d+ ${ids[0]}:\\d+$`), 'both places, the latest first');
  // A's list shows how far B read (A reads the log again once B has changed it).
  await a.page.goto(server.url('/sotu/#/?q=1872'));
  const card = a.page.locator('.card', { has: a.page.locator(`a[href*="/article/${ids[1]}"]`) });
  await card.locator('.meta-read').waitFor();
  assert.equal(await card.locator('.meta-read').innerText(), `${Math.floor(Number(log.match(/:(\d+)/)[1]) / 10)}% read`);
  // B reads on: A's label follows, with nothing done in A.
  await scrollTo(b.page, 0.8);
  await a.page.waitForFunction((id) => {
    const at = Number((localStorage.getItem('article-viewer.read') ?? '').match(new RegExp(`${id}:(\\d+)`))?.[1] ?? 0);
    const card = [...document.querySelectorAll('.card')].find((c) => c.querySelector(`a[href*="/article/${id}"]`));
    return at >= 750 && card?.querySelector('.meta-read')?.textContent === `${Math.floor(at / 10)}% read`;
  }, ids[1]);
  // While A is hidden (the reader reads in B), B's reading does not render A again at each half percent: once,
  // when A is shown. (Hidden as the page sees it: its document says so, and tells of the change.)
  const label = () => card.locator('.meta-read').innerText();
  const before = await label();
  await a.page.evaluate(() => {
    window.storageEvents = 0;
    window.addEventListener('storage', () => { window.storageEvents += 1; });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const finished = (id) => new RegExp(`${id}:\\d+!`).test(localStorage.getItem('article-viewer.read') ?? '');
  await scrollTo(b.page, 1);
  await b.page.waitForFunction(finished, ids[1]);
  // (A function, not a string: the page's Content-Security-Policy forbids evaluating a string.)
  await a.page.waitForFunction((id) => window.storageEvents > 0
    && new RegExp(`${id}:\\d+!`).test(localStorage.getItem('article-viewer.read') ?? ''), ids[1]);
  // (Two frames: a render would have come by then.)
  await a.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await label(), before, 'not rendered again while hidden');
  await a.page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await card.locator('.meta-read', { hasText: 'Read' }).waitFor();
  // Forgotten in one tab: the other's list loses its labels too, with nothing done in it.
  await b.page.goto(server.url('/sotu/#/?q=1906'));
  await b.page.locator('.card .meta-read').first().waitFor();
  await openSettings(a.page);
  await a.page.locator('.forget-reading').click();
  await b.page.waitForFunction(() => document.querySelectorAll('.meta-read').length === 0);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await own.close();
});

test('unread only: offered once an article is read, leaves out what was read (also what is read from it), with its count; in the URL', async () => {
  const own = await launchBrowser();
  const { page, errors } = await newPage(own.context);
  await page.setViewportSize({ width: 1280, height: 900 });
  const titles = () => page.locator('.card-title a').allInnerTexts();
  const unread = page.locator('.filters .unread-only');
  await page.goto(server.url('/news/'));
  await page.locator('.card').first().waitFor();
  await openFilters(page);
  assert.equal(await unread.count(), 0, 'nothing read: nothing to leave out');
  // Two is read (it fits in the window: read once shown).
  await page.locator('.card-title a', { hasText: 'Two' }).click();
  await page.waitForFunction(() => (localStorage.getItem('article-viewer.read') ?? '').includes('n2:1000!'));
  await page.goBack();
  await page.locator('.card').first().waitFor();
  await openFilters(page);
  assert.equal(await unread.innerText(), 'Unread only\n3');
  assert.equal(await page.locator('.filters .facet[data-facet=source] .facet-value', { hasText: 'Even' }).locator('.facet-count').innerText(), '2');
  await unread.locator('input').check();
  await page.waitForURL(/unread=1/);
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 3);
  assert.deepEqual(await titles(), ['One', 'Three', 'Four']);
  assert.equal(await page.locator('.filters-active').innerText(), '1 active');
  // Facets count what is left.
  assert.equal(await page.locator('.filters .facet[data-facet=source] .facet-value', { hasText: 'Odd' }).locator('.facet-count').innerText(), '1');
  // Three, opened from the unread, is read: its neighbours are still those of the list it was opened from.
  await page.locator('.card-title a', { hasText: 'Three' }).click();
  await page.waitForFunction(() => (localStorage.getItem('article-viewer.read') ?? '').includes('n3:1000!'));
  assert.equal(await page.locator('.neighbour-prev .neighbour-title').innerText(), 'One');
  assert.equal(await page.locator('.neighbour-next .neighbour-title').innerText(), 'Four');
  // Back on the list, it is gone; reloaded, too.
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  assert.deepEqual(await titles(), ['One', 'Four']);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  await openFilters(page);
  assert.equal(await unread.innerText(), 'Unread only\n2');
  assert.equal(await unread.locator('input').isChecked(), true);
  // Cleared with the other filters.
  await page.locator('.clear-filters').click();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 4);
  assert.doesNotMatch(page.url(), /unread/);
  assert.deepEqual(errors, []);
  await own.close();
});

test('save for later: a toggle on the article, a label on its card, "saved only" with its count; kept, and followed by another tab', async () => {
  const own = await launchBrowser();
  const [a, b] = [await newPage(own.context), await newPage(own.context)];
  const { page } = a;
  await page.setViewportSize({ width: 1280, height: 900 });
  const titles = () => page.locator('.card-title a').allInnerTexts();
  const savedOnly = page.locator('.filters .saved-only');
  // B shows the list (its labels follow what A saves, with nothing done in it).
  await b.page.goto(server.url('/news/'));
  await b.page.locator('.card').first().waitFor();
  await page.goto(server.url('/news/'));
  await page.locator('.card').first().waitFor();
  await openFilters(page);
  assert.equal(await savedOnly.count(), 0, 'nothing saved: nothing to show');
  // Three and One saved from their pages: a toggle, pressed once saved (One by its key, s).
  for (const title of ['Three', 'One']) {
    await page.locator('.card-title a', { hasText: title }).click();
    const save = page.locator('.article-footer .save-button');
    assert.equal(await save.getAttribute('aria-pressed'), 'false');
    assert.equal(await save.innerText(), 'Save for later');
    if (title === 'One') {
      await page.locator('h1.article-title').waitFor();
      await page.keyboard.press('s');
    } else {
      await save.click();
    }
    await page.waitForFunction(() => document.querySelector('.save-button')?.getAttribute('aria-pressed') === 'true');
    await page.goBack();
    await page.locator('.card').first().waitFor();
  }
  assert.match(await page.evaluate(() => localStorage.getItem('article-viewer.saved')), /^n1 n3$/);
  // Their cards say so; "saved only" leaves them, in the list's order, with its count; in the URL. The header
  // links to them.
  assert.deepEqual(await page.locator('.card:has(.meta-saved) .card-title a').allInnerTexts(), ['One', 'Three']);
  await openFilters(page);
  assert.equal(await savedOnly.innerText(), 'Saved only\n2');
  assert.equal(await page.locator('.site-header .saved-link').innerText(), 'Saved (2)');
  await page.locator('.site-header .saved-link').click();
  await page.waitForURL(/saved=1/);
  assert.equal(await savedOnly.locator('input').isChecked(), true);
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  assert.deepEqual(await titles(), ['One', 'Three']);
  // The other tab's cards followed.
  await b.page.waitForFunction(() => document.querySelectorAll('.card .meta-saved').length === 2);
  // Let go from its page (opened from the saved: its neighbours stay those of that list), it leaves the list.
  await page.locator('.card-title a', { hasText: 'Three' }).click();
  await page.locator('.article-footer .save-button[aria-pressed="true"]').click();
  await page.waitForFunction(() => document.querySelector('.save-button')?.getAttribute('aria-pressed') === 'false');
  assert.equal(await page.locator('.neighbour-prev .neighbour-title').innerText(), 'One');
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  // Reloaded: still saved, still filtered.
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  assert.deepEqual(await titles(), ['One']);
  await b.page.waitForFunction(() => document.querySelectorAll('.card .meta-saved').length === 1);
  // All let go at once, from Settings: the list, the header link and the other tab's labels follow; the button goes.
  await openSettings(page);
  await page.locator('.forget-saved').click();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 0);
  assert.equal(await page.locator('.saved-link').count(), 0);
  await b.page.waitForFunction(() => document.querySelectorAll('.card .meta-saved').length === 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('article-viewer.saved')), null);
  assert.equal(await page.locator('.forget-saved').count(), 0);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await own.close();
});

test('a result\'s passage opens its article there: that match current, outlined in the middle of the window; n steps on from it', async () => {
  const { page, errors } = await newPage(browser.context);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(server.url('/sotu/#/?q=army%20navy'));
  // The passage the card shows (the one where both words begin a word) is a link to the article at its first match.
  const card = page.locator('.card', { has: page.locator('a[href*="sotu-1906-theodore-roosevelt"]') });
  const passage = card.locator('.excerpt a.excerpt-link');
  await passage.waitFor();
  assert.match(await passage.innerText(), /by the use of the Army and Navy/);
  const href = await passage.getAttribute('href');
  const params = new URLSearchParams(href.split('?')[1]);
  assert.equal(params.get('q'), 'army navy', href);
  assert.match(params.get('at'), /^match-\d+-\d+$/, href);
  await passage.click();
  await page.waitForURL(/#\/article\/sotu-1906-theodore-roosevelt\?/);
  const current = page.locator('.article-body mark[aria-current]');
  await current.waitFor();
  await page.waitForFunction(() => {
    const r = document.querySelector('.article-body mark[aria-current]')?.getBoundingClientRect();
    return r && r.top > innerHeight * 0.25 && r.bottom < innerHeight * 0.75;
  });
  // The match the passage began with, in the sentence the card showed; the focus is on it (a screen reader reads
  // on from there, Tab goes on from there), and it is outlined once (as the current match), not twice.
  assert.equal(await current.innerText(), 'Army');
  await page.waitForFunction(() => document.activeElement?.matches('.article-body mark[aria-current]'));
  assert.equal(await current.evaluate((m) => getComputedStyle(m).outlineStyle), 'solid');
  assert.match(await current.evaluate((m) => m.closest('.article-body > *').textContent), /by the use of the Army and Navy, to protect aliens/);
  // The bar says which match it is, and the next key goes on from there, not back to the first.
  const status = page.locator('.match-status');
  const [, n, count] = (await status.innerText()).match(/^Match (\d+) of (\d+)$/).map(Number);
  assert.ok(n > 1 && n < count, `${n} of ${count}`);
  const index = await current.evaluate((m) => [...document.querySelectorAll('.article-page mark')].indexOf(m));
  assert.equal(index + 1, n);
  await page.keyboard.press('n');
  await page.locator('.match-status', { hasText: `Match ${n + 1} of ${count}` }).waitFor();
  assert.equal(await current.evaluate((m) => [...document.querySelectorAll('.article-page mark')].indexOf(m)), index + 1);
  assert.ok(await current.evaluate((m) => document.activeElement === m), 'the focus went on with the key');
  assert.ok(await inWindow(current));
  // Opened as it is (the link reloaded), the article starts at the passage's match again, the focus on it.
  await page.reload();
  await page.waitForFunction((i) => {
    const m = document.querySelectorAll('.article-page mark')[i];
    return m?.getAttribute('aria-current') === 'true' && document.activeElement === m;
  }, index);
  // An article whose matches are only in its summary or title has no such link: the title is the way in.
  await page.goto(server.url('/sotu/#/?q=1906'));
  await card.locator('.card-title a').waitFor();
  assert.equal(await card.locator('.excerpt a').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
