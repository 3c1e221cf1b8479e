import { startServer, launch, ready, SITE_DIR } from '../tests/e2e/support.mjs';
const server = await startServer(SITE_DIR);
const browser = await launch();
const frag = process.env.FRAG ?? 'v1';
for (let round = 0; round < Number(process.env.N ?? 4); round++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url + '#' + frag, { waitUntil: 'domcontentloaded' });
  await ready(page, 60000);
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.__tasks);
  const m = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.startTime < 1000).slice(0, 14).map((m) => `${m.name.replace('compute-demand:', '')}@${Math.round(m.startTime)}+${Math.round(m.duration)}`));
  console.log(JSON.stringify(tasks), m.join(' '));
  await context.close();
}
await browser.close();
process.exit(0);
