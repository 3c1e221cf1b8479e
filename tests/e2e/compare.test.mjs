// Issue 11 (4): compare two scenarios. A pin keeps the current scenario as the reference:
// every headline figure then shows its change against it, the charts draw it, and the link
// carries it. Reset all goes back to the chosen preset; a scenario restored from an earlier
// visit says so, with a way back to the baseline.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, openPage, ready, attr, figures, fragment, waitForFragment, waitForChange,
  quiet, relDiff, slideTo, HEADLINE_METRICS, TIMEOUT,
} from './support.mjs';

const site = useSite();

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const GROWTH = 'training.frontier.growth';
const RUNS = 'training.frontier.runs_per_year';

/** Clicks the pin and waits until it says `pressed`. */
async function pin(page, pressed) {
  const button = page.locator('[data-action=pin]');
  assert.equal(await button.count(), 1, 'one [data-action=pin]');
  await button.click();
  await page.waitForFunction(
    (pressed) => document.querySelector('[data-action=pin]')?.getAttribute('aria-pressed') === String(pressed),
    pressed,
  );
}

/** Every headline figure's delta: { metric: { raw, value, text } } (null where there is none). */
async function deltas(page) {
  return page.$$eval('[data-metric][data-year]', (els) => Object.fromEntries(els.map((el) => {
    const d = el.querySelector('[data-delta]');
    return [el.dataset.metric, d ? { raw: d.getAttribute('data-delta'), value: Number(d.getAttribute('data-delta')), text: d.textContent.trim() } : null];
  })));
}

/**
 * Checks the deltas against the pinned and current figures: each figure has one, its value is
 * current − pinned (p50; for the probability of a shortfall, shown as its mean, the mean is
 * accepted too), and a non-zero change reads as a signed value with a percentage.
 */
function checkDeltas(pinned, current, shown) {
  const before = new Map(pinned.map((f) => [f.metric, f]));
  const now = new Map(current.map((f) => [f.metric, f]));
  for (const metric of HEADLINE_METRICS) {
    const d = shown[metric];
    assert.ok(d, `${metric} shows a [data-delta]`);
    assert.ok(d.raw !== null && d.raw !== '' && Number.isFinite(d.value), `${metric} data-delta="${d.raw}" is a number`);
    const p = before.get(metric);
    const c = now.get(metric);
    const byP50 = relDiff(p.p50 + d.value, c.p50) < 1e-9;
    const byMean = metric === 'demand_exceeds_supply' && relDiff(p.mean + d.value, c.mean) < 1e-9;
    assert.ok(byP50 || byMean, `${metric}: pinned p50 ${p.raw.p50} + delta ${d.raw} = current p50 ${c.raw.p50}`);
    if (d.value !== 0) {
      assert.match(d.text, d.value > 0 ? /\+/ : /[−-]/, `${metric}: the change is signed: "${d.text}"`);
      if ((byP50 ? p.p50 : p.mean) !== 0) assert.match(d.text, /%/, `${metric}: the change has a percentage: "${d.text}"`);
    }
  }
}

/** Charts in the results and how many pinned series each draws. */
async function pinnedSeries(page) {
  return page.$$eval('.results svg[id^="chart-"]', (els) => Object.fromEntries(els.map((svg) => [svg.id, svg.querySelectorAll('[data-series="pinned"]').length])));
}

