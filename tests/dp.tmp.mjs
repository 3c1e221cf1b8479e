import { startServer, launch, ready, SITE_DIR } from '../tests/e2e/support.mjs';
const server = await startServer(SITE_DIR);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url, { waitUntil: 'domcontentloaded' });
await ready(page, 60000);
const r = await page.evaluate(async () => {
  const input = document.querySelector('input[type=range][data-param="training.frontier.growth"]');
  const values = ['2.5', '3', '2', '3.5'];
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (let i = 0; i < 10; i++) { input.value = values[i % 4]; input.dispatchEvent(new Event('input', { bubbles: true })); await nextFrame(); await nextFrame(); }
  performance.clearMeasures();
  const totals = [];
  for (let i = 0; i < 30; i++) {
    input.value = values[i % 4];
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t1 = performance.now();
    totals.push(t1 - t0);
    await nextFrame(); await nextFrame();
  }
  const by = {};
  for (const m of performance.getEntriesByType('measure')) { (by[m.name] ??= []).push(m.duration); }
  const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
  const out = { dispatch: med(totals) };
  for (const [k, v] of Object.entries(by)) out[k] = [v.length, med(v)];
  return out;
});
console.log(JSON.stringify(r, null, 1));
await browser.close();
server.close?.();
process.exit(0);
