import { startServer, launch, ready } from './e2e/support.mjs';
const server = await startServer(process.env.SITE_DIR);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url, { waitUntil: 'domcontentloaded' });
await ready(page, 60000);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.evaluate(async () => {
  const input = document.querySelector('input[type=range][data-param="training.frontier.growth"]');
  const values = ['2.5', '3', '2', '3.5'];
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (let i = 0; i < 60; i++) { input.value = values[i % 4]; input.dispatchEvent(new Event('input', { bubbles: true })); await nextFrame(); }
});
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
const counts = new Map();
profile.samples.forEach((id, i) => { counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)); });
for (const [id, t] of counts) { const n = byId.get(id); const name = n.callFrame.functionName || n.callFrame.url.slice(-30); self.set(name, (self.get(name) ?? 0) + t); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${(100 * v / total).toFixed(1)}% ${k.slice(0, 150)}`).join('\n'));
await browser.close(); server.stop?.(); process.exit(0);
