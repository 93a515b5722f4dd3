import { startServer, launchBrowser, newPage, BLOCKS_SET, BLOCKS_FILES } from './support.mjs';
const server = await startServer({ '/blocks/': { articles: BLOCKS_SET, files: BLOCKS_FILES } });
for (const [name, phone, theme] of [['zoom-phone', true, 'light'], ['zoom-desk', false, 'dark']]) {
  const b = await launchBrowser({ phone });
  const { page } = await newPage(b.context);
  if (!phone) await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url('/blocks/'));
  await page.locator('.card').first().waitFor();
  await page.evaluate((t) => localStorage.setItem('article-viewer.theme', t), theme);
  await page.goto(server.url('/blocks/#/article/howto'));
  await page.locator('.image-zoom').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shot-${name}-0.png` });
  await page.locator('.image-zoom').click();
  await page.locator('dialog.image-view').waitFor();
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  await b.close();
}
server.close();
