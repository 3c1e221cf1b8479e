// Issue 4 (3, 4): a link made by the CLI opens the app on the same scenario with the CLI's own
// figures; a reload and a bare visit bring the last scenario back.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, openPage, ready, figures, checkFigures, fragment, waitForFragment, compareWithRun,
  waitForChange, attr, settled, samplingText, cli, relDiff, HEADLINE_METRICS,
} from './support.mjs';

const site = useSite();

/** The scenario flags shared by `share-url` and `run`. */
function flags({ preset, set = [], samples, seed }) {
  const out = [];
  if (preset) out.push('--preset', preset);
  for (const s of set) out.push('--set', s);
  if (samples !== undefined) out.push('--samples', String(samples));
  if (seed !== undefined) out.push('--seed', String(seed));
  return out;
}


const CASES = [
  { name: 'baseline, 2000 samples', preset: undefined, set: [], samples: 2000 },
  { name: 'high preset, a range, a custom seed', preset: 'high', set: ['training.frontier.growth=2..3'], samples: 2000, seed: 7 },
  {
    name: 'low preset, a point, a uniform, a custom seed',
    preset: 'low',
    set: ['facility.pue=1.2', 'supply.genai_share=uniform(0.3, 0.7)', 'inference.consumer.users_m=30'],
    samples: 2000,
    seed: 123456789,
  },
  { name: 'default samples and seed', preset: undefined, set: ['training.frontier.runs_per_year=4'] },
];

describe('share links from the CLI', () => {
  for (const c of CASES) {
    test(`the app's figures equal \`compute-demand run\`: ${c.name}`, async () => {
      const url = (await cli(['share-url', '--base', site.url, ...flags(c)])).trim();
      assert.ok(url.startsWith(site.url + '#v1'), `share-url gives a link to this server: ${url}`);
      const run = JSON.parse(await cli(['run', '--format', 'json', ...flags(c)]));
      const { context, page, log } = await openApp(site.browser, url);
      try {
        const samples = c.samples ?? 10000;
        await settled(page, samples);
        assert.match(await samplingText(page), new RegExp(`^${samples} (samples|draws) · seed ${c.seed ?? 20240513}$`));
        assert.equal(await page.inputValue('select#preset'), c.preset ?? 'baseline');
        assert.equal(await page.locator('.notices .notice-error').count(), 0, 'a CLI link has nothing wrong with it');
        assert.equal('#' + (await fragment(page)), new URL(url).hash, 'the address bar keeps the link as given');
        compareWithRun(assert, await figures(page), run, 2030);

        if (c.preset === 'high') {
          // Another year, through its button.
          await page.click('[data-year-button="2026"]');
          await page.waitForSelector('[data-metric="facility_power_mw"][data-year="2026"]');
          compareWithRun(assert, await figures(page), run, 2026);
        }
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('a link with --year opens on that year', async () => {
    const c = { preset: 'high', set: ['hardware.training_mfu=0.3..0.5'], samples: 2000, seed: 99 };
    const url = (await cli(['share-url', '--base', site.url, '--year', '2028', ...flags(c)])).trim();
    const run = JSON.parse(await cli(['run', '--format', 'json', ...flags(c)]));
    const { context, page } = await openApp(site.browser, url);
    try {
      await settled(page, 2000);
      compareWithRun(assert, await figures(page), run, 2028);
    } finally {
      await context.close();
    }
  });
});

describe('the scenario comes back', () => {
  test('a reload shows the same figures and link', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      let before = await attr(page, 'facility_power_mw');
      await page.selectOption('select#preset', 'high');
      before = await waitForChange(page, 'facility_power_mw', before);
      await page.locator('input[type=range][data-param="training.frontier.growth"]').fill('3.5');
      await waitForChange(page, 'facility_power_mw', before);
      await page.click('[data-year-button="2029"]');
      await page.locator('#scenario-name').fill('Reload test');
      await page.locator('#scenario-name').press('Enter');
      await page.locator('#scenario-name').blur();
      const link = await waitForFragment(page, /n=Reload/);
      await settled(page, 10000);
      assert.match(link, /^v1&p=high&n=Reload%20test&y=2029&training\.frontier\.growth=/, link);
      const shown = await figures(page);
      checkFigures(assert, shown, 2029);
      assert.equal(await page.evaluate(() => localStorage.getItem('compute-demand/scenario')), link, 'the link is kept in storage');

      await page.reload({ waitUntil: 'domcontentloaded' });
      await ready(page);
      await settled(page, 10000);
      assert.equal(await fragment(page), link, 'same link after the reload');
      assert.deepEqual(await figures(page), shown, 'same figures after the reload');
      assert.equal(await page.inputValue('select#preset'), 'high');
      assert.equal(await page.inputValue('#scenario-name'), 'Reload test');

      // A visit to the bare address in the same browser brings the last scenario back.
      const second = await context.newPage();
      await second.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(second);
      await settled(second, 10000);
      assert.equal(await fragment(second), link, 'the bare address restores the kept scenario into the link');
      assert.deepEqual(await figures(second), shown, 'and its figures');
      assert.equal(await second.inputValue('select#preset'), 'high');
      assert.equal(await second.locator('.notices .notice-error').count(), 0);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a link wins over the kept scenario; a fresh browser starts at the baseline', async () => {
    const { context, page } = await openApp(site.browser, site.url + '#v1&p=low');
    try {
      const other = await context.newPage();
      await other.goto(site.url + '#v1&p=high', { waitUntil: 'domcontentloaded' });
      await ready(other);
      assert.equal(await other.inputValue('select#preset'), 'high', 'the link, not the kept scenario');
      assert.equal(await fragment(other), 'v1&p=high');
    } finally {
      await context.close();
    }
    const fresh = await openApp(site.browser, site.url);
    try {
      assert.equal(await fragment(fresh.page), 'v1', 'a new browser profile starts at the baseline');
    } finally {
      await fresh.context.close();
    }
  });

  test('a kept scenario that no longer reads is reported and the rest kept', async () => {
    const { context, page } = await openPage(site.browser);
    try {
      await context.addInitScript(() => {
        if (location.hash === '') localStorage.setItem('compute-demand/scenario', 'v1&p=high&bogus=1');
      });
      await page.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(page);
      assert.equal(await page.inputValue('select#preset'), 'high');
      const text = (await page.locator('.notices[role=alert] .notice').allTextContents()).join('\n');
      assert.match(text, /bogus/, `the message names the bad part: ${text}`);
    } finally {
      await context.close();
    }
  });
});
