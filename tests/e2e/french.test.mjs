// Issue 11 (6): French throughout. In French the window title, the page's language, every
// visible word (no "samples", "seed", "Source:", "Reset", "Add", "years" left over), the units
// of the parameters, French typography (a space before ":" and "%") and the messages of a
// refused value.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, quiet, setLang, openGroups, cliParams, samples, samplingText, medianBox,
  typeInto, expand, openPage, ready, figures, notices,
} from './support.mjs';

const site = useSite();

const DESKTOP = { viewport: { width: 1366, height: 900 } };

let params;
before(async () => {
  params = await cliParams();
});

/** English words a French page must not show. */
const ENGLISH = [/\bsamples\b/i, /\bseed\b/i, /Source:/, /\bReset\b/, /\bAdd\b/, /\byears\b/];

/** English words in a unit ("runs/yr", "years", "people", "M users", "T tokens", …). */
const ENGLISH_UNIT = /\b(yr|years?|people|users|tokens|params|hours|day|compute)\b/i;

/** `text` around each match of `re`, for a readable failure. */
function around(text, re) {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  return [...text.matchAll(global)].slice(0, 5).map((m) => `…${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ')}…`);
}

/** Each parameter's shown unit: { key: text }. */
async function units(page) {
  return page.$$eval('.param', (rows) => Object.fromEntries(rows.map((row) => {
    const key = row.querySelector('input[type=range][data-param]')?.dataset.param;
    const unit = row.querySelector('.unit') ?? row.querySelector('.param-head');
    return [key, unit ? unit.textContent.trim() : ''];
  })));
}

