// Issue 14 in the app: the correlations between assumptions (a slider, a reset and the rationale
// per pair in force, a pair of one's own, the notice for a pair on a single value), and the
// tornado's two methods (one at a time; rank correlation over the draws, as the CLI gives it).
// Nothing here counts the parameters or the default pairs: the data files decide those.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, openGroups, figures, fragment, waitForFragment, settled, notices, cli, relDiff,
} from './support.mjs';

const site = useSite();

/** The pairs on screen: [{pair, rho, ignored}]. */
async function pairRows(page) {
  return page.$$eval('[data-correlation]', (els) =>
    els.map((el) => ({
      pair: el.dataset.correlation,
      rho: Number(el.querySelector('input[type=range]').value),
      ignored: el.dataset.ignored === 'true',
    })),
  );
}

/** A pair that acts on the draws: neither of its parameters is a single value. */
async function activePair(page) {
  const rows = await pairRows(page);
  assert.ok(rows.length > 0, 'the default pairs are listed');
  const row = rows.find((r) => !r.ignored);
  assert.ok(row, `a pair whose parameters are both uncertain: ${JSON.stringify(rows)}`);
  return row;
}

/** Every 2030 figure's tails, as text, to see whether any of them moved. */
async function tails(page) {
  return page.evaluate(() =>
    JSON.stringify([...document.querySelectorAll('[data-metric][data-year="2030"]')]
      .map((el) => [el.dataset.metric, el.dataset.p5, el.dataset.p95])),
  );
}