describe('pin and compare', () => {
  test('a pinned scenario: every figure shows its change, the chart draws it, the link carries it, and unpinning removes it all', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    let link;
    let shown;
    try {
      await quiet(page);
      await pin(page, true);
      const pinned = await figures(page);
      const before = await attr(page, 'facility_power_mw');
      await slideTo(page, GROWTH, 3);
      await waitForChange(page, 'facility_power_mw', before);
      await waitForFragment(page, `${GROWTH}=`);
      await quiet(page);
      const current = await figures(page);
      shown = await deltas(page);
      checkDeltas(pinned, current, shown);
      assert.ok(shown.facility_power_mw.value > 0, `faster growth: facility power up (${shown.facility_power_mw.raw})`);

      // The outcome views (a second module) draw the pinned scenario once they have rerun it.
      await page.locator('#outcome').scrollIntoViewIfNeeded();
      await page.waitForSelector('#chart-exceedance [data-series="pinned"]', { timeout: 60_000 });
      assert.match(await page.locator('#outcome [data-chance]').textContent(), /Pinned scenario: [0-9.]+%\./);
      const series = await pinnedSeries(page);
      assert.ok(series['chart-demand-supply'] >= 1, `the demand-vs-supply chart draws the pinned scenario: ${JSON.stringify(series)}`);
      assert.ok(Object.keys(series).length >= 3, `the charts: ${Object.keys(series)}`);
      for (const [id, n] of Object.entries(series)) assert.ok(n >= 1, `${id} draws the pinned scenario ([data-series="pinned"]): ${JSON.stringify(series)}`);
      // The rank tornado draws the pinned scenario's correlations too.
      await page.locator('[data-method=rank]').click();
      await page.waitForFunction(() => document.querySelector('svg#chart-tornado .rank [data-series="pinned"]'));
      await page.locator('[data-method=oat]').click();
      await page.waitForFunction(() => !document.querySelector('svg#chart-tornado .rank'));

      link = await fragment(page);
      assert.match(link, /(^|&)pin=/, `the link carries the pin: ${link}`);
      assert.equal(await page.getAttribute('[data-action=pin]', 'aria-pressed'), 'true');

      // Unpin.
      await pin(page, false);
      await page.waitForFunction(() => document.querySelectorAll('[data-delta]').length === 0);
      await page.waitForFunction(() => document.querySelector('#chart-exceedance:not(:has([data-series="pinned"]))'), null, { timeout: 60_000 });
      assert.equal(await page.locator('[data-series="pinned"]').count(), 0, 'no pinned series');
      await page.waitForFunction(() => !/(^|&)pin=/.test(location.hash.slice(1)));
      assert.doesNotMatch(await fragment(page), /(^|&)pin=/, 'no pin in the link');
      assert.match(await fragment(page), new RegExp(`${GROWTH.replace(/\./g, '\\.')}=`), 'the moved slider stays');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }

    // The link opens with the pin and the same changes.
    const again = await openApp(site.browser, `${site.url}#${link}`, DESKTOP);
    try {
      await quiet(again.page);
      await again.page.waitForFunction(() => document.querySelectorAll('[data-metric][data-year] [data-delta]').length > 0);
      assert.equal(await again.page.getAttribute('[data-action=pin]', 'aria-pressed'), 'true', 'the pin is on');
      const reopened = await deltas(again.page);
      for (const metric of HEADLINE_METRICS) {
        assert.ok(reopened[metric], `${metric} shows its change after opening the link`);
        assert.ok(relDiff(reopened[metric].value, shown[metric].value) < 1e-9, `${metric}: the same change (${reopened[metric].raw} vs ${shown[metric].raw})`);
      }
      assert.ok((await pinnedSeries(again.page))['chart-demand-supply'] >= 1, 'the chart draws the pinned scenario');
      assert.equal(await fragment(again.page), link, 'the link is kept as given');
      assert.deepEqual(again.log.errors, []);
    } finally {
      await again.context.close();
    }
  });

  test('pin the low preset, choose high: facility power is up', async () => {
    const { context, page } = await openApp(site.browser, site.url, DESKTOP);
    try {
      let before = await attr(page, 'facility_power_mw');
      await page.selectOption('select#preset', 'low');
      before = await waitForChange(page, 'facility_power_mw', before);
      await quiet(page);
      await pin(page, true);
      const pinned = await figures(page);
      await page.selectOption('select#preset', 'high');
      await waitForChange(page, 'facility_power_mw', before);
      await waitForFragment(page, /p=high/);
      await quiet(page);
      const shown = await deltas(page);
      checkDeltas(pinned, await figures(page), shown);
      assert.ok(shown.facility_power_mw.value > 0, `high − low facility power > 0 (${shown.facility_power_mw.raw}, "${shown.facility_power_mw.text}")`);
      assert.match(shown.facility_power_mw.text, /\+/);
    } finally {
      await context.close();
    }
  });
});

