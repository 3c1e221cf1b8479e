import { startServer, launch, ready, SITE_DIR } from '../tests/e2e/support.mjs';
const server = await startServer(SITE_DIR);
const browser = await launch();
const frag = process.env.FRAG ?? 'v1';
for (let round = 0; round < 2; round++) {
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await page.addInitScript(() => {
  window.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
await cdp.send('Profiler.start');
await page.goto(server.url + '#' + frag, { waitUntil: 'domcontentloaded' });
await ready(page, 60000);
await page.waitForTimeout(800);
const { profile } = await cdp.send('Profiler.stop');
const tasks = await page.evaluate(() => window.__tasks);
const measures = await page.evaluate(() => [...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tmp')), ...performance.getEntriesByType('measure')].map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration * 10) / 10]));
console.log('long tasks', JSON.stringify(tasks));
console.log('measures', JSON.stringify(measures));
// self time by function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
if (round == 1) for (const [k, v] of top) console.log(v.toFixed(1).padStart(7), k);
await context.close();
}
await browser.close();
process.exit(0);
