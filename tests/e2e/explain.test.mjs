// Issue 11 (3): every headline figure can be explained. Its control opens the chain of steps
// that makes the figure at median assumptions (FLOP → H100e → GPUs → IT power → facility power
// → energy → cost → CO2; nameplate → expected → supply power → supply H100e), each step with its
// value and links to the parameters it uses, and a note on why the chain at medians is not the
// Monte Carlo median. The chain follows the sliders.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, quiet, cli, cliParams, fragment, relDiff, slideTo, setLang, numbersIn, HEADLINE_METRICS,
  SCREENSHOT_DIR,
} from './support.mjs';

const site = useSite();

const DESKTOP = { viewport: { width: 1366, height: 900 } };
const DEMAND_STEPS = ['flop', 'floor', 'h100e', 'gpus', 'it_power', 'facility_power', 'energy', 'cost', 'co2'];
const SUPPLY_STEPS = ['nameplate', 'expected', 'supply_power', 'supply_h100e'];

let params;
before(async () => {
  params = await cliParams();
});

/** Opens `metric`'s explanation with the control inside its figure; returns the panel. */
async function openExplain(page, metric) {
  const panel = page.locator(`[data-explain="${metric}"]`);
  if (await panel.isVisible().catch(() => false)) return panel;
  await page.locator(`[data-metric="${metric}"][data-year] [data-explain-open]`).click();
  await panel.waitFor({ state: 'visible' });
  return panel;
}

/** The panel's steps, in order: [{ id, value, raw, links: [KEY…], text }]. */
async function steps(panel) {
  return panel.locator('[data-step]').evaluateAll((els) => els.map((el) => ({
    id: el.dataset.step,
    raw: el.dataset.value,
    value: Number(el.dataset.value),
    links: [...el.querySelectorAll('a[href^="#param-"]')].map((a) => a.getAttribute('href').slice('#param-'.length)),
    text: el.textContent.trim(),
  })));
}

/** `compute-demand explain --metric METRIC --format json` for the page's link (2030). */
async function cliChain(metric, link) {
  return JSON.parse(await cli(['explain', '--metric', metric, '--year', '2030', '--link', `#${link}`, '--format', 'json']));
}

/** Asserts the page's chain is the CLI's: the same steps, values (1e-9) and parameters. */
function sameAsCli(chain, expected, what) {
  assert.deepEqual(chain.map((s) => s.id), expected.map((s) => s.step), `${what}: the CLI's steps`);
  for (const [i, step] of chain.entries()) {
    const want = expected[i];
    assert.ok(relDiff(step.value, want.value) < 1e-9, `${what} ${step.id}: page ${step.raw} vs CLI ${want.value}`);
    assert.deepEqual([...step.links].sort(), [...want.params].sort(), `${what} ${step.id}: the CLI's parameters`);
  }
}

/** Whether `ids` appear in `order`'s order, each once. */
function inOrder(ids, order) {
  const positions = ids.map((id) => order.indexOf(id));
  return positions.every((p) => p >= 0) && positions.every((p, i) => i === 0 || p > positions[i - 1]);
}

/** Checks a chain's steps: finite values, links to parameters that exist on the page. */
async function checkLinks(page, chain) {
  const keys = new Set(params.map((p) => p.key));
  for (const step of chain) {
    assert.ok(step.raw !== undefined && step.raw !== '' && Number.isFinite(step.value),
      `step ${step.id} has a finite data-value (${step.raw})`);
    assert.ok(step.links.length > 0, `step ${step.id} names the parameters it uses as links: "${step.text.slice(0, 120)}"`);
    for (const key of step.links) {
      assert.ok(keys.has(key), `step ${step.id} links to a parameter of \`params\`: ${key}`);
      assert.equal(await page.evaluate((id) => !!document.getElementById(id), `param-${key}`), true, `#param-${key} is on the page`);
    }
  }
}

