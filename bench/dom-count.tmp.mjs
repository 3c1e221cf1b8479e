import { startServer, launch, ready, SITE_DIR } from '../tests/e2e/support.mjs';
const server = await startServer(SITE_DIR);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url + '#v1', { waitUntil: 'domcontentloaded' });
await ready(page, 60000);
const r = await page.evaluate(() => {
  const all = document.querySelectorAll('*').length;
  const closed = [...document.querySelectorAll('details:not([open])')].map((d) => [d.className || d.querySelector('summary')?.textContent.slice(0, 30), d.querySelectorAll('*').length]);
  const big = [...document.querySelectorAll('body > * , main > *, .app > *, .controls > *, section')].map((e) => [e.tagName + '.' + e.className, e.querySelectorAll('*').length]).filter((x) => x[1] > 80);
  return { all, closedTotal: closed.reduce((a, b) => a + b[1], 0), closedCount: closed.length, topClosed: closed.sort((a, b) => b[1] - a[1]).slice(0, 8), big };
});
console.log(JSON.stringify(r, null, 1));
await browser.close();
process.exit(0);
