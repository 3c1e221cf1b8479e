// Issue 11 (1): inputs never lie. A French decimal comma is read as a decimal point (and an
// English "21,9" never becomes 219); a value out of range or not a number is refused beside its
// field, in plain words, and changes nothing; shares are typed and shown in percent; boxes show
// at most 4 significant digits; wide parameters get log sliders whose default sits inside the
// track.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, attr, waitForChange, fragment, waitForFragment, cliParams, relDiff,
  setLang, setKind, medianBox, typeInto, invalid, quiet, frames, expand, parseNumber,
} from './support.mjs';

const site = useSite();

const GRID = 'facility.grid_gco2_per_kwh';
const PUE = 'facility.pue';
const SHARE = 'training.frontier.france_share';

let params;
const spec = (key) => params.find((p) => p.key === key);

before(async () => {
  params = await cliParams();
});

/** A RegExp source matching `key` literally. */
const esc = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The link holds `key=value` exactly (value as written, e.g. "21.9"). */
const holds = (key, value) => new RegExp(`(^|&)${esc(key)}=${esc(value)}(&|$)`);

/** Waits until `key`'s median box is marked invalid (`aria-invalid="true"`), or until it is not. */
async function waitInvalid(page, key, wanted = true) {
  await page.waitForFunction(
    ({ id, wanted }) => {
      const box = document.getElementById(id)?.closest('.param')?.querySelector('input.number:not(.bound)');
      return (box?.getAttribute('aria-invalid') === 'true') === wanted;
    },
    { id: `param-${key}`, wanted },
  );
}

/**
 * Waits until `key`'s box is marked invalid or the link no longer holds `key=previous`: the
 * app has answered a typed value one way or the other.
 */
async function answered(page, key, previous) {
  await page.waitForFunction(
    ({ id, pattern }) => {
      const box = document.getElementById(id)?.closest('.param')?.querySelector('input.number:not(.bound)');
      if (box?.getAttribute('aria-invalid') === 'true') return true;
      return !new RegExp(pattern).test(location.hash.slice(1));
    },
    { id: `param-${key}`, pattern: holds(key, previous).source },
  );
}

/**
 * The message a box points at (`aria-describedby`), once it is visible and says something.
 * Returns its text.
 */
