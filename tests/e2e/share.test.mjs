// Issue 4 (3, 4): a link made by the CLI opens the app on the same scenario with the CLI's own
// figures; a reload and a bare visit bring the last scenario back.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, openPage, ready, figures, checkFigures, fragment, waitForFragment, compareWithRun,
  waitForChange, attr, settled, samplingText, cli, relDiff, HEADLINE_METRICS,
  setLang, expand, setKind, medianBox, parseNumber, cliRunLink,
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

// Issue 25: a link carries the digits shown (at most six significant ones per number) and the
// page's language.
describe('links keep the digits shown and the language', () => {
  const VIEWPORTS = [
    { name: 'desktop', viewport: { width: 1366, height: 800 } },
    { name: 'phone', viewport: { width: 390, height: 844 } },
  ];
  /**
   * A 90% range: a drag scales both bounds (1.1..1.6 → 1.0954…..1.5933…), numbers of 16 or 17
   * digits before issue 25.
   */
  const KEY = 'facility.pue';

  /** Every number in the values of a link's parameters, projects and correlations. */
  function numbersOf(link) {
    return link.split('&').slice(1)
      .map((part) => part.split('='))
      .filter(([key]) => !['p', 'n', 's', 'seed', 'y', 'm', 'off', 'embed', 'lang', 'pin'].includes(key))
      .flatMap(([, value]) => decodeURIComponent(value ?? '').match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []);
  }
  const significant = (number) => number.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '')
    .replace(/^0+/, '').replace(/0+$/, '').length;

  for (const { name, viewport } of VIEWPORTS) {
    for (const lang of ['en', 'fr']) {
      test(`${name}, ${lang}: a dragged slider's link has six digits at most and reproduces the figures`, async () => {
        const { context, page, log } = await openApp(site.browser, site.url, { viewport });
        try {
          if (lang === 'fr') await setLang(page, 'FR');
          const slider = page.locator(`input[type=range][data-param="${KEY}"]`);
          await expand(slider);
          await setKind(page, KEY, 'range');
          await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
          const box = await slider.boundingBox();
          const y = box.y + box.height / 2;
          // A drag with the mouse, as a reader does: input events, then change on release.
          await page.mouse.move(box.x + box.width * 0.3, y);
          await page.mouse.down();
          for (const at of [0.4, 0.5, 0.61]) await page.mouse.move(box.x + box.width * at, y, { steps: 3 });
          await page.mouse.up();
          const link = await waitForFragment(page, new RegExp(`${KEY.replace('.', '\\.')}=`));
          console.log(`# ${name} ${lang}: ${link}`);
          const numbers = numbersOf(link);
          assert.ok(numbers.length > 0, link);
          for (const number of numbers) assert.ok(significant(number) <= 6, `${number} has at most 6 significant digits: ${link}`);
          if (lang === 'fr') assert.match(link, /&lang=fr$/, 'a French page\'s link opens in French');
          else assert.doesNotMatch(link, /lang=/, 'English, the default, is not written');
          await settled(page, 10000);
          const shown = await figures(page);
          // The median box shows the median of the range the link carries (lognormal: the
          // geometric mean of its bounds).
          const [low, high] = link.match(new RegExp(`${KEY.replace('.', '\\.')}=([^&]+)`))[1].split('..').map(Number);
          const median = Math.sqrt(low * high);
          const boxed = parseNumber(await medianBox(page, KEY).inputValue(), lang);
          assert.ok(Math.abs(boxed - median) / median < 5e-4, `the box (${boxed}) shows the link's median ${median}`);
          compareWithRun(assert, shown, await cliRunLink(link), 2030);
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('#v1&lang=fr opens in French, with no notice, and keeps its language', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&p=high&lang=fr', { locale: 'en-US' });
    try {
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      assert.equal(await page.locator('.notices .notice').count(), 0, 'nothing to say');
      assert.equal(await page.inputValue('select#preset'), 'high');
      await settled(page, 10000);
      assert.equal(await fragment(page), 'v1&p=high&lang=fr', 'the address keeps the language');
      assert.match(await page.locator('.sampling').textContent(), /tirages/);
      // The same scenario, in English: the CLI reads the link as the page does.
      compareWithRun(assert, await figures(page), await cliRunLink('v1&p=high&lang=fr'), 2030);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('the language switch writes lang=fr into the link, and a French reader\'s link opens in French', async () => {
    const { context, page } = await openApp(site.browser, site.url + '#v1&p=low', { locale: 'en-US' });
    let link;
    try {
      assert.equal(await fragment(page), 'v1&p=low');
      await setLang(page, 'FR');
      link = await waitForFragment(page, /lang=fr/);
      assert.equal(link, 'v1&p=low&lang=fr');
      await setLang(page, 'EN');
      assert.equal(await waitForFragment(page, /^v1&p=low$/), 'v1&p=low', 'back to English: no language in the link');
    } finally {
      await context.close();
    }
    // Another reader, whose browser is in English, opens the French reader's link.
    const other = await openApp(site.browser, `${site.url}#${link}`, { locale: 'en-US' });
    try {
      await other.page.waitForFunction(() => document.documentElement.lang === 'fr');
      assert.equal(await other.page.inputValue('select#preset'), 'low');
    } finally {
      await other.context.close();
    }
  });
});
