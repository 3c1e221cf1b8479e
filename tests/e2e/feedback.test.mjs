// Issue 25, three small points, at 1366×800 and 390×844, in English and French: the add-supply
// form marks a bad capacity beside its box (as the sliders' boxes do) and adds nothing, and adds
// a very large one with a warning; the embed, from the code `[data-action=embed]` gives, fits
// its iframe at 400 and 320 px, and an embed link shows only the chart while the app loads;
// every copy button says it copied right beside itself, in view. Screenshots in
// /tmp/shots/small-*.png.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { useSite, openApp, openPage, ready, settled, expand, fragment, inViewport, invalid, frames } from './support.mjs';

const site = useSite();
const SHOTS = '/tmp/shots';
const VIEWPORTS = [
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
];
const LANGS = ['en', 'fr'];
const LOCALE = { en: 'en-GB', fr: 'fr-FR' };
const CLIPBOARD = ['clipboard-read', 'clipboard-write'];

before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

/** Opens the app in `lang` (the browser's locale) at `viewport`; checks the page's language. */
async function openIn(lang, viewport, options = {}) {
  const opened = await openApp(site.browser, site.url, { viewport, locale: LOCALE[lang], ...options });
  assert.equal(await opened.page.evaluate(() => document.documentElement.lang), lang);
  return opened;
}

/** The gap in px between two boxes ({x, y, width, height}): 0 when they touch or overlap. */
function gap(a, b) {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** Whether the middle of `locator`'s element shows that element (nothing drawn over it). */
async function onTop(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  });
}

