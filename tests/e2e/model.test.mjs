// Issue 9 in the app: every parameter shows the evidence behind it, every headline figure says
// what it means, and the headline counts the demand from abroad on French sites, which coverage
// now sets against supply with the French ecosystem's.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openApp, cliParams, HEADLINE_METRICS } from './support.mjs';

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

});