describe('reset all and the restored scenario', () => {
  for (const preset of ['baseline', 'high']) {
    test(`reset all returns to the ${preset} preset's defaults`, async () => {
      const hash = preset === 'baseline' ? '' : `#v1&p=${preset}`;
      const expected = preset === 'baseline' ? /^v1$/ : new RegExp(`^v1&p=${preset}$`);
      const fresh = await openApp(site.browser, site.url + hash, DESKTOP);
      let baseline;
      try {
        await quiet(fresh.page);
        baseline = await figures(fresh.page);
      } finally {
        await fresh.context.close();
      }
      const { context, page, log } = await openApp(site.browser, site.url + hash, DESKTOP);
      try {
        let before = await attr(page, 'facility_power_mw');
        await slideTo(page, GROWTH, 3);
        before = await waitForChange(page, 'facility_power_mw', before);
        await slideTo(page, RUNS, 8);
        await waitForChange(page, 'facility_power_mw', before);
        const moved = await waitForFragment(page, new RegExp(`${RUNS.replace(/\./g, '\\.')}=`));
        assert.match(moved, new RegExp(`${GROWTH.replace(/\./g, '\\.')}=`), `both sliders are in the link: ${moved}`);
        const reset = page.locator('[data-action=reset-all]');
        assert.ok((await reset.count()) >= 1, 'a [data-action=reset-all]');
        await reset.first().click();
        await waitForFragment(page, expected);
        await quiet(page);
        assert.match(await fragment(page), expected);
        assert.equal(await page.inputValue('select#preset'), preset, 'the preset stays');
        assert.deepEqual(await figures(page), baseline, `the fresh ${preset} figures exactly`);
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('a bare visit that restores the last scenario says so and offers reset all; a link does not', async () => {
    const { context, page, log } = await openPage(site.browser, DESKTOP);
    try {
      await page.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(page);
      await quiet(page);
      const baseline = await figures(page);
      assert.equal(await page.locator('[data-restored]').count(), 0, 'nothing restored on a first visit');
      const before = await attr(page, 'facility_power_mw');
      await slideTo(page, GROWTH, 3);
      await waitForChange(page, 'facility_power_mw', before);
      const link = await waitForFragment(page, `${GROWTH}=`);
      await page.waitForFunction((link) => localStorage.getItem('compute-demand/scenario') === link, link);

      // A link with a fragment restores nothing, so says nothing (though another scenario is kept).
      const linked = await context.newPage();
      linked.setDefaultTimeout(TIMEOUT);
      await linked.goto(`${site.url}#v1&${RUNS}=4`, { waitUntil: 'domcontentloaded' });
      await ready(linked);
      await quiet(linked);
      assert.equal(await fragment(linked), `v1&${RUNS}=4`);
      assert.equal(await linked.locator('[data-restored]').count(), 0, 'no [data-restored] when the link says what to show');
      await linked.close();
      const kept = await page.evaluate(() => localStorage.getItem('compute-demand/scenario'));
      assert.ok(kept && kept !== 'v1', `a changed scenario is kept: ${kept}`);

      // The plain address, in a new page of the same browser: the kept scenario, and a notice.
      const bare = await context.newPage();
      bare.setDefaultTimeout(TIMEOUT);
      await bare.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(bare);
      await quiet(bare);
      assert.equal(await fragment(bare), kept, 'the last scenario is back');
      const notice = bare.locator('[data-restored]');
      await notice.waitFor({ state: 'visible' });
      assert.ok((await notice.innerText()).trim().length > 0, 'the notice says something');
      const reset = notice.locator('[data-action=reset-all]');
      assert.equal(await reset.count(), 1, 'the notice holds a reset-all button');
      await reset.click();
      await waitForFragment(bare, /^v1$/);
      await quiet(bare);
      assert.deepEqual(await figures(bare), baseline, 'the baseline figures');
      await bare.close();
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});
