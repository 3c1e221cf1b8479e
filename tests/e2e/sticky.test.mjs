// Issue 11 (2): the results stay in sight. On a desktop the headline figures stay on screen
// while the last slider of the page moves; on a phone a summary of the year (facility power and
// coverage) stays at the bottom of the screen; the groups of controls start collapsed but the
// first. Screenshots of both widths, in English and French, go to tests/e2e/screenshots/.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  useSite, openApp, figures, fragment, waitForFragment, quiet, frames, setLang, openGroups,
  inViewport, numbersIn, SCREENSHOT_DIR,
} from './support.mjs';

const site = useSite();

before(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const PHONE = { viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function shoot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * Whether `text` (in `lang`) states `value` of a quantity in MW (as MW or GW), or a ratio (as
 * "×" or a percentage), to display rounding (2%).
 */
function states(text, lang, value, kind) {
  const close = (shown, expected) => Math.abs(shown - expected) <= 0.02 * Math.abs(expected) + 1e-9;
  const flat = text.replace(/[\u00a0\u202f\u2009]/g, ' ');
  const unitRe = kind === 'power' ? /(MW|GW)/ : /(×|%)/;
  const re = lang === 'fr'
    ? /(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?\s*(MW|GW|×|%)/g
    : /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(MW|GW|×|%)/g;
  for (const m of flat.matchAll(re)) {
    if (!unitRe.test(m[3])) continue;
    const n = Number(`${m[1].replace(/[ ,]/g, '')}${m[2] ? '.' + m[2] : ''}`);
    const expected = { MW: value, GW: value / 1000, '×': value, '%': value * 100 }[m[3]];
    if (close(n, expected)) return true;
  }
  return false;
}

describe('results in sight', () => {
  test('at load only the first group of controls is open', async () => {
    const { context, page } = await openApp(site.browser, site.url, DESKTOP);
    try {
      const groups = await page.$$eval('details.group', (els) => els.map((d) => ({ key: d.dataset.group, open: d.open })));
      assert.ok(groups.length >= 2, `groups of controls: ${JSON.stringify(groups)}`);
      assert.ok(groups.every((g) => g.key), 'every group has its data-group');
      assert.equal(groups[0].open, true, `the first group (${groups[0].key}) is open`);
      assert.deepEqual(groups.slice(1).filter((g) => g.open).map((g) => g.key), [], 'every other group is closed');
      // A closed group's sliders are out of sight; opening it shows them.
      const second = page.locator('details.group').nth(1);
      const inner = second.locator('input[type=range][data-param]').first();
      if (await inner.count()) {
        assert.equal(await inner.isVisible(), false, 'a closed group hides its sliders');
        await second.locator(':scope > summary').click();
        await inner.waitFor({ state: 'visible' });
      }
    } finally {
      await context.close();
    }
  });

  test('1366×900: moving the last slider of the page leaves the headline figures on screen (EN and FR screenshots)', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    try {
      await openGroups(page);
      const last = page.locator('input[type=range][data-param]').last();
      const key = await last.getAttribute('data-param');
      await last.scrollIntoViewIfNeeded();
      const { min, max, value } = await last.evaluate((el) => ({ min: Number(el.min), max: Number(el.max), value: Number(el.value) }));
      const span = max - min;
      const target = value + 0.2 * span <= max ? value + 0.2 * span : value - 0.2 * span;
      const link = await fragment(page);
      await last.fill(String(target));
      const moved = await waitForFragment(page, `${key}=`);
      assert.notEqual(moved, link, `the page took the move of ${key}`);
      await quiet(page);
      await last.scrollIntoViewIfNeeded();
      await frames(page);
      const scrolled = await page.evaluate(() => scrollY);
      assert.ok(scrolled > 200, `the page scrolled down to the last slider (scrollY ${scrolled})`);
      assert.ok((await inViewport(last)).inside, `the slider ${key} is on screen`);
      const figure = page.locator('[data-metric="facility_power_mw"]');
      const where = await inViewport(figure);
      assert.ok(where.inside, `facility power stays on screen: box ${JSON.stringify(where.box)} in ${JSON.stringify(where.viewport)}`);
      assert.ok(await figure.isVisible());
      await shoot(page, 'sticky-1366-en');

      await setLang(page, 'fr');
      await last.scrollIntoViewIfNeeded();
      await frames(page);
      assert.ok((await page.evaluate(() => scrollY)) > 200, 'scrolled down again');
      const whereFr = await inViewport(figure);
      assert.ok(whereFr.inside, `FR: facility power stays on screen: box ${JSON.stringify(whereFr.box)}`);
      await shoot(page, 'sticky-1366-fr');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  for (const lang of ['en', 'fr']) {
    test(`375×800 ${lang.toUpperCase()}: a summary of the year's facility power and coverage stays at the bottom of the screen`, async () => {
      const { context, page, log } = await openApp(site.browser, site.url, PHONE);
      try {
        if (lang === 'fr') await setLang(page, 'fr');
        const summary = page.locator('[data-summary]');
        assert.equal(await summary.count(), 1, 'one [data-summary]');

        const check = async (year) => {
          await quiet(page);
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          await frames(page);
          assert.ok((await page.evaluate(() => scrollY)) > 500, 'scrolled to the bottom');
          assert.ok(await summary.isVisible(), 'the summary is visible');
          const where = await inViewport(summary);
          assert.ok(where.inside, `the summary is inside the viewport: ${JSON.stringify(where.box)} in ${JSON.stringify(where.viewport)}`);
          const text = (await summary.innerText()).trim();
          const byMetric = new Map((await figures(page)).map((f) => [f.metric, f]));
          assert.equal(byMetric.get('facility_power_mw').year, year);
          const power = byMetric.get('facility_power_mw').p50;
          const coverage = byMetric.get('coverage_ratio').p50;
          assert.match(text, /MW|GW/, `the summary gives a power: "${text}"`);
          assert.match(text, /%|×/, `the summary gives a coverage: "${text}"`);
          assert.ok(states(text, lang, power, 'power'), `the summary states ${year}'s facility power p50 ${power} MW: "${text}"`);
          assert.ok(states(text, lang, coverage, 'ratio'), `the summary states ${year}'s coverage p50 ${coverage}: "${text}"`);
          if (lang === 'fr') assert.ok(numbersIn(text, 'fr').length >= 2);
          return text;
        };

        const text2030 = await check(2030);
        await shoot(page, `sticky-375-${lang}`);
        // Another year: the summary follows.
        await page.click('[data-year-button="2027"]');
        await page.waitForSelector('[data-metric="facility_power_mw"][data-year="2027"]');
        const text2027 = await check(2027);
        assert.notEqual(text2027, text2030, 'the summary changed with the year');
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