describe('the add-supply form', () => {
  const REFUSED = {
    en: { '-5': 'More than 0 and at most 100,000.', abc: '“abc” is not a number.' },
    fr: { '-5': 'Plus de 0 et au plus 100\u202f000.', abc: '«\u00a0abc\u00a0» n’est pas un nombre.' },
  };
  const WARNING = { en: /^Over 5 GW: .*largest project announced in France \(about 1\.6\sGW\)/, fr: /^Plus de 5\u00a0GW\u202f: .*plus grand projet annoncé en France \(environ 1,6\u00a0GW\)/ };

  for (const [name, viewport] of VIEWPORTS) {
    for (const lang of LANGS) {
      test(`${name}, ${lang}: −5 and "abc" are marked beside the box and add nothing; 6000 MW is added with a warning`, async () => {
        const { context, page, log } = await openIn(lang, viewport);
        try {
          await settled(page);
          const box = page.locator('#project-amount');
          await expand(box);
          await page.locator('#project-name').fill('Campus 25');
          await page.selectOption('#project-unit', 'mw');
          for (const [typed, message] of Object.entries(REFUSED[lang])) {
            await box.fill(typed);
            await page.click('#project-add');
            await page
              .waitForFunction((message) => {
                const box = document.querySelector('#project-amount');
                const note = document.getElementById(box.getAttribute('aria-describedby'));
                return box.getAttribute('aria-invalid') === 'true' && note?.textContent.trim() === message;
              }, message, { timeout: 5000 })
              .catch(() => {});
            assert.ok(await invalid(box), `${typed}: marked invalid`);
            const described = await box.getAttribute('aria-describedby');
            assert.ok(described, `${typed}: aria-describedby`);
            const note = page.locator(`#${described}`);
            assert.equal((await note.textContent()).trim(), message, `${typed}: the message in plain words`);
            assert.ok(await note.isVisible(), `${typed}: the message is shown`);
            assert.ok(gap(await note.boundingBox(), await box.boundingBox()) < 100, `${typed}: the message is beside the box`);
            assert.equal(await page.locator('[data-project^="custom"]').count(), 0, `${typed}: nothing added`);
            assert.ok(!(await fragment(page)).includes('x='), `${typed}: the link has no project`);
            if (typed === 'abc') {
              await note.scrollIntoViewIfNeeded();
              await page.screenshot({ path: `${SHOTS}/small-form-${name}-${lang}-refused.png` });
            }
          }
          assert.equal(await page.locator('.notices .notice').count(), 0, 'no notice at the top of the page');

          // 6000 MW: a warning beside the box, and the project added all the same.
          await box.fill('6000');
          await page.click('#project-add');
          await page.locator('[data-project^="custom"]').waitFor();
          const warning = page.locator('#project-amount-note.field-warning');
          await warning.waitFor();
          assert.match((await warning.textContent()).trim(), WARNING[lang]);
          assert.ok(!(await invalid(box)), '6000 is not marked invalid');
          assert.equal(await box.getAttribute('aria-describedby'), 'project-amount-note', 'the box is described by its warning');
          assert.ok(gap(await warning.boundingBox(), await box.boundingBox()) < 100, 'the warning is beside the box');
          assert.match(await fragment(page), /x=name:Campus%2025,year:2028,status:announced,mw:6000/);
          await warning.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/small-form-${name}-${lang}-warned.png` });

          // A plain value says nothing.
          await box.fill('200');
          await page.click('#project-add');
          await warning.waitFor({ state: 'detached' });
          assert.equal(await box.getAttribute('aria-describedby'), null);
          await page.locator('[data-project^="custom"]').nth(1).waitFor();
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});

/** Opens `[data-action=embed]` and returns the iframe code. */
async function embedCode(page) {
  await page.click('[data-action=embed]');
  const code = page.locator('[data-embed-code]');
  await code.waitFor({ state: 'visible' });
  return code.inputValue();
}

describe('the embed fits its iframe', () => {
  test('the embed code\'s iframe shows the chart, the sentence and the whole source line at 400 and 320 px, EN and FR', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1');
    let code;
    try {
      code = await embedCode(page);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
    const height = Number(code.match(/height="(\d+)"/)?.[1]);
    assert.ok(height >= 480 && height <= 800, `the iframe's height: ${height}`);
    for (const lang of LANGS) {
      for (const width of [400, 320]) {
        const host = await openPage(site.browser, { viewport: { width, height: 1000 }, locale: LOCALE[lang] });
        try {
          await host.page.setContent(`<!doctype html><title>host</title><body style="margin:0">${code}</body>`);
          const iframe = await host.page.waitForSelector('iframe');
          const frame = await iframe.contentFrame();
          await frame.waitForSelector('body[data-ready="true"]', { state: 'attached' });
          await frame.waitForSelector('[data-source]');
          await frames(host.page);
          const m = await frame.evaluate(() => {
            const source = document.querySelector('[data-source]').getBoundingClientRect();
            const svg = document.querySelector('figure[data-chart] svg').getBoundingClientRect();
            return {
              lang: document.documentElement.lang,
              scrollHeight: document.documentElement.scrollHeight,
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth,
              innerHeight,
              source: { top: source.top, bottom: source.bottom },
              chart: svg.height,
            };
          });
          const where = `${lang} at ${width} px (${JSON.stringify(m)})`;
          assert.equal(m.lang, lang, where);
          assert.equal(m.innerWidth, width, `the iframe is as wide as its page: ${where}`);
          assert.equal(m.innerHeight, height, where);
          assert.ok(m.scrollHeight <= height, `nothing clipped: scrollHeight ${m.scrollHeight} > ${height}, ${where}`);
          assert.ok(m.scrollWidth <= width, `no overflow across: ${where}`);
          assert.ok(m.source.top >= 0 && m.source.bottom <= height, `the source line inside the iframe: ${where}`);
          // (Unshrunk at 400 px: 250 px; at 320 px in French it gives way a little to the sentence.)
          assert.ok(m.chart >= 120, `the chart keeps most of its size: ${where}`);
          assert.ok(await frame.locator('.verdict').isVisible(), where);
          console.log(`embed ${where}`);
          await host.page.screenshot({ path: `${SHOTS}/small-embed-${lang}-${width}.png` });
          assert.deepEqual(host.log.errors, []);
        } finally {
          await host.context.close();
        }
      }
    }
  });

  test('an embed link shows only the chart while the app loads', async () => {
    // (No service worker: a page it controls fetches the wasm out of page.route's sight.)
    const { context, page, log } = await openPage(site.browser, { viewport: { width: 400, height: 640 }, serviceWorkers: 'block' });
    try {
      let release;
      const gate = new Promise((resolve) => { release = resolve; });
      await page.route('**/*.wasm', async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(site.url + '#v1&embed=demand-supply', { waitUntil: 'domcontentloaded' });
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('embed-link')), 'the root is marked');
      assert.equal(await page.locator('body[data-ready="true"]').count(), 0, 'still loading');
      const chart = page.locator('#prerendered figure[data-chart=demand-supply]:visible');
      assert.equal(await chart.count(), 1, 'the chart is shown');
      for (const part of ['.readout', '.masthead', '.scenario-bar', '.compare-bar', '.answer', '.sampling', '.figures', '.verdict', 'footer']) {
        const all = page.locator(`#prerendered ${part}`);
        assert.ok((await all.count()) > 0, `the prerendered page has ${part}`);
        assert.equal(await page.locator(`#prerendered ${part}:visible`).count(), 0, `${part} is hidden while loading`);
      }
      assert.ok(await page.locator('#pending-note').isVisible(), 'the page says it is loading');
      await page.screenshot({ path: `${SHOTS}/small-embed-loading.png` });
      release();
      await ready(page);
      await page.locator('.app.embed [data-source]').waitFor();
      assert.deepEqual(log.errors, []);

      // Any other link shows the whole page while it loads.
      const other = await context.newPage();
      await other.route('**/*.wasm', () => {}); // never answered: the page stays loading
      await other.goto(site.url + '#v1&p=high', { waitUntil: 'domcontentloaded' });
      assert.ok(!(await other.evaluate(() => document.documentElement.classList.contains('embed-link'))));
      assert.ok(await other.locator('#prerendered .verdict').isVisible(), 'the whole page while a share link loads');
      await other.close();
    } finally {
      await context.close();
    }
  });
});

describe('copy feedback beside the button', () => {
  const SAID = { en: /copied to the clipboard/i, fr: /copié dans le presse-papiers/i };

  for (const [name, viewport] of VIEWPORTS) {
    for (const lang of LANGS) {
      test(`${name}, ${lang}: every copy button says so beside itself, in view`, async () => {
        const { context, page, log } = await openIn(lang, viewport, { permissions: CLIPBOARD });
        try {
          await settled(page);
          const buttons = [
            ['link', '#copy-link', () => location.href],
            ['sentence', '[data-action=copy-sentence]', () => document.querySelector('[data-sentence]').textContent],
            ['embed', '[data-copy=embed]', () => document.querySelector('[data-embed-code]').value],
            ['apa', '[data-copy=apa]', () => document.querySelector('[data-cite-apa]').textContent],
            ['bibtex', '[data-copy=bibtex]', () => document.querySelector('[data-cite-bibtex]').textContent],
          ];
          for (const [what, selector, expected] of buttons) {
            const button = page.locator(selector);
            assert.equal(await button.count(), 1, `one ${what} button`);
            // (Centred first, as a reader scrolls to it: at 390 px the summary bar is fixed at the bottom.)
            await button.evaluate((el) => (el.closest('details:not([open])')?.querySelector(':scope > summary') ?? el).scrollIntoView({ block: 'center' }));
            await expand(button);
            await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
            await button.click();
            const status = button.locator('xpath=following-sibling::*[1]');
            assert.equal(await status.getAttribute('role'), 'status', `${what}: a status right after the button`);
            await page.waitForFunction((el) => el.textContent.trim() !== '', await status.elementHandle());
            assert.match(await status.textContent(), SAID[lang], `${what}: says it copied`);
            const { inside, box, viewport: size } = await inViewport(status);
            assert.ok(inside, `${what}: the feedback is in view (${JSON.stringify(box)} in ${JSON.stringify(size)})`);
            const distance = gap(box, await button.boundingBox());
            assert.ok(distance <= 100, `${what}: the feedback is ${distance.toFixed(0)} px from the button`);
            assert.ok(await onTop(status), `${what}: nothing covers the feedback`);
            assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.evaluate(expected), `${what}: copied`);
            await page.screenshot({ path: `${SHOTS}/small-copy-${name}-${lang}-${what}.png` });
          }
          assert.equal(await page.locator('.notices .notice').count(), 0, 'no notice at the top of the page');
          // The feedback goes after two seconds.
          await page.waitForFunction(() => [...document.querySelectorAll('.copy-status')].every((s) => s.textContent === ''), null, { timeout: 5000 });
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
