// Issue 15, "State that survives the browser": storage that refuses (missing, throwing, full),
// a kept value that does not read (damaged, another version), and two tabs that keep different
// scenarios. The app keeps working on the scenario in its address bar and says what happened.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openPage, ready, figures, checkFigures, fragment, waitForFragment, settled, attr,
  waitForChange,
} from './support.mjs';

const site = useSite();

/** The key browser.rs keeps the scenario under. */
const KEY = 'compute-demand/scenario';
const SLIDER = 'input[type=range][data-param="training.frontier.growth"]';

/** Opens `url` in a fresh context after `init` ran in it (an init script), and waits for the app. */
async function openWith(init, url = site.url, arg = undefined) {
  const opened = await openPage(site.browser);
  await opened.context.addInitScript(init, arg);
  await opened.page.goto(url, { waitUntil: 'domcontentloaded' });
  await ready(opened.page);
  return opened;
}

/** Storage that refuses: the page's own scripts run first, as a private window or a full disk would. */
const REFUSALS = [
  {
    name: 'localStorage throws on access',
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
  },
  {
    name: 'localStorage is missing',
    init: () => {
      Object.defineProperty(window, 'localStorage', { configurable: true, get: () => null });
    },
  },
  {
    name: 'setItem throws QuotaExceededError',
    init: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  },
];