async function fieldMessage(page, box) {
  const ids = ((await box.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  assert.ok(ids.length > 0, 'the invalid box names its message with aria-describedby');
  await page.waitForFunction(
    (ids) => ids.some((id) => {
      const el = document.getElementById(id);
      return el && el.checkVisibility() && el.textContent.trim().length > 0;
    }),
    ids,
  );
  return page.evaluate(
    (ids) => ids
      .map((id) => document.getElementById(id))
      .filter((el) => el && el.checkVisibility())
      .map((el) => el.textContent.trim())
      .join(' '),
    ids,
  );
}

/** The significant digits a box shows: "0.3875" → 4, "12,650" (en) → 4, "2.019900" → 7. */
function significantDigits(text, lang) {
  let s = text.trim().replace(/^[+\-−]/, '').split(/e/i)[0];
  s = s.replace(/[\s\u00a0\u202f]/g, '');
  const point = lang === 'fr' ? ',' : '.';
  if (lang !== 'fr') s = s.replace(/,/g, '');
  const [int, frac = ''] = s.split(point);
  let digits = (int + frac).replace(/\D/g, '').replace(/^0+/, '');
  if (!frac) digits = digits.replace(/0+$/, ''); // 12650: the trailing zero is not a claim
  return digits.length;
}

describe('typed numbers', () => {
  test('FR: "21,9" in the grid intensity box is 21.9 (link and CO2); "21.9" works the same in FR and EN; EN "21,9" is never 219', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      const base = spec(GRID).default;
      assert.ok(Number.isFinite(base) && base > 0, `the CLI gives the grid intensity's default (${base})`);
      await setLang(page, 'fr');
      // A single value, so CO2 (energy × intensity, draw by draw) scales exactly with it.
      await setKind(page, GRID, 'point');
      // The point the page computes from: its link's, to six significant digits (issue 25).
      const point = Number((await waitForFragment(page, `${GRID}=`)).split(`${GRID}=`)[1].split('&')[0]);
      assert.ok(relDiff(point, base) < 1e-5, `the point is the default's median (${point} vs ${base})`);
      await quiet(page);
      const before = await attr(page, 'co2_tonnes');
      const box = medianBox(page, GRID);

      await typeInto(box, '21,9');
      await waitForFragment(page, holds(GRID, '21.9'));
      await waitForChange(page, 'co2_tonnes', before);
      await quiet(page);
      const at219 = await attr(page, 'co2_tonnes');
      const ratio = Number(at219) / Number(before);
      assert.ok(relDiff(ratio, 21.9 / point) < 1e-6,
        `CO2 scales by 21.9/${point}: ${before} → ${at219} (ratio ${ratio}, expected ${21.9 / point})`);
      assert.equal(await invalid(box), false, '"21,9" is valid in French');
      assert.equal(parseNumber(await box.inputValue(), 'fr'), 21.9, `the box shows 21,9: "${await box.inputValue()}"`);

      // "21.9" in French: the same value.
      await typeInto(box, '30,5');
      await waitForFragment(page, holds(GRID, '30.5'));
      await typeInto(box, '21.9');
      await waitForFragment(page, holds(GRID, '21.9'));
      await quiet(page);
      assert.equal(await attr(page, 'co2_tonnes'), at219, '"21.9" in FR gives the same CO2 as "21,9"');

      // And in English.
      await setLang(page, 'en');
      await typeInto(box, '25');
      await waitForFragment(page, holds(GRID, '25'));
      await typeInto(box, '21.9');
      await waitForFragment(page, holds(GRID, '21.9'));
      await quiet(page);
      assert.equal(await attr(page, 'co2_tonnes'), at219, '"21.9" in EN gives the same CO2');

      // "21,9" in English: refused, or read as 21.9; never 219.
      await typeInto(box, '25');
      await waitForFragment(page, holds(GRID, '25'));
      await quiet(page);
      const at25 = await attr(page, 'co2_tonnes');
      await typeInto(box, '21,9');
      await answered(page, GRID, '25');
      await quiet(page);
      const link = await fragment(page);
      assert.doesNotMatch(link, holds(GRID, '219'), `EN "21,9" did not become 219: ${link}`);
      assert.notEqual(parseNumber(await box.inputValue(), 'en'), 219, `the box does not show 219: "${await box.inputValue()}"`);
      if (await invalid(box)) {
        assert.match(link, holds(GRID, '25'), 'refused: the link keeps 25');
        assert.equal(await attr(page, 'co2_tonnes'), at25, 'refused: CO2 unchanged');
      } else {
        assert.match(link, holds(GRID, '21.9'), `accepted, then as 21.9: ${link}`);
        assert.equal(await attr(page, 'co2_tonnes'), at219, 'accepted as 21.9: the 21.9 CO2');
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  for (const lang of ['en', 'fr']) {
    test(`${lang.toUpperCase()}: out of range or not a number, the box says so beside it in plain words and nothing changes`, async () => {
      const { context, page, log } = await openApp(site.browser, site.url);
      try {
        if (lang === 'fr') await setLang(page, 'fr');
        const box = medianBox(page, PUE);
        await expand(box);
        await quiet(page);
        const power = await attr(page, 'facility_power_mw');
        const link = await fragment(page);
        assert.equal(await invalid(box), false, 'the box starts valid');

        // 5: PUE goes from 1 to 3.
        await typeInto(box, '5');
        await waitInvalid(page, PUE, true);
        const message = await fieldMessage(page, box);
        assert.ok(message.length > 0, 'a message is shown');
        assert.ok(!message.includes(PUE), `the message speaks plainly, without the key ${PUE}: "${message}"`);
        if (lang === 'fr') assert.match(message, /entre/i, `the message is French: "${message}"`);
        else assert.doesNotMatch(message, /\b(entre|doit|valeur)\b/i, `the message is English: "${message}"`);
        await quiet(page);
        assert.equal(await attr(page, 'facility_power_mw'), power, 'the figures stay');
        assert.equal(await fragment(page), link, 'the link stays');

        // 1.5: valid again, and it counts.
        await typeInto(box, lang === 'fr' ? '1,5' : '1.5');
        const moved = await waitForChange(page, 'facility_power_mw', power);
        await waitInvalid(page, PUE, false);
        assert.equal(await invalid(box), false, 'aria-invalid cleared');
        // PUE is a range: its median moves to 1.5 (the link carries the range).
        assert.notEqual(await waitForFragment(page, `${PUE}=`), link, 'the link follows');
        await quiet(page);
        const after = await attr(page, 'facility_power_mw');
        assert.ok(Number(moved) !== Number(power) && Number(after) !== Number(power), `the figure changed (${power} → ${after})`);
        const link15 = await fragment(page);

        // Not a number.
        await typeInto(box, 'abc');
        await waitInvalid(page, PUE, true);
        const garbage = await fieldMessage(page, box);
        assert.ok(!garbage.includes(PUE), `plain words for "abc" too: "${garbage}"`);
        await quiet(page);
        assert.equal(await attr(page, 'facility_power_mw'), after, '"abc" changes no figure');
        assert.equal(await fragment(page), link15, '"abc" changes no link');
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }
});

describe('what the boxes show', () => {
  test('share parameters are shown and typed in percent', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      const shares = params.filter((p) => p.unit === 'share');
      assert.ok(shares.length > 5, `the CLI lists share parameters (${shares.length})`);
      const shown = await page.$$eval('.param', (rows) => Object.fromEntries(rows.map((row) => [
        row.querySelector('input[type=range][data-param]')?.dataset.param,
        row.querySelector('input.number:not(.bound)')?.value,
      ])));
      for (const p of shares) {
        const text = shown[p.key];
        assert.ok(text !== undefined, `${p.key} has a box`);
        const value = parseNumber(text, 'en');
        const expected = p.default * 100;
        // Within half a unit of the 4th significant digit.
        const tolerance = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(expected))) - 3) + 1e-9;
        assert.ok(Math.abs(value - expected) <= tolerance, `${p.key}: the box shows ${p.default} as percent (${expected}): "${text}"`);
      }

      // Typing 50 sets 0.5.
      await setKind(page, SHARE, 'point');
      await waitForFragment(page, `${SHARE}=`);
      const box = medianBox(page, SHARE);
      assert.equal(parseNumber(await box.inputValue(), 'en'), Number((spec(SHARE).default * 100).toPrecision(4)), 'the point keeps the median, in percent');
      await typeInto(box, '50');
      const link = await waitForFragment(page, holds(SHARE, '0.5'));
      assert.match(link, holds(SHARE, '0.5'));
      await quiet(page);
      assert.equal(parseNumber(await box.inputValue(), 'en'), 50, `the box shows 50: "${await box.inputValue()}"`);
      assert.equal(await invalid(box), false);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  for (const lang of ['en', 'fr']) {
    test(`${lang.toUpperCase()}: every number box shows at most 4 significant digits (a calendar year 4 and a decimal)`, async () => {
      const { context, page } = await openApp(site.browser, site.url);
      try {
        if (lang === 'fr') await setLang(page, 'fr');
        await frames(page);
        const boxes = await page.$$eval('.param input.number', (els) => els.map((el) => ({
          key: el.closest('.param').querySelector('input[type=range][data-param]')?.dataset.param,
          bound: el.classList.contains('bound'),
          value: el.value,
        })));
        assert.ok(boxes.length >= params.length, `a box per parameter at least (${boxes.length})`);
        // A calendar year (2026.5) keeps its four digits and one decimal.
        const years = new Set(params.filter((p) => p.unit === 'year').map((p) => p.key));
        const tooLong = boxes.filter((b) => significantDigits(b.value, lang) > (years.has(b.key) ? 5 : 4));
        assert.deepEqual(tooLong.map((b) => `${b.key}${b.bound ? ' (bound)' : ''}: "${b.value}"`), [],
          'no box shows more than 4 significant digits');
        for (const b of boxes) assert.ok(Number.isFinite(parseNumber(b.value, lang)), `${b.key}: "${b.value}" is a number`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('sliders', () => {
  test('wide parameters and growth rates have log sliders; every default sits between 5% and 95% of its track', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    try {
      const sliders = Object.fromEntries((await page.$$eval('input[type=range][data-param]', (els) => els.map((el) => [
        el.dataset.param,
        { scale: el.dataset.scale ?? null, min: Number(el.min), max: Number(el.max), step: el.step, value: Number(el.value) },
      ]))));
      const problems = [];
      for (const p of params) {
        const s = sliders[p.key];
        if (!s) {
          problems.push(`${p.key}: no slider`);
          continue;
        }
        const wide = p.min > 0 && p.max / p.min > 20;
        if (!['linear', 'log'].includes(s.scale)) problems.push(`${p.key}: data-scale="${s.scale}"`);
        if (wide && s.scale !== 'log') problems.push(`${p.key}: ${p.min}..${p.max} (×${(p.max / p.min).toFixed(0)}) is not on a log slider`);
        if (p.unit === '×/yr' && s.scale !== 'log') problems.push(`${p.key}: a growth rate is not on a log slider`);
        if (!(s.min < s.max) || !(s.value >= s.min && s.value <= s.max)) problems.push(`${p.key}: value ${s.value} outside ${s.min}..${s.max}`);
        // The slider is where the default is (in log10 on a log slider), to its step.
        const expected = s.scale === 'log' ? Math.log10(p.default) : p.default;
        const step = Number(s.step);
        const tolerance = (Number.isFinite(step) && step > 0 ? step : 1e-3) + 1e-9;
        if (!(Math.abs(s.value - expected) <= tolerance)) {
          problems.push(`${p.key}: the ${s.scale} slider is on ${s.value}, the default is ${p.default} (${expected} on the track)`);
        }
        // Where the default itself sits (the input's value is the default snapped to a step).
        const position = (expected - s.min) / (s.max - s.min);
        if (!(position >= 0.05 && position <= 0.95)) {
          problems.push(`${p.key}: the default ${p.default} sits at ${(position * 100).toFixed(1)}% of its ${s.scale} track (${s.min}..${s.max})`);
        }
      }
      assert.deepEqual(problems, [], `every slider\n  ${problems.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });
});