describe('explain a figure', () => {

  test('the chance of a shortfall is a share of the draws, in plain words, as is the first year of one', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    try {
      const panel = await openExplain(page, 'demand_exceeds_supply');
      const note = await panel.locator('[data-explain-note]').innerText();
      assert.match(note, /share of the 10,000 draws/, note);
      assert.doesNotMatch(note, /median of/, note);
      const range = await page.locator('.figure-shortfall .figure-range').innerText();
      assert.match(range, /^5% of draws: (by \d{4}|not by 2030); 95%: (by \d{4}|not by 2030)$/, range);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  for (const [name, viewport] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    test(`${name}: explain opens right under its figure, in view, with the focus; Esc closes it and gives the focus back`, async () => {
      const { context, page, log } = await openApp(site.browser, site.url, { viewport });
      try {
        for (const lang of ['en', 'fr']) {
          if (lang === 'fr') await setLang(page, 'fr');
          for (const metric of ['coverage_ratio', 'facility_power_mw']) {
            const button = page.locator(`[data-metric="${metric}"][data-year] [data-explain-open]`);
            await button.click();
            const panel = page.locator(`[data-explain="${metric}"]`);
            await panel.waitFor({ state: 'visible' });
            // Right under the figure that asked for it: the figure (or, for the answer, the
            // block it leads) is the panel's previous sibling.
            const before = await panel.evaluate((el) => el.previousElementSibling?.matches('[data-metric], .lead') ? (el.previousElementSibling.dataset.metric ?? 'lead') : null);
            assert.equal(before, metric === 'facility_power_mw' ? 'lead' : metric, `${lang} ${metric}: the panel follows its figure`);
            await page.waitForFunction(() => document.querySelector('[data-explain]')?.contains(document.activeElement));
            const box = await panel.boundingBox();
            assert.ok(box.y >= -1 && box.y < viewport.height, `${lang} ${metric}: the panel's top is in view (${box.y})`);
            await page.keyboard.press('Escape');
            await panel.waitFor({ state: 'detached' });
            await page.waitForFunction((m) => document.activeElement?.matches(`[data-explain-open="${m}"]`), metric);
          }
        }
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }

  for (const [name, viewport] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    test(`${name}: a sentence to quote under the answer, in view, at most 35 words, GPUs first, copied whole`, async () => {
      const { context, page, log } = await openApp(site.browser, site.url, { viewport, permissions: ['clipboard-read', 'clipboard-write'] });
      try {
        for (const lang of ['en', 'fr']) {
          if (lang === 'fr') await setLang(page, 'fr');
          const sentence = page.locator('[data-sentence]');
          const text = (await sentence.textContent()).trim();
          const words = text.split(/\s+/).length;
          assert.ok(words <= 35, `${lang}: ${words} words: ${text}`);
          const box = await sentence.boundingBox();
          assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${lang}: the sentence is in the first viewport (${box.y}+${box.height})`);
          // Physical GPUs first, H100-equivalents in brackets: the cards' medians.
          const gpus = Number(await page.locator('[data-metric="gpus_units"][data-year="2030"]').getAttribute('data-p50'));
          const first = numbersIn(text, lang).find((n) => n > 1000 && n !== 2030);
          assert.ok(Math.abs(first / gpus - 1) < 0.01, `${lang}: the first count is the physical GPUs (${first} vs ${gpus})`);
          assert.match(text, lang === 'en' ? /GPUs \([\d,.]+ H100-equivalents\)/ : /GPU \([\d\s\u202f\u00a0,]+ équivalents H100\)/);
        }
        // Copied whole (after the checks of the first view: the copy's notice moves the page).
        const text = (await page.locator('[data-sentence]').textContent()).trim();
        await page.locator('[data-action="copy-sentence"]').click();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, text, 'the button copies the sentence');
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });
  }
  test('every headline figure has an explain control; facility power opens its chain of steps', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    try {
      for (const metric of HEADLINE_METRICS) {
        assert.equal(await page.locator(`[data-metric="${metric}"][data-year] [data-explain-open]`).count(), 1,
          `${metric}'s figure holds one [data-explain-open]`);
      }
      const panel = await openExplain(page, 'facility_power_mw');
      const chain = await steps(panel);
      assert.ok(chain.length >= 4, `at least 4 steps (${chain.length})`);
      assert.deepEqual(chain.map((s) => s.id), DEMAND_STEPS.slice(0, 6), 'facility power: FLOP → own clusters beyond the estimate → H100e → GPUs → IT power → facility power');
      await checkLinks(page, chain);
      const facility = chain.find((s) => s.id === 'facility_power');
      assert.ok(facility.links.includes('facility.pue'), `the facility power step links to PUE: ${facility.links}`);
      assert.ok(chain.every((s) => (s.id === 'floor' ? s.value >= 0 : s.value > 0)), `every step is positive (the floor's part at least 0): ${chain.map((s) => `${s.id}=${s.raw}`).join(', ')}`);
      sameAsCli(chain, await cliChain('facility_power_mw', await fragment(page)), 'facility power');

      const note = panel.locator('[data-explain-note]');
      assert.ok((await note.count()) >= 1, 'a [data-explain-note] says why the chain at medians differs from the Monte Carlo median');
      assert.ok(await note.first().isVisible(), 'the note is visible');
      assert.ok((await note.first().innerText()).trim().length > 20, 'the note says something');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('supply power has its chain too', async () => {
    const { context, page } = await openApp(site.browser, site.url, DESKTOP);
    try {
      const panel = await openExplain(page, 'supply_power_mw');
      const chain = await steps(panel);
      const ids = chain.map((s) => s.id);
      assert.ok(chain.length >= 2, `at least 2 steps (${ids})`);
      assert.ok(inOrder(ids, SUPPLY_STEPS), `supply steps in order (${ids}) among ${SUPPLY_STEPS}`);
      assert.ok(ids.includes('supply_power'), `a supply_power step (${ids})`);
      for (const step of chain) {
        assert.ok(Number.isFinite(step.value) && step.value >= 0, `step ${step.id} = ${step.raw}`);
      }
      // Links, where a step names parameters, lead to them.
      for (const key of chain.flatMap((s) => s.links)) {
        assert.equal(await page.evaluate((id) => !!document.getElementById(id), `param-${key}`), true, `#param-${key} is on the page`);
      }
      sameAsCli(chain, await cliChain('supply_power_mw', await fragment(page)), 'supply power');
      // The expected supply is the nameplate after odds, delays and AI shares: no more than it.
      const nameplate = chain.find((s) => s.id === 'nameplate');
      const supply = chain.find((s) => s.id === 'supply_power');
      if (nameplate) assert.ok(supply.value <= nameplate.value, `supply power ${supply.raw} ≤ nameplate ${nameplate.raw}`);
    } finally {
      await context.close();
    }
  });

  test('moving PUE scales the facility power step by new ÷ old PUE, at the same IT power', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    try {
      const pue = params.find((p) => p.key === 'facility.pue').default;
      let panel = await openExplain(page, 'facility_power_mw');
      const before = await steps(panel);
      const it = before.find((s) => s.id === 'it_power');
      const facility = before.find((s) => s.id === 'facility_power');
      assert.ok(it && facility, 'it_power and facility_power steps');

      await slideTo(page, 'facility.pue', 1.6);
      await quiet(page);
      panel = await openExplain(page, 'facility_power_mw');
      await page.waitForFunction(
        (old) => {
          const el = document.querySelector('[data-explain="facility_power_mw"] [data-step="facility_power"]');
          return el && el.dataset.value !== old;
        },
        facility.raw,
      );
      const after = await steps(panel);
      const itAfter = after.find((s) => s.id === 'it_power');
      const facilityAfter = after.find((s) => s.id === 'facility_power');
      assert.ok(relDiff(itAfter.value, it.value) < 1e-12, `IT power does not depend on PUE (${it.raw} → ${itAfter.raw})`);
      const ratio = facilityAfter.value / facility.value;
      assert.ok(relDiff(ratio, 1.6 / pue) < 1e-6,
        `facility power scales by 1.6/${pue} = ${1.6 / pue}: ${facility.raw} → ${facilityAfter.raw} (×${ratio})`);
      sameAsCli(after, await cliChain('facility_power_mw', await fragment(page)), 'after PUE 1.6');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  // Issue 25: each step shows its inputs' values in words and units; pinned, pinned → now on
  // every step and input, and the step where the change enters marked; numbers in plain notation.
  for (const [name, viewport] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['en', 'fr']) {
      test(`${name}, ${lang}: inputs with their values; pinned → now per step, the change marked where it enters`, async () => {
        const { context, page, log } = await openApp(site.browser, site.url, { viewport });
        try {
          if (lang === 'fr') await setLang(page, 'fr');
          await quiet(page);
          let panel = await openExplain(page, 'facility_power_mw');
          // Every input link carries its value, as its box shows it.
          const inputs = await panel.locator('.step-param').evaluateAll((els) => els.map((el) => ({
            key: el.querySelector('[data-param-value]')?.dataset.paramValue,
            text: el.querySelector('[data-param-value]')?.textContent ?? '',
          })));
          assert.ok(inputs.length > 10, `inputs listed: ${inputs.length}`);
          for (const input of inputs) assert.ok(input.key && /\d/.test(input.text), `an input with its value: ${JSON.stringify(input)}`);
          const pue = inputs.find((i) => i.key === 'facility.pue');
          const pueDefault = params.find((p) => p.key === 'facility.pue').default;
          assert.ok(numbersIn(pue.text, lang).some((n) => relDiff(n, pueDefault) < 1e-3), `PUE's value ${pueDefault} in "${pue.text}"`);
          // Plain notation: no programmer's 3.0e27.
          const flop = await panel.locator('[data-step="flop"] .step-value').innerText();
          assert.match(flop, /×\s10[⁰¹²³⁴⁵⁶⁷⁸⁹]+\sFLOP/, `FLOP in plain notation: "${flop}"`);
          assert.doesNotMatch(await panel.innerText(), /\d[eE][+-]?\d/, 'no e-notation in the panel');

          // Pin, move PUE: the change enters at facility power; the steps before it stand still.
          await page.locator('[data-action=pin]').click();
          await page.locator('[data-delta]').first().waitFor({ state: 'attached' });
          await slideTo(page, 'facility.pue', 1.5);
          await quiet(page);
          panel = await openExplain(page, 'facility_power_mw');
          await page.waitForFunction(() => document.querySelector('[data-explain="facility_power_mw"] [data-step-delta]'));
          const rows = await panel.locator('[data-step]').evaluateAll((els) => els.map((el) => ({
            id: el.dataset.step,
            now: Number(el.dataset.value),
            pinned: el.dataset.pinnedValue === undefined ? null : Number(el.dataset.pinnedValue),
            delta: el.dataset.stepDelta ?? null,
            value: el.querySelector('.step-value').textContent,
          })));
          assert.deepEqual(rows.filter((r) => r.delta).map((r) => r.id), ['facility_power'], `the change enters at facility power: ${JSON.stringify(rows)}`);
          for (const r of rows) assert.ok(r.pinned !== null && Number.isFinite(r.pinned), `${r.id}: its pinned value`);
          const at = rows.findIndex((r) => r.id === 'facility_power');
          for (const r of rows.slice(0, at)) assert.ok(relDiff(r.pinned, r.now) < 1e-12, `${r.id} stands still before PUE enters`);
          const facility = rows[at];
          // The link keeps 6 significant digits, so the moved range's median is 1.5 to about 1e-6.
          assert.ok(relDiff(facility.now / facility.pinned, 1.5 / pueDefault) < 1e-5, `facility power: pinned ${facility.pinned} → now ${facility.now}`);
          assert.match(facility.value, /→/, `pinned → now on the step: "${facility.value}"`);
          const moved = await panel.locator('[data-param-moved] [data-param-value="facility.pue"]').first().innerText();
          const [was, now] = numbersIn(moved, lang);
          assert.ok(relDiff(was, pueDefault) < 1e-3 && relDiff(now, 1.5) < 1e-9, `PUE reads pinned → now: "${moved}"`);
          await panel.screenshot({ path: `${SCREENSHOT_DIR}/explain-pinned-${name}-${lang}.png` });
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
