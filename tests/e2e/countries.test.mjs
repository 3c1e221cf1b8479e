// Issue 28: a country is a data pack, and the page switches between them. Choosing the United
// Kingdom switches the whole page: its words, its presets, its register, its figures (the
// CLI's for the same link), its sources and its methodology page; and back again.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  useSite, openApp, settled, figures, fragment, waitForFragment, cli, cliRunLink, compareWithRun,
  setLang, SCREENSHOT_DIR,
} from './support.mjs';

const site = useSite();

/** The page's words outside the country menu and the assumptions' source texts. */
async function pageWords(page) {
  return page.evaluate(() => {
    const copy = document.querySelector('.app').cloneNode(true);
    copy.querySelectorAll('select#country, .source, details.cite, [data-source-text]').forEach((el) => el.remove());
    return copy.innerText;
  });
}

describe('countries', () => {

  test('choosing the United Kingdom switches the whole page, and France comes back', async () => {
    const { page, context } = await openApp(site.browser, site.url);
    await settled(page);
    const menu = page.locator('select#country');
    assert.equal(await menu.inputValue(), 'fr');
    assert.match(await page.locator('h1').innerText(), /France's generative AI/);

    await menu.selectOption('uk');
    const link = await waitForFragment(page, /(^|&)cc=uk(&|$)/);
    await settled(page);
    assert.match(await page.locator('h1').innerText(), /the United Kingdom's generative AI/);
    assert.match(await page.locator('.lede').innerText(), /Isambard-AI/);
    assert.match(await page.title(), /the United Kingdom's generative AI/);
    assert.equal(await page.inputValue('select#preset'), 'baseline');
    // Its register and its methodology page.
    await page.locator('[data-project="isambard-ai-p2"]').first().waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-project="mistral-compute"]').count(), 0, "France's register is gone");
    assert.equal(await page.getAttribute('.masthead [data-link="methodology"]', 'href'), 'methodology-uk.html');
    // Its words: no French sites, no French demand, no Poolside (the UK's lab in that role is
    // Google DeepMind).
    const words = await pageWords(page);
    assert.doesNotMatch(words, /French (demand|sites|ecosystem|labs)|in France\b|France's|Poolside \(H100e\)/, 'no French words on the UK page');
    assert.match(words, /UK demand|UK sites/);
    // Its figures are the CLI's for the same link.
    const run = await cliRunLink(link);
    assert.equal(run.scenario.country, 'uk');
    compareWithRun(assert, await figures(page), run);
    // Its sources: a parameter's source text is the UK pack's.
    await page.waitForFunction(() => document.querySelector('.app')?.dataset.sources === 'ready');
    const source = await page.locator('[data-source-text="training.deepmind.uk_share"]').first().textContent();
    assert.match(source, /Waltham Cross|DeepMind|Google/, `the UK's source: ${source}`);

    // The page as the switch leaves it, before anything scrolls the results.
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'country-uk.png') });

    // The outcome views (the second module, drawn outside the components' props) name the UK's
    // parameters by its keys and labels.
    const ukKeys = new Set(JSON.parse(await cli(['params', '--country', 'uk', '--format', 'json'])).map((p) => p.key));
    // They are drawn only near the panel.
    await page.locator('#outcome').scrollIntoViewIfNeeded();
    await page.waitForSelector('#outcome [data-panel=discover] tr[data-param]', { timeout: 60_000 });
    const rows = await page.$$eval('#outcome [data-panel=discover] tr[data-param]', (trs) =>
      trs.map((tr) => ({ key: tr.dataset.param, label: tr.querySelector('th').textContent })));
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.ok(ukKeys.has(row.key), `a UK key: ${row.key}`);
      assert.doesNotMatch(row.label, /France|French|Poolside/, row.label);
    }


    // In French, the country's words agree.
    await setLang(page, 'fr');
    assert.match(await page.locator('h1').innerText(), /l'IA générative britannique/);
    assert.match(await pageWords(page), /sites britanniques|demande britannique/i);
    await setLang(page, 'en');

    // Back to France: its baseline, its link without cc=.
    await menu.selectOption('fr');
    await waitForFragment(page, /^(?!.*cc=)/);
    await settled(page);
    assert.doesNotMatch(await fragment(page), /cc=/);
    assert.match(await page.locator('h1').innerText(), /France's generative AI/);
    await page.locator('[data-project="mistral-compute"]').first().waitFor({ state: 'attached' });
    await context.close();
  });

  test("a link to the United Kingdom opens its page, its preset and the CLI's figures", async () => {
    const { page, context } = await openApp(site.browser, `${site.url}#v1&cc=uk&p=high`);
    await settled(page);
    assert.equal(await page.inputValue('select#country'), 'uk');
    assert.equal(await page.inputValue('select#preset'), 'high');
    assert.equal(await page.locator('.notices .notice').count(), 0, 'nothing to say');
    compareWithRun(assert, await figures(page), await cliRunLink(await fragment(page)));
    await context.close();
  });
});