describe('French throughout', () => {
  test('the title, the page language and the sampling line are French', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    try {
      const titleEn = await page.title();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await samples(page), 10000, 'main.results[data-samples] (or the line) says 10000');
      const lineEn = (await page.locator('.sampling').textContent()).trim();
      assert.match(lineEn, /^10,000 draws · seed 20240513$/, `the English sampling line: "${lineEn}"`);

      await setLang(page, 'fr');
      await page.waitForFunction((en) => document.title !== en, titleEn);
      const titleFr = await page.title();
      assert.notEqual(titleFr, titleEn, 'the window title is translated');
      assert.match(titleFr, /\b(de|du|des|la|le|les|en)\b|[éèêàçô]/i, `a French title: "${titleFr}"`);
      assert.doesNotMatch(titleFr, /\b(how|much|needs|the)\b/i, `no English in the title: "${titleFr}"`);
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      assert.equal(await page.locator('.app').getAttribute('lang'), 'fr');

      await quiet(page);
      const lineFr = (await page.locator('.sampling').textContent()).trim();
      assert.match(lineFr, /^10[\s\u00a0\u202f]000 tirages · graine 20240513$/, `the French sampling line: "${lineFr}"`);
      assert.equal(await samplingText(page), '10000 tirages · graine 20240513');
      assert.equal(await samples(page), 10000);

      await setLang(page, 'en');
      await page.waitForFunction((en) => document.title === en, titleEn);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('no English word in the visible text; the units are French', async () => {
    const { context, page } = await openApp(site.browser, site.url, DESKTOP);
    try {
      const unitsEn = await units(page);
      await setLang(page, 'fr');
      await openGroups(page);
      await quiet(page);
      const text = await page.locator('.app').innerText();
      const found = ENGLISH.filter((re) => re.test(text)).map((re) => `${re}: ${around(text, re).join(' | ')}`);
      assert.deepEqual(found, [], 'no English word is visible in French');

      const unitsFr = await units(page);
      const problems = [];
      for (const p of params) {
        if (!ENGLISH_UNIT.test(p.unit)) continue;
        const fr = unitsFr[p.key] ?? '';
        if (ENGLISH_UNIT.test(fr)) problems.push(`${p.key}: "${p.unit}" shown as "${fr}"`);
        if (fr === unitsEn[p.key]) problems.push(`${p.key}: the same unit in both languages ("${fr}")`);
      }
      assert.ok(params.some((p) => ENGLISH_UNIT.test(p.unit)), 'some units have words to translate');
      assert.deepEqual(problems, [], 'every unit with words is French');
    } finally {
      await context.close();
    }
  });

  test('French typography: a space before ":" and "%" in the headline sentence and the figures', async () => {
    const { context, page } = await openApp(site.browser, site.url, DESKTOP);
    try {
      await setLang(page, 'fr');
      await quiet(page);
      const texts = [
        (await page.locator('.verdict').innerText()).trim(),
        ...(await page.locator('[data-metric][data-year] .figure-range').allInnerTexts()),
        ...(await page.locator('[data-metric][data-year] .figure-value').allInnerTexts()),
      ];
      assert.ok(texts[0].length > 40, `the headline sentence: "${texts[0]}"`);
      assert.ok(texts.some((t) => /%/.test(t)), 'a percentage is shown somewhere to check');
      const glued = /[^\s][:%]/u;
      const bad = texts.filter((t) => glued.test(t)).map((t) => around(t, glued).join(' | '));
      assert.deepEqual(bad, [], 'every ":" and "%" follows a space (normal, no-break or narrow no-break)');
    } finally {
      await context.close();
    }
  });

  test('a refused value is explained in French', async () => {
    const { context, page } = await openApp(site.browser, site.url, DESKTOP);
    try {
      await setLang(page, 'fr');
      const box = medianBox(page, 'facility.pue');
      await expand(box);
      await typeInto(box, '5');
      await page.waitForFunction(() => document.getElementById('param-facility.pue')?.closest('.param')
        ?.querySelector('input.number:not(.bound)')?.getAttribute('aria-invalid') === 'true');
      const ids = ((await box.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
      assert.ok(ids.length > 0, 'aria-describedby names the message');
      const message = await page.evaluate((ids) => ids.map((id) => document.getElementById(id))
        .filter((el) => el && el.checkVisibility()).map((el) => el.textContent.trim()).join(' '), ids);
      assert.match(message, /entre/i, `French: "${message}"`);
      assert.ok(!message.includes('facility.pue'), `no internal key: "${message}"`);
      assert.doesNotMatch(message, /\b(between|must|value)\b/i, `no English: "${message}"`);
    } finally {
      await context.close();
    }
  });
});

// Issue 26: the French is in the bundle (crates/compute-demand-web/src/i18n/french.txt, read
// by `french::FILE`). A page in French asks for nothing an English page does not, draws its
// first render in French, and switching language fetches nothing.
describe('the French is in the bundle', () => {
  const sameOrigin = (log) => [...new Set(log.requests
    .filter((url) => url.startsWith(site.url.replace(/\/$/, '')))
    .map((url) => new URL(url).pathname))].sort();

  test('a French page fetches what an English page fetches, and its first render is French', async () => {
    const en = await openApp(site.browser, site.url, { ...DESKTOP, locale: 'en-GB' });
    let english;
    try {
      await quiet(en.page);
      english = sameOrigin(en.log);
      assert.ok(!english.some((path) => /french/.test(path)), `no French file: ${english}`);
      await setLang(en.page, 'fr');
      await quiet(en.page);
      assert.match(await en.page.locator('h1').textContent(), /besoin/);
      assert.deepEqual(sameOrigin(en.log), english, 'switching to French fetches nothing');
      assert.deepEqual(en.log.errors, []);
    } finally {
      await en.context.close();
    }
    const fr = await openApp(site.browser, site.url, { ...DESKTOP, locale: 'fr-FR' });
    try {
      assert.equal(await fr.page.getAttribute('html', 'lang'), 'fr');
      assert.match(await fr.page.locator('h1').textContent(), /besoin/, 'its first render is in French');
      await quiet(fr.page);
      assert.deepEqual(sameOrigin(fr.log), english, 'the same files as the English page');
      assert.match(await fr.page.locator('.figure-facility_power_mw').textContent(), /Puissance des sites/);
      assert.deepEqual(fr.log.errors, []);
    } finally {
      await fr.context.close();
    }
  });
});
