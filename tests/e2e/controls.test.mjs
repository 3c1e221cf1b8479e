// Issue 4 (2, 8): sliders, number boxes, resets, the language switch and the keyboard.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, attr, waitForChange, fragment, waitForFragment, settled, samplingText,
  figures, checkFigures, ready, openGroups,
} from './support.mjs';

// A linear slider (growth rates are on log tracks): a higher PUE needs more power.
const GROWTH = 'input[type=range][data-param="facility.pue"]';

const site = useSite();

describe('sliders', () => {
  test('dragging a slider changes the figures and the link, and letting go computes on full samples', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      await openGroups(page);
      const before = await attr(page, 'facility_power_mw');
      await page.locator(GROWTH).fill('2');
      const after = await waitForChange(page, 'facility_power_mw', before);
      assert.notEqual(after, before, 'facility power moved');
      assert.ok(Number(after) > Number(before), `a higher PUE needs more power (${before} → ${after})`);
      const link = await waitForFragment(page, 'facility.pue=');
      assert.match(link, /^v1&.*facility\.pue=/, `the link holds the moved parameter: ${link}`);
      await settled(page, 10000);
      assert.match(await samplingText(page), /^10000 (samples|draws)/);
      assert.equal(await page.locator(GROWTH).inputValue(), '2', 'the slider stays where it was put');
      const box = page.locator('.param', { has: page.locator(GROWTH) }).locator('input.number:not(.bound)');
      assert.equal(Number(await box.inputValue()), 2, 'the number box follows the slider');
      checkFigures(assert, await figures(page), 2030);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('the first move after the page is ready shows its figures by the next frame, on 10,000 draws', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      await openGroups(page);
      // Each input event of a drag starts a run, so one that needs more than a task would be
      // dropped by the next event: the first move after the preview must be one slice too.
      const seen = await page.evaluate(async (selector) => {
        const read = () => document.querySelector('[data-metric="facility_power_mw"][data-year]').getAttribute('data-p50');
        const before = read();
        const slider = document.querySelector(selector);
        slider.value = '2';
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        return {
          before,
          after: read(),
          line: document.querySelector('.sampling').textContent.trim(),
          samples: document.querySelector('main.results').getAttribute('data-samples'),
        };
      }, GROWTH);
      assert.notEqual(seen.after, seen.before, `the figures moved by the next frame (${seen.before} → ${seen.after})`);
      assert.doesNotMatch(seen.line, /updating/, `no run left under way: "${seen.line}"`);
      assert.equal(seen.samples, '10000');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('while a slider moves, every input event recomputes on the scenario\'s own 10,000 draws', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      await openGroups(page);
      const slider = page.locator(GROWTH);
      let before = await attr(page, 'facility_power_mw');
      // A drag: `input` events only, no `change` until the end.
      for (const value of ['1.8', '1.9', '2']) {
        await slider.evaluate((el, value) => {
          el.value = value;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, value);
        const moved = await waitForChange(page, 'facility_power_mw', before);
        await settled(page, 10000);
        assert.equal(await page.getAttribute('main.results', 'data-samples'), '10000', `the figures at ${value} come from 10,000 draws`);
        assert.ok(Number(moved) > Number(before), `a higher PUE needs more power (${before} → ${moved})`);
        before = await attr(page, 'facility_power_mw');
      }
      // Let go: the `change` event writes the link; the figures stay those of the last move.
      await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
      await waitForFragment(page, 'facility.pue=');
      await settled(page, 10000);
      assert.equal(await attr(page, 'facility_power_mw'), before, 'the release runs nothing new');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('typing in the number box moves the slider; reset returns to the preset', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      await openGroups(page);
      const param = page.locator('.param', { has: page.locator(GROWTH) });
      const reset = param.locator('.reset');
      assert.equal(await reset.isDisabled(), true, 'nothing to reset at first');
      const baseline = await figures(page);
      const before = await attr(page, 'facility_power_mw');
      await param.locator('input.number:not(.bound)').fill('2.2');
      await param.locator('input.number:not(.bound)').press('Enter');
      await waitForChange(page, 'facility_power_mw', before);
      assert.equal(Number(await page.locator(GROWTH).inputValue()), 2.2, 'the slider follows the box');
      await waitForFragment(page, 'facility.pue=');
      assert.equal(await reset.isEnabled(), true, 'a changed parameter can be reset');
      await reset.click();
      await waitForFragment(page, /^v1$/);
      await settled(page, 10000);
      assert.deepEqual(await figures(page), baseline, 'reset gives back the baseline figures exactly');
      assert.equal(await reset.isDisabled(), true);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('an out-of-range number in a box is marked on the box, with why under it, and changes nothing', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    try {
      await openGroups(page);
      const param = page.locator('.param', { has: page.locator(GROWTH) });
      const box = param.locator('input.number:not(.bound)');
      await box.fill('99');
      await box.press('Enter');
      await page.waitForFunction(() => document.querySelector('.param input.number[aria-invalid="true"]'));
      const message = page.locator(`[id="${await box.getAttribute('aria-describedby')}"]`);
      await message.waitFor({ state: 'visible' });
      assert.match(await message.textContent(), /Out of range: between 1 and 3/, 'the message says the bounds, in words');
      assert.equal(await box.inputValue(), '99', 'the box keeps what was typed, marked');
      assert.equal(await page.locator('.notices .notice').count(), 0, 'no notice at the top of the page');
      assert.equal(await fragment(page), 'v1', 'the refused value changes nothing');
    } finally {
      await context.close();
    }
  });

  test('choosing a preset and a year changes the figures and the link', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    try {
      await openGroups(page);
      const before = await attr(page, 'facility_power_mw');
      await page.selectOption('select#preset', 'high');
      await waitForChange(page, 'facility_power_mw', before);
      await waitForFragment(page, /^v1&p=high$/);
      await page.click('[data-year-button="2027"]');
      await page.waitForSelector('[data-metric="facility_power_mw"][data-year="2027"]');
      assert.equal(await fragment(page), 'v1&p=high&y=2027');
      checkFigures(assert, await figures(page), 2027);
      assert.equal(await page.getAttribute('[data-year-button="2027"]', 'aria-pressed'), 'true');
    } finally {
      await context.close();
    }
  });
});

describe('language', () => {
  test('FR translates the page and EN brings English back; the choice is kept', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      const h1En = (await page.locator('h1').textContent()).trim();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const fr = page.locator('.lang', { hasText: /^\s*FR\s*$/ });
      const en = page.locator('.lang', { hasText: /^\s*EN\s*$/ });
      assert.equal(await fr.count(), 1, 'an FR button');
      assert.equal(await en.count(), 1, 'an EN button');
      await fr.click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      const h1Fr = (await page.locator('h1').textContent()).trim();
      assert.notEqual(h1Fr, h1En, 'the title is translated');
      assert.match(h1Fr, /calcul|IA générative/i, `French title: ${h1Fr}`);
      assert.equal(await page.locator('.app').getAttribute('lang'), 'fr');
      assert.match(await samplingText(page), /tirages/, 'the sampling line is French');
      assert.equal(await page.evaluate(() => localStorage.getItem('compute-demand/lang')), 'fr');
      assert.equal(await fr.getAttribute('aria-pressed'), 'true');

      // Kept across a reload.
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.waitForSelector('body[data-ready="true"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'French after a reload');

      await page.locator('.lang', { hasText: /^\s*EN\s*$/ }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal((await page.locator('h1').textContent()).trim(), h1En, 'English again');
      assert.equal(await page.evaluate(() => localStorage.getItem('compute-demand/lang')), 'en');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a French browser gets French first', async () => {
    const { context, page } = await openApp(site.browser, site.url, { locale: 'fr-FR' });
    try {
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    } finally {
      await context.close();
    }
  });
});

describe('keyboard', () => {
  test('Tab reaches a slider with a visible focus, and ArrowRight moves it and the figures', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      await page.locator('body').click({ position: { x: 2, y: 2 } });
      let onSlider = false;
      for (let i = 0; i < 150 && !onSlider; i++) {
        await page.keyboard.press('Tab');
        onSlider = await page.evaluate(() => document.activeElement?.matches('input[type=range][data-param]') ?? false);
      }
      assert.ok(onSlider, 'Tab reaches a slider within 150 presses');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {
          key: el.dataset.param,
          value: el.value,
          focusVisible: el.matches(':focus-visible'),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          outlineWidth: parseFloat(style.outlineWidth),
          outlineStyle: style.outlineStyle,
          boxShadow: style.boxShadow,
        };
      });
      assert.ok(focused.focusVisible, 'the slider matches :focus-visible');
      assert.ok(
        (focused.outlineStyle !== 'none' && focused.outlineWidth >= 1) || focused.boxShadow !== 'none',
        `the focus is visible (outline ${focused.outline}, box-shadow ${focused.boxShadow})`,
      );
      const slider = page.locator(`input[type=range][data-param="${focused.key}"]`);
      assert.ok(await slider.isVisible(), 'the focused slider is on screen');

      const before = await attr(page, 'facility_power_mw');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((old) => document.activeElement.value !== old, focused.value);
      const moved = await slider.inputValue();
      assert.ok(Number(moved) > Number(focused.value), `ArrowRight raised ${focused.key}: ${focused.value} → ${moved}`);
      await waitForChange(page, 'facility_power_mw', before);
      await waitForFragment(page, `${focused.key}=`);
      await settled(page, 10000);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  // Issue 25: a skip link to the sliders, the keyboard's first stop, in both languages.
  for (const [name, viewport] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    test(`${name}: the first Tab reaches "Skip to the assumptions"; Enter puts the focus on the first slider, in view`, async () => {
      const { context, page, log } = await openApp(site.browser, site.url, { viewport });
      try {
        for (const lang of ['en', 'fr']) {
          if (lang === 'fr') {
            // The choice of language is kept: a fresh load, in French, focus at the top.
            await page.locator('.lang', { hasText: /^\s*FR\s*$/ }).click();
            await page.waitForFunction(() => document.documentElement.lang === 'fr');
            await page.reload({ waitUntil: 'domcontentloaded' });
            await ready(page);
            await page.waitForFunction(() => document.documentElement.lang === 'fr');
          }
          await page.keyboard.press('Tab');
          const skip = await page.evaluate(() => ({
            link: document.activeElement?.dataset.link ?? null,
            text: document.activeElement?.textContent.trim(),
            top: document.activeElement?.getBoundingClientRect().top,
          }));
          assert.equal(skip.link, 'skip', `${lang}: the first Tab stop is the skip link (${JSON.stringify(skip)})`);
          assert.match(skip.text, lang === 'fr' ? /Aller aux hypothèses/ : /Skip to the assumptions/);
          assert.ok(skip.top >= 0 && skip.top < viewport.height, `${lang}: the focused skip link is in view (${skip.top})`);
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => document.activeElement?.matches('input[type=range][data-param]'));
          const focused = await page.evaluate(() => {
            const r = document.activeElement.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, hash: location.hash };
          });
          assert.ok(focused.top >= 0 && focused.bottom <= viewport.height, `${lang}: the first slider is in view (${JSON.stringify(focused)})`);
          assert.doesNotMatch(focused.hash, /controls-title/, 'the link (the scenario) is not replaced by the anchor');
        }
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
