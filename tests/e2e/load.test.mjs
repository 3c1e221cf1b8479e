// Issue 4 (1): the first load. The page gets ready, shows the 2030 headline figures and the
// three charts, logs no error, and asks nothing of any other origin.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openPage, ready, figures, checkFigures, fragment, cliParams, samplingText,
  HEADLINE_METRICS, TIMEOUT,
} from './support.mjs';

const site = useSite();

describe('first load', () => {
  test('gets ready with the 2030 figures, the charts, the sliders, no error and no foreign request', async () => {
    const { context, page, log } = await openPage(site.browser);
    try {
      const started = Date.now();
      await page.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(page, TIMEOUT);
      const readyMs = Date.now() - started;
      assert.ok(readyMs < TIMEOUT, `ready in ${readyMs} ms`);

      // The headline: every metric, for the default year, finite and ordered.
      const list = await figures(page);
      checkFigures(assert, list, 2030);
      const shown = list.map((f) => f.metric).sort();
      assert.deepEqual(shown, [...HEADLINE_METRICS].sort(), 'exactly the headline metrics are shown once each');
      for (const metric of HEADLINE_METRICS) {
        assert.ok(await page.locator(`[data-metric="${metric}"]`).isVisible(), `${metric} is visible`);
      }
      assert.equal(await page.getAttribute('[data-year-button="2030"]', 'aria-pressed'), 'true', '2030 is the selected year');

      // The three charts, drawn.
      for (const id of ['chart-demand-supply', 'chart-segments', 'chart-tornado']) {
        const chart = page.locator(`svg#${id}`);
        assert.equal(await chart.count(), 1, `svg#${id} is on the page`);
        assert.ok(await chart.isVisible(), `svg#${id} is visible`);
        const shapes = await chart.locator('path, rect, line, circle, polyline, polygon').count();
        assert.ok(shapes > 3, `svg#${id} draws something (${shapes} shapes)`);
        const box = await chart.boundingBox();
        assert.ok(box.width > 100 && box.height > 50, `svg#${id} has a size (${box.width}×${box.height})`);
      }

      // One slider per parameter, exactly the CLI's keys, each with its number box and reset.
      const keys = (await cliParams()).map((p) => p.key).sort();
      const sliders = (await page.$$eval('input[type=range][data-param]', (els) => els.map((el) => el.dataset.param))).sort();
      assert.deepEqual(sliders, keys, 'the sliders are exactly the parameters of `compute-demand params`');
      assert.equal(await page.locator('.param input.number:not(.bound)').count(), keys.length, 'a number box per parameter');
      assert.equal(await page.locator('.param .reset').count(), keys.length, 'a reset button per parameter');

      // The baseline: its link, its sampling, no notice, the boot message gone.
      assert.equal(await fragment(page), 'v1', 'the baseline link is #v1');
      assert.match(await samplingText(page), /^10000 (samples|draws) · seed 20240513$/);
      assert.equal(await page.locator('.notices .notice').count(), 0, 'no notice on a clean load');
      assert.equal(await page.locator('#loading').isVisible(), false, 'the "Loading the model…" message is gone');
      assert.equal(await page.locator('#fatal').count(), 0, 'no crash banner');

      // A strict CSP is in the page.
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.ok(csp && /default-src 'none'/.test(csp), `a strict CSP meta tag: ${csp}`);

      // Nothing left the origin; nothing went wrong.
      await page.waitForLoadState('load');
      assert.deepEqual(log.foreign(site.origin), [], 'no request to another origin');
      assert.ok(log.requests.some((u) => u.endsWith('.wasm')), 'the wasm came from this origin');
      assert.deepEqual(log.errors, [], 'no console error and no page error');
    } finally {
      await context.close();
    }
  });

  test('a crash (a WebAssembly trap) shows the banner; other errors do not', async () => {
    // The release bundle aborts on a panic: the trap reaches the page as an uncaught
    // WebAssembly.RuntimeError, from an event handler or from a promise (Yew's scheduler).
    const { context, page } = await openPage(site.browser);
    try {
      await page.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(page, TIMEOUT);
      await page.evaluate(() => { setTimeout(() => { throw new TypeError('not ours'); }); });
      await page.evaluate(() => Promise.reject(new Error('not ours either')).catch(() => {}) && new Promise((r) => setTimeout(r, 50)));
      assert.equal(await page.locator('#fatal').count(), 0, 'no banner for an error that is not a trap');

      await page.evaluate(() => { setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }); });
      const banner = page.locator('#fatal[role="alert"]');
      await banner.waitFor();
      assert.match(await banner.textContent(), /^Something went wrong and the calculator stopped\. Reload the page.*\(unreachable\)$/);

      // A second trap (here from a promise) adds no second banner.
      await page.evaluate(() => { Promise.reject(new WebAssembly.RuntimeError('unreachable')); });
      await page.waitForTimeout(100);
      assert.equal(await page.locator('#fatal').count(), 1, 'one banner');
    } finally {
      await context.close();
    }
  });

  test('a trap from a promise shows the banner, in French on a French page', async () => {
    const { context, page } = await openPage(site.browser);
    try {
      await page.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(page, TIMEOUT);
      await page.evaluate(() => { document.documentElement.lang = 'fr'; Promise.reject(new WebAssembly.RuntimeError('unreachable')); });
      await page.locator('#fatal').waitFor();
      assert.match(await page.locator('#fatal').textContent(), /^Une erreur a arrêté le calculateur\. Rechargez la page pour recommencer\u202f; votre scénario est dans la barre d'adresse\. \(unreachable\)$/);
    } finally {
      await context.close();
    }
  });

  test('the served files have the right MIME types', async () => {
    const index = await fetch(site.url);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    const html = await index.text();
    const wasm = html.match(/href="\.?\/?([^"]+\.wasm)"/)?.[1];
    const js = html.match(/from '\.\/([^']+\.js)'/)?.[1];
    const css = html.match(/href="\.?\/?([^"]+\.css)"/)?.[1];
    assert.ok(wasm && js && css, 'index.html names its wasm, js and css');
    assert.equal((await fetch(site.url + wasm)).headers.get('content-type'), 'application/wasm');
    assert.match((await fetch(site.url + js)).headers.get('content-type'), /^text\/javascript/);
    assert.match((await fetch(site.url + css)).headers.get('content-type'), /^text\/css/);
  });
});
