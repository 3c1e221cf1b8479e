// Issues 9 and 24 in the app: every parameter shows the evidence behind it, every headline figure
// says what it means, the headline counts the demand from abroad on French sites beside the
// French ecosystem's, two coverages each say their question, and the main chart draws what the
// coverage counts.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openApp, openPage, cli, cliParams, setLang, quiet, numbersIn, HEADLINE_METRICS, SCREENSHOT_DIR } from './support.mjs';

const site = useSite();

const LABELS = {
  en: { published: 'published', derived: 'derived', judgement: 'judgement' },
  fr: { published: 'publié', derived: 'dérivé', judgement: 'jugement' },
};

/** [{key, evidence, badge}] for every parameter on screen. */
async function evidence(page) {
  return page.$$eval('.param', (els) =>
    els.map((el) => ({
      key: el.querySelector('input[type=range][data-param]').dataset.param,
      evidence: el.dataset.evidence,
      badge: el.querySelector('.source summary .evidence')?.textContent.trim(),
      kind: el.querySelector('.source summary .evidence')?.closest('[data-evidence]') === el,
    })),
  );
}

describe('evidence and meanings', () => {
  test('every parameter shows its evidence class, as `params` gives it, in the page\'s language', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      const params = await cliParams();
      const expected = new Map(params.map((p) => [p.key, p.evidence]));
      const shown = await evidence(page);
      assert.equal(shown.length, params.length, 'one control per parameter');
      for (const p of shown) {
        assert.ok(['published', 'derived', 'judgement'].includes(p.evidence), `${p.key}: data-evidence="${p.evidence}"`);
        assert.equal(p.evidence, expected.get(p.key), `${p.key}: the CLI's evidence`);
        assert.equal(p.badge, LABELS.en[p.evidence], `${p.key}: an English badge`);
        assert.ok(p.kind, `${p.key}: the badge sits in the element that carries its class`);
      }
      await page.locator('.lang', { hasText: /^\s*FR\s*$/ }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'fr' || document.querySelector('.app[lang=fr]'));
      for (const p of await evidence(page)) {
        assert.equal(p.badge, LABELS.fr[p.evidence], `${p.key}: a French badge`);
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('every headline figure says what it means; the demand from abroad is a figure; two coverages each say their question; the verdict states both', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      for (const metric of HEADLINE_METRICS) {
        const figure = page.locator(`[data-metric="${metric}"][data-year="2030"]`);
        const meaning = (await figure.locator('.meaning').textContent()).trim();
        assert.ok(meaning.length > 10, `${metric} has a meaning: ${meaning}`);
        assert.equal(await figure.getAttribute('title'), meaning, `${metric}: the meaning on hover too`);
        assert.ok(await figure.locator('.meaning').isVisible(), `${metric}: the meaning is visible`);
      }
      const foreign = page.locator('[data-metric="foreign_power_mw"][data-year="2030"]');
      const [p5, p50, p95] = await Promise.all(['p5', 'p50', 'p95'].map(async (q) => Number(await foreign.getAttribute(`data-${q}`))));
      assert.ok(p5 > 0 && p5 <= p50 && p50 <= p95, `the demand from abroad has a range: ${p5} ≤ ${p50} ≤ ${p95}`);
      assert.match(await foreign.locator('.figure-range').textContent(), /[MG]W.*[MG]W/, 'its 90% range is shown');
      assert.match(await foreign.locator('.figure-label').textContent(), /abroad/);
      assert.match(await foreign.locator('.meaning').textContent(), /EU's AI load/);
      // Two coverages, each with the question it answers, in plain words.
      const coverage = await page.locator('[data-metric="coverage_ratio"] .meaning').textContent();
      assert.match(coverage, /demand from abroad/, `coverage counts the demand from abroad: ${coverage}`);
      assert.match(coverage, /\?/, `it says its question: ${coverage}`);
      const domestic = page.locator('[data-metric="coverage_ratio_domestic"][data-year="2030"]');
      const domesticMeaning = await domestic.locator('.meaning').textContent();
      assert.match(domesticMeaning, /French ecosystem's own demand/, domesticMeaning);
      const all = Number(await page.locator('[data-metric="coverage_ratio"][data-year="2030"]').getAttribute('data-p50'));
      const own = Number(await domestic.getAttribute('data-p50'));
      assert.ok(own > all, `French demand alone is covered more than all demand: ${own} > ${all}`);
      // The floor: owned clusters in service, shown as a figure.
      const owned = Number(await page.locator('[data-metric="owned_gpus_h100e"][data-year="2030"]').getAttribute('data-p50'));
      assert.ok(owned > 30000, `the labs' and research's own clusters are counted: ${owned}`);
      const verdict = await page.locator('.verdict').textContent();
      assert.match(verdict, /from abroad/, verdict);
      assert.match(verdict, /French demand alone/, verdict);

      await page.locator('.lang', { hasText: /^\s*FR\s*$/ }).click();
      await page.locator('.verdict', { hasText: /l'étranger/ }).waitFor();
      const fr = await page.locator('.verdict').textContent();
      assert.match(fr, /la seule demande française/, fr);
      assert.match(await foreign.locator('.figure-label').textContent(), /étranger/);
      assert.match(await domestic.locator('.meaning').textContent(), /écosystème français/);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });


  for (const [name, viewport] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['en', 'fr']) {
      test(`${name}, ${lang}: the main chart draws what the coverage counts: demand from abroad stacked on the French ecosystem's, or French demand alone, labelled`, async () => {
        const run = JSON.parse(await cli(['run', '--preset', 'baseline', '--format', 'json']));
        const in2030 = run.years.find((y) => y.year === 2030).metrics;
        const words = lang === 'fr'
          ? { all: 'toute la demande sur les sites français', french: "Demande de l'écosystème français", only: /[Dd]emande française seule/ }
          : { all: 'all demand on French sites', french: "French ecosystem's demand", only: /French demand only/ };
        // The first quantity in `text`, in MW.
        const mw = (text) => {
          const [, number, unit] = text.replace(/[\u00a0\u202f]/g, ' ').match(/(\d[\d ,.]*?)\s?(MW|GW)/);
          return numbersIn(number, lang)[0] * (unit === 'GW' ? 1000 : 1);
        };
        const { context, page, log } = await openApp(site.browser, site.url, { viewport });
        try {
          if (lang === 'fr') await setLang(page, 'fr');
          await quiet(page);
          const chart = page.locator('figure[data-chart="demand-supply"]');
          assert.equal(await chart.getAttribute('data-chart-view'), 'all', 'all demand on French sites by default');
          assert.equal(await chart.locator('[data-series="foreign"]').count(), 1, 'the total on French sites is drawn');
          assert.equal(await chart.locator('[data-stack="foreign"]').count(), 1, 'demand from abroad is stacked on French demand');
          assert.equal(await chart.locator('[data-band="foreign"]').count(), 1, 'with its 90% band');
          assert.ok((await chart.locator('svg').getAttribute('aria-label')).includes(words.all));
          // The drawn total is the demand the coverage divides supply by: its 2030 median is
          // sites_energy_gwh ÷ 8.76 of `run`, to the three digits shown.
          const readout = await chart.locator('.readout').textContent();
          const total = mw(readout.split(words.all)[1]);
          const expected = in2030.sites_energy_gwh.p50 / 8.76;
          assert.ok(Math.abs(total / expected - 1) < 0.01, `the readout's total ${total} MW is run's ${expected} MW: ${readout}`);
          const french = mw(readout.split(words.french)[1]);
          assert.ok(total > french, `the total stands above French demand: ${total} > ${french}`);
          // French demand alone, labelled as such, without the stack.
          await chart.locator('[data-view="french"]').click();
          assert.equal(await chart.getAttribute('data-chart-view'), 'french');
          assert.equal(await chart.locator('[data-series="foreign"]').count(), 0);
          assert.equal(await chart.locator('[data-stack="foreign"]').count(), 0);
          assert.match(await chart.locator('svg').getAttribute('aria-label'), words.only);
          assert.match(await chart.locator('svg .legend').textContent(), words.only, 'the drawing says so, for its exports');
          assert.equal(await chart.locator('[data-view="french"]').getAttribute('aria-pressed'), 'true');
          await chart.screenshot({ path: `${SCREENSHOT_DIR}/chart-french-only-${name}-${lang}.png` });
          await chart.locator('[data-view="all"]').click();
          await chart.screenshot({ path: `${SCREENSHOT_DIR}/chart-all-${name}-${lang}.png` });
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('the page before its script runs (what link previews and the embed start from) draws demand from abroad too', async () => {
    const bare = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      await bare.page.goto(site.url);
      assert.equal(await bare.page.locator('svg#chart-demand-supply [data-series="foreign"]').count(), 1);
    } finally {
      await bare.context.close();
    }
  });

  test('the methodology is one visible link away, in the header and the footer, in both languages', async () => {
    for (const viewport of [{ width: 1366, height: 800 }, { width: 390, height: 844 }]) {
      const { context, page, log } = await openApp(site.browser, site.url, { viewport });
      try {
        for (const lang of ['en', 'fr']) {
          if (lang === 'fr') await setLang(page, 'fr');
          const links = page.locator('[data-link="methodology"]');
          assert.equal(await links.count(), 2, `${lang}: one link in the header, one in the footer`);
          const head = links.first();
          const box = await head.boundingBox();
          assert.ok(await head.isVisible() && box.y + box.height <= viewport.height, `${lang} ${viewport.width}: the header's link is in the first viewport`);
          assert.match(await head.textContent(), lang === 'en' ? /Methodology/ : /Méthodologie/);
        }
        // The page is in the reader's language: French here, after the switch.
        const href = await page.locator('[data-link="methodology"]').first().getAttribute('href');
        assert.equal(href, 'methodology.fr.html');
        const response = await page.request.get(new URL(href, page.url()).href);
        assert.equal(response.status(), 200, `${href} is served`);
        assert.match(await response.text(), /En bref/, 'the French page opens with its summary');
        const english = await page.request.get(new URL('methodology.html', page.url()).href);
        assert.match(await english.text(), /What demand means/, 'the English page says what demand means');
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    }
  });

  // Issue 25: parts sum to the whole, as shown. The segment chart's parts add up to its total,
  // which is the H100-equivalents card; where two medians on screen do not add up to the
  // drawn total (French demand + demand from abroad), the chart says so, with the sum.
  for (const [name, viewport] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['en', 'fr']) {
      test(`${name}, ${lang}: the visible parts sum to the visible total, or the page says why not`, async () => {
        const { context, page, log } = await openApp(site.browser, site.url, { viewport });
        try {
          if (lang === 'fr') await setLang(page, 'fr');
          await quiet(page);
          const last = (text) => numbersIn(text, lang).at(-1);
          // Segments: "2030 — median TOTAL: Label PART · Label PART · …".
          const readout = await page.locator('figure[data-chart="segments"] .readout').textContent();
          const [head, ...rest] = readout.split(/\s?:\s/);
          const total = last(head);
          const parts = rest.join(': ').split(' · ').map(last);
          assert.equal(parts.length, 8, `eight segments: ${readout}`);
          const sum = parts.reduce((a, b) => a + b, 0);
          // Each number is shown to 3 significant figures: half a unit of the third digit each.
          const slack = [...parts, total].reduce((a, n) => a + 0.005 * n, 0);
          assert.ok(Math.abs(sum - total) <= slack, `the segments' ${sum} vs the total ${total} (± ${slack}): ${readout}`);
          const card = await page.locator('[data-metric="gpus_h100e"][data-year] .figure-value').textContent();
          assert.equal(numbersIn(card, lang)[0], total, `the segment chart's total is the card's: "${card}"`);
          // The main chart: French demand + demand from abroad, both cards, against the total.
          const mw = async (metric) => {
            const text = await page.locator(`[data-metric="${metric}"][data-year] .figure-value`).textContent();
            const n = numbersIn(text, lang)[0];
            return /GW/.test(text) ? n * 1000 : n;
          };
          const [french, foreign] = [await mw('facility_power_mw'), await mw('foreign_power_mw')];
          const main = await page.locator('figure[data-chart="demand-supply"] .readout').textContent();
          const totalText = main.split(lang === 'fr' ? 'toute la demande sur les sites français' : 'all demand on French sites')[1];
          const drawn = numbersIn(totalText, lang)[0] * (/^\s?:?\s?[\d.,\s\u202f\u00a0]+GW/.test(totalText) ? 1000 : 1);
          if (Math.abs(french + foreign - drawn) > 0.01 * drawn) {
            assert.match(main, lang === 'fr' ? /Les médianes ne s'additionnent pas/ : /Medians do not add up/, `the page says why ${french} + ${foreign} ≠ ${drawn}: ${main}`);
            const sumShown = Math.round(french + foreign);
            assert.ok(numbersIn(main, lang).some((n) => Math.abs(n - sumShown) <= 0.006 * sumShown), `the readout states the sum ${sumShown}: ${main}`);
          }
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
