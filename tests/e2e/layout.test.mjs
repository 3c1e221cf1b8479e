// Issue 4 (7): the page fits a 375 px phone with its figures visible; screenshots of the desktop
// and phone layouts go to tests/e2e/screenshots/ (gitignored) for a human to look at.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { useSite, openApp, HEADLINE_METRICS, SCREENSHOT_DIR } from './support.mjs';

const site = useSite();

before(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

/** Elements sticking out past the right edge of the viewport (the worst few). */
async function overflowing(page, width) {
  return page.evaluate((width) => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) {
        const hidden = el.closest('details:not([open])');
        if (!hidden) out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} right=${r.right.toFixed(0)}`);
      }
    }
    return out.slice(0, 10);
  }, width);
}

/** Figure cards whose value (a number and its unit, kept together) runs past the card's edge. */
async function spilling(page) {
  return page.evaluate(() => [...document.querySelectorAll('.figure')].flatMap((card) => {
    const value = card.querySelector('.figure-value');
    if (!value) return [];
    const text = document.createRange();
    text.selectNodeContents(value);
    const over = text.getBoundingClientRect().right - (card.getBoundingClientRect().right - 1);
    return over > 0 ? [`${value.textContent} (${over.toFixed(0)} px over)`] : [];
  }));
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-full.png`), fullPage: true });
}

describe('layout', () => {
  for (const [width, height] of [[375, 812], [320, 640]]) {
    test(`at ${width} px: no horizontal overflow, the headline figures visible`, async () => {
      const { context, page, log } = await openApp(site.browser, site.url, {
        viewport: { width, height },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      try {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        const sticking = scrollWidth > width + 1 ? await overflowing(page, width) : [];
        assert.ok(scrollWidth <= width + 1, `scrollWidth ${scrollWidth} <= ${width + 1}; sticking out: ${sticking.join(', ')}`);
        for (const metric of HEADLINE_METRICS) {
          const figure = page.locator(`[data-metric="${metric}"]`);
          await figure.scrollIntoViewIfNeeded();
          assert.ok(await figure.isVisible(), `${metric} is visible`);
          const box = await figure.boundingBox();
          assert.ok(box.x >= -1 && box.x + box.width <= width + 1, `${metric} fits across (${box.x.toFixed(0)}..${(box.x + box.width).toFixed(0)})`);
          const value = (await figure.locator('.figure-value').textContent()).trim();
          assert.ok(value.length > 0, `${metric} shows a value`);
        }
        for (const id of ['chart-demand-supply', 'chart-segments', 'chart-tornado']) {
          const box = await page.locator(`svg#${id}`).boundingBox();
          assert.ok(box && box.x >= -1 && box.x + box.width <= width + 1, `svg#${id} fits across`);
        }
        const slider = page.locator('input[type=range][data-param="training.frontier.growth"]');
        await slider.scrollIntoViewIfNeeded();
        const sliderBox = await slider.boundingBox();
        assert.ok(sliderBox.width >= 100, `a slider is wide enough to drag (${sliderBox.width.toFixed(0)} px)`);
        assert.deepEqual(await spilling(page), [], 'every figure fits its card');
        await page.evaluate(() => scrollTo(0, 0));
        if (width === 375) await shoot(page, 'mobile-375');
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('desktop: the results and the controls side by side; screenshots', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, { viewport: { width: 1280, height: 900 } });
    try {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 1281, `no horizontal overflow (${scrollWidth})`);
      const results = await page.locator('main.results').boundingBox();
      const controls = await page.locator('aside.controls').boundingBox();
      assert.ok(controls.x >= results.x + results.width - 1, 'the controls sit beside the results');
      for (const metric of HEADLINE_METRICS) {
        const box = await page.locator(`[data-metric="${metric}"]`).boundingBox();
        assert.ok(box.y + box.height <= 900 * 1.5, `${metric} is near the top (y=${box.y.toFixed(0)})`);
      }
      assert.deepEqual(await spilling(page), [], 'every figure fits its card');
      await shoot(page, 'desktop-1280');
      // The same in French, and with a notice showing; the high preset's larger figures
      // ("138 000 tCO2e") still fit their cards.
      await page.goto(site.url + '#v1&p=high&bogus=1');
      await page.locator('.lang', { hasText: /^\s*FR\s*$/ }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      await page.locator('.notices .notice').first().waitFor();
      assert.deepEqual(await spilling(page), [], 'every figure fits its card, in French');
      await shoot(page, 'desktop-1280-fr-notice');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});