/** The keys of the parameters whose value is a range (not a single value). */
async function uncertainKeys(page) {
  return page.$$eval('.param', (els) =>
    els.filter((el) => el.querySelector('.param-range select').value !== 'point')
      .map((el) => el.querySelector('input[type=range][data-param]').dataset.param),
  );
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('correlations', () => {
  test('every pair in force has a slider from −1 to 1, a box, a reset and, for a default pair, its rationale and evidence', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    await openGroups(page);
    try {
      const section = page.locator('details.group[data-group="correlations"]');
      assert.equal(await section.count(), 1, 'one correlation section');
      const groups = await page.$$eval('aside.controls details.group', (els) => els.map((el) => el.dataset.group));
      assert.equal(groups.at(-1), 'correlations', `the section comes after the parameter groups: ${groups}`);
      const rows = await pairRows(page);
      assert.ok(rows.length > 0);
      for (const { pair } of rows) {
        const row = section.locator(`[data-correlation="${pair}"]`);
        const slider = row.locator(`input[type=range][data-corr="${pair}"]`);
        assert.deepEqual(
          [await slider.getAttribute('min'), await slider.getAttribute('max'), await slider.getAttribute('step')],
          ['-1', '1', '0.05'],
          `${pair}: a slider from −1 to 1 in steps of 0.05`,
        );
        assert.equal(await row.locator('input.number').count(), 1, `${pair}: a number box`);
        assert.equal(await row.locator(`[data-corr-reset="${pair}"]`).isDisabled(), true, `${pair}: at its default, nothing to reset`);
        const [a, b] = pair.split(',');
        const labels = (await row.locator('.corr-pair').textContent()).trim();
        for (const key of [a, b]) {
          const label = (await page.locator(`.param:has([data-param="${key}"]) .param-head label`).textContent()).trim();
          assert.ok(labels.includes(label), `${pair} names ${key} as "${label}": ${labels}`);
        }
        // The rationale comes with the source texts, fetched after the first render.
        await row.locator('.corr-why [data-rationale]').waitFor();
        assert.ok((await row.locator('.corr-why [data-rationale]').textContent()).trim().length > 20, `${pair}: a rationale`);
        assert.ok((await row.locator('.corr-why').getAttribute('title')).length > 10, `${pair}: its source on hover`);
        assert.match(await row.locator('.corr-why').getAttribute('data-evidence'), /^(published|derived|judgement)$/, `${pair}: its evidence`);
        assert.equal(await row.locator('.corr-why .evidence').count(), 1, `${pair}: an evidence badge`);
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('moving a slider puts the pair in the link and moves a 2030 tail; reset gives the baseline back', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    await openGroups(page);
    try {
      await settled(page);
      const baseline = await figures(page);
      const before = await tails(page);
      const { pair, rho } = await activePair(page);
      const target = rho >= 0 ? '-0.9' : '0.9';
      await page.locator(`input[type=range][data-corr="${pair}"]`).fill(target);
      const link = await waitForFragment(page, `c=${pair},`);
      assert.match(link, new RegExp(`(^|&)c=${escape(pair)},${escape(target)}(&|$)`), `the link carries the pair: ${link}`);
      await page.waitForFunction(
        (was) => JSON.stringify([...document.querySelectorAll('[data-metric][data-year="2030"]')]
          .map((el) => [el.dataset.metric, el.dataset.p5, el.dataset.p95])) !== was,
        before,
      );
      await settled(page);
      assert.notEqual(await tails(page), before, 'a p5 or a p95 of 2030 moved');
      const row = page.locator(`[data-correlation="${pair}"]`);
      assert.equal(Number(await row.locator('input.number').inputValue()), Number(target), 'the box follows the slider');

      const reset = row.locator(`[data-corr-reset="${pair}"]`);
      assert.equal(await reset.isEnabled(), true, 'a moved pair can be reset');
      await reset.click();
      await waitForFragment(page, /^v1$/);
      await settled(page);
      assert.deepEqual(await figures(page), baseline, 'the reset gives back the baseline figures exactly');
      assert.equal(Number(await row.locator('input[type=range]').inputValue()), rho, 'the slider is back at the default');
      assert.deepEqual(await notices(page), []);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a pair of one\'s own is added, carried by the link, and removed by its reset', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    await openGroups(page);
    try {
      const listed = new Set((await pairRows(page)).map((r) => r.pair));
      const keys = await uncertainKeys(page);
      let chosen;
      for (const a of keys) {
        const b = keys.find((k) => k !== a && !listed.has(`${a},${k}`) && !listed.has(`${k},${a}`));
        if (b) {
          chosen = [a, b];
          break;
        }
      }
      assert.ok(chosen, 'two uncertain parameters that are not a default pair');
      const [a, b] = chosen;
      await page.selectOption('select[data-corr-param=a]', a);
      await page.selectOption('select[data-corr-param=b]', b);
      await page.fill('input[data-corr-param=rho]', '0.7');
      await page.click('[data-action=add-correlation]');
      const row = page.locator(`[data-correlation="${a},${b}"], [data-correlation="${b},${a}"]`);
      await row.waitFor();
      const pair = await row.getAttribute('data-correlation');
      assert.equal(Number(await row.locator('input[type=range]').inputValue()), 0.7);
      assert.equal((await pairRows(page)).length, listed.size + 1, 'one more pair in force');
      assert.equal(await row.locator('.corr-why').count(), 0, 'a pair of one\'s own has no rationale');
      await waitForFragment(page, `c=${pair},0.7`);
      await settled(page);

      // A refusal names what was wrong and changes nothing.
      await page.selectOption('select[data-corr-param=b]', a);
      await page.click('[data-action=add-correlation]');
      await page.locator('.notices .notice-error').first().waitFor();
      assert.match((await notices(page)).join('\n'), /correlation .*two different parameters/);
      assert.equal((await pairRows(page)).length, listed.size + 1);

      await row.locator(`[data-corr-reset="${pair}"]`).click();
      await waitForFragment(page, /^v1$/);
      assert.equal(await row.count(), 0, 'the reset removes a pair of one\'s own');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a pair on a parameter with a single value is ignored, and the section says so', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    await openGroups(page);
    try {
      assert.equal(await page.locator('[data-correlation-notice]').count(), 0, 'nothing to say about the baseline\'s pairs');
      const { pair, rho } = await activePair(page);
      if (rho === 0) {
        await page.locator(`input[type=range][data-corr="${pair}"]`).fill('0.5');
        await waitForFragment(page, `c=${pair},`);
      }
      const key = pair.split(',')[0];
      await page.locator(`.param:has([data-param="${key}"]) .param-range select`).selectOption('point');
      const notice = page.locator('[data-correlation-notice]').first();
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text, /correlation/, `the notice says "correlation": ${text}`);
      assert.ok(text.includes(key), `the notice names ${key}: ${text}`);
      assert.equal(await page.getAttribute(`[data-correlation="${pair}"]`, 'data-ignored'), 'true', 'the pair is marked');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('tornado methods', () => {
  test('one at a time by default; rank draws the CLI\'s rank correlations on −1..1; each says what it is', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    await openGroups(page);
    try {
      const oat = page.locator('[data-method=oat]');
      const rank = page.locator('[data-method=rank]');
      assert.equal(await oat.getAttribute('aria-pressed'), 'true');
      assert.equal(await rank.getAttribute('aria-pressed'), 'false');
      const oatNote = (await page.locator('[data-method-note="oat"]').textContent()).trim();
      assert.match(oatNote, /5th.*95th.*medians/, `the one-at-a-time note: ${oatNote}`);

      await rank.click();
      await page.locator('[data-method-note="rank"]').waitFor();
      assert.equal(await rank.getAttribute('aria-pressed'), 'true');
      assert.equal(await oat.getAttribute('aria-pressed'), 'false');
      const rankNote = (await page.locator('[data-method-note="rank"]').textContent()).trim();
      assert.match(rankNote, /Spearman.*draws.*correlations/, `the rank note: ${rankNote}`);
      assert.equal(await page.locator('[data-method-note="oat"]').count(), 0, 'one note at a time');

      const bars = page.locator('svg#chart-tornado rect[data-rho]');
      await bars.first().waitFor();
      const drawn = await page.$$eval('svg#chart-tornado g.swing', (els) =>
        els.map((el) => ({ key: el.dataset.key, rho: Number(el.querySelector('rect[data-rho]').dataset.rho) })));
      assert.ok(drawn.length > 0, 'rank bars are drawn');
      assert.match(await page.locator('svg#chart-tornado').textContent(), /−1.*0.*1/s, 'a −1..1 axis');
      await settled(page);
      const expected = JSON.parse(await cli(['sensitivity', '--method', 'rank', '--metric', 'facility_power_mw', '--year', '2030', '--format', 'json']));
      for (const [i, bar] of drawn.entries()) {
        assert.equal(bar.key, expected[i].key, `bar ${i} is the CLI's ${i}th strongest`);
        assert.ok(relDiff(bar.rho, expected[i].rho) < 1e-9, `${bar.key}: app ρ ${bar.rho} vs CLI ${expected[i].rho}`);
        assert.ok(bar.rho >= -1 && bar.rho <= 1);
      }

      // Another figure: the bars follow it.
      await page.selectOption('select#tornado-metric', 'supply_power_mw');
      await page.waitForFunction(() => /Supply power/.test(document.querySelector('svg#chart-tornado title').textContent));
      assert.ok(await bars.count() > 0);
      await oat.click();
      await page.locator('[data-method-note="oat"]').waitFor();
      assert.equal(await page.locator('svg#chart-tornado rect[data-rho]').count(), 0, 'back to the swings');
      assert.ok(await page.locator('svg#chart-tornado g.swing rect').count() > 0);
      const link = await fragment(page);
      assert.match(link, /(^|&)m=supply_power_mw(&|$)/, `the link has the figure: ${link}`);
      assert.doesNotMatch(link, /rank|oat/, 'the method is a view, not part of the link');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});
