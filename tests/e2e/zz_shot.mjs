import { startServer, launchBrowser, newPage, corpus } from './support.mjs';
const server = await startServer({ '/p/': { articles: corpus('poetry-mixed.json') }, '/e/': { articles: corpus('sotu-even-years.json') }, '/s/': {} });
const shots = JSON.parse(process.argv[2]);
for (const [name, url, phone, action] of shots) {
  const b = await launchBrowser({ phone });
  const { page, errors } = await newPage(b.context);
  if (!phone) await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url(url));
  await page.locator('.card, .article-page, .empty, .error').first().waitFor();
  if (action) await eval(action);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  if (errors.length) console.log(name, errors);
  await b.close();
}
server.close();