describe('storage that refuses', () => {
  for (const r of REFUSALS) {
    for (const start of ['', '#v1&p=high']) {
      test(`${r.name}, ${start ? 'with a link' : 'bare address'}: the app works and says so once`, async () => {
        const { context, page, log } = await openWith(r.init, site.url + start);
        try {
          await settled(page, 10000);
          checkFigures(assert, await figures(page), 2030);
          assert.equal(await page.inputValue('select#preset'), start ? 'high' : 'baseline');
          const notice = page.locator('.notices [data-storage-unavailable]');
          await notice.waitFor();
          assert.match(await notice.textContent(), /won't let the app remember your scenario/);
          assert.equal(await page.locator('.notices .notice-error').count(), 0, 'an information, not an error');

          // A change is still computed and put in the address bar; the notice is not said again.
          const before = await attr(page, 'facility_power_mw');
          await page.locator(SLIDER).fill(String(Math.log10(3.5)));
          await waitForChange(page, 'facility_power_mw', before);
          await waitForFragment(page, /training\.frontier\.growth=/);
          await settled(page, 10000);
          assert.equal(await page.locator('[data-storage-unavailable]').count(), 1, 'said once, not on every write');

          // In the page's language.
          await page.locator('.lang', { hasText: /^\s*FR\s*$/ }).click();
          await page.waitForFunction(() => /Ce navigateur ne laisse pas/.test(document.querySelector('[data-storage-unavailable]')?.textContent ?? ''));
          assert.equal(await page.locator('#fatal').count(), 0, 'no panic banner');
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});

/** Kept values that do not read, each opening the baseline. */
const DAMAGED = [
  'v0&p=high&training.frontier.runs_per_year=4',
  'v9&p=high&next=1',
  '\u0000\u00ff\u2603%%%&&==garbage\uFFFD',
];

describe('a kept value that does not read', () => {
  test('opens the baseline with a notice, and stays kept until a slider moves', async () => {
    const baseline = await openWith(() => {});
    await settled(baseline.page, 10000);
    const baselineFigures = checkFigures(assert, await figures(baseline.page), 2030) && (await figures(baseline.page));
    await baseline.context.close();

    for (const value of DAMAGED) {
      const seed = ({ key, value }) => {
        if (location.hash === '') localStorage.setItem(key, value);
      };
      const { context, page, log } = await openWith(seed, site.url, { key: KEY, value });
      try {
        await settled(page, 10000);
        assert.deepEqual(await figures(page), baselineFigures, `${JSON.stringify(value)}: the baseline's figures`);
        assert.equal(await page.inputValue('select#preset'), 'baseline');
        assert.equal(await fragment(page), 'v1', 'the address bar is the baseline');
        const notice = page.locator('.notices [data-storage-corrupt]');
        await notice.waitFor();
        assert.match(await notice.textContent(), /could not be read/);
        const kept = () => page.evaluate((key) => localStorage.getItem(key), KEY);
        assert.equal(await kept(), value, `${JSON.stringify(value)}: kept as it was after the load`);

        // A dismissal changes no scenario: still kept.
        await page.click('.notices [data-storage-corrupt] .notice-dismiss');
        await page.waitForTimeout(200);
        assert.equal(await kept(), value, 'kept after a dismissal');

        const before = await attr(page, 'facility_power_mw');
        await page.locator(SLIDER).fill(String(Math.log10(3.5)));
        await waitForChange(page, 'facility_power_mw', before);
        const link = await waitForFragment(page, /training\.frontier\.growth=/);
        await page.waitForFunction(({ key, link }) => localStorage.getItem(key) === link, { key: KEY, link });
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    }
  });
});

describe('two tabs', () => {
  test('the last writer wins; the other tab says so when it comes back, and keeps its own', async () => {
    const { context, page: a, log } = await openPage(site.browser);
    try {
      const kept = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
      await a.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(a);
      await a.selectOption('select#preset', 'high');
      const linkA = await waitForFragment(a, 'p=high');
      await a.waitForFunction(({ key, link }) => localStorage.getItem(key) === link, { key: KEY, link: linkA });

      // Tab B opens the kept scenario (A's), then edits its own.
      const b = await context.newPage();
      const logB = [];
      b.on('pageerror', (err) => logB.push(err.message));
      await b.goto(site.url, { waitUntil: 'domcontentloaded' });
      await ready(b);
      assert.equal(await fragment(b), linkA, 'B opens what A kept');
      await b.selectOption('select#preset', 'low');
      const linkB = await waitForFragment(b, 'p=low');
      await b.waitForFunction(({ key, link }) => localStorage.getItem(key) === link, { key: KEY, link: linkB });

      // A comes back: it says another tab saved, and keeps its own scenario.
      await a.bringToFront();
      await a.evaluate(() => window.dispatchEvent(new Event('focus')));
      const notice = a.locator('.notices [data-storage-overwritten]');
      await notice.waitFor();
      assert.match(await notice.textContent(), /Another tab saved a different scenario/);
      assert.equal(await a.locator('[data-storage-overwritten]').count(), 1);
      assert.equal(await fragment(a), linkA, 'A keeps its own link');
      assert.equal(await a.inputValue('select#preset'), 'high', 'and its own scenario');
      assert.equal(await kept(a), linkB, 'storage holds the last writer\'s');
      await b.evaluate(() => window.dispatchEvent(new Event('focus')));
      assert.equal(await b.locator('[data-storage-overwritten]').count(), 0, 'the last writer has nothing to say');

      // A edits again: it is the last writer now, its notice is stale; B says so in turn.
      const before = await attr(a, 'facility_power_mw');
      await a.locator(SLIDER).fill(String(Math.log10(3.5)));
      await waitForChange(a, 'facility_power_mw', before);
      const linkA2 = await waitForFragment(a, /training\.frontier\.growth=/);
      await a.waitForFunction(({ key, link }) => localStorage.getItem(key) === link, { key: KEY, link: linkA2 });
      await a.waitForSelector('[data-storage-overwritten]', { state: 'detached' });
      await b.bringToFront();
      await b.evaluate(() => window.dispatchEvent(new Event('focus')));
      await b.locator('.notices [data-storage-overwritten]').waitFor();
      assert.equal(await fragment(b), linkB, 'B keeps its own link');
      assert.deepEqual(log.errors, []);
      assert.deepEqual(logB, []);
    } finally {
      await context.close();
    }
  });
});
