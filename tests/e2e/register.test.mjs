// Issue 11 (5): the supply register. One row per project of `compute-demand projects`, each
// counted by default; unchecking one takes it out of the supply, in the link (`off=ID`), the
// CLI's figures for that link, a reload and a scenario file; projects of one's own join the
// same table and leave it; the headline sentence names the nameplate beside the expected supply.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, openApp, attr, figures, fragment, waitForFragment, waitForChange, quiet, ready, cli,
  expand, setLang, download, compareWithRun, cliRunLink, numbersIn,
  addProject, SCREENSHOT_DIR,
} from './support.mjs';

const site = useSite();

const DESKTOP = { viewport: { width: 1366, height: 900 } };

let projects;
let target;

/**
 * The project whose removal lowers the 2030 supply most: a first guess from the register
 * (nameplate online by 2030 after a typical delay, times the odds of its status and, on a
 * general-purpose site, the AI share), then, among the four best guesses, the CLI's own answer
 * when it reads `off=` in a link.
 */
async function biggest() {
  const odds = { built: 1, financed: 0.825, announced: 0.35 };
  const delay = { built: 0, financed: 0.32, announced: 1.22 };
  const guess = projects
    .map((p) => ({
      id: p.id,
      mw: p.tranches
        .filter((t) => t.online_year + delay[t.status] <= 2030)
        .reduce((sum, t) => sum + t.nameplate_mw * odds[t.status] * (p.dedicated ? 1 : 0.45), 0),
    }))
    .sort((a, b) => b.mw - a.mw);
  const base = (await cliRunLink('v1')).years.find((y) => y.year === 2030).metrics.supply_power_mw.p50;
  let best = { id: guess[0].id, drop: 0 };
  for (const { id } of guess.slice(0, 4)) {
    const run = await cliRunLink(`v1&off=${id}`);
    const drop = base - run.years.find((y) => y.year === 2030).metrics.supply_power_mw.p50;
    if (drop > best.drop) best = { id, drop };
  }
  return best.id;
}

before(async () => {
  projects = JSON.parse(await cli(['projects', '--format', 'json']));
  target = await biggest();
});

const row = (page, id) => page.locator(`[data-project="${id}"]`);

/** Unchecks project `id` in the register and waits for the supply and the link to follow. */
async function exclude(page, id) {
  const box = row(page, id).locator('input[type=checkbox]');
  await expand(box);
  const before = await attr(page, 'supply_power_mw');
  await box.uncheck();
  await waitForChange(page, 'supply_power_mw', before);
  const link = await waitForFragment(page, new RegExp(`(^|&)off=([^&]*,)?${id}(,|&|$)`));
  await quiet(page);
  return { before: Number(before), link };
}

/** Whether `text` mentions `mw` megawatts (as MW or GW, display rounding 2%). */
function mentionsMw(text, mw, lang = 'en') {
  const flat = text.replace(/[\u00a0\u202f\u2009]/g, ' ');
  const re = lang === 'fr'
    ? /(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?\s*(MW|GW)/g
    : /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(MW|GW)/g;
  for (const m of flat.matchAll(re)) {
    const n = Number(`${m[1].replace(/[ ,]/g, '')}${m[2] ? '.' + m[2] : ''}`) * (m[3] === 'GW' ? 1000 : 1);
    if (Math.abs(n - mw) <= 0.02 * Math.abs(mw) + 0.05) return true;
  }
  return false;
}

describe('the register', () => {
  test('one row per project of `compute-demand projects`, each counted, with its nameplate, status, year and MW counted', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    try {
      const rows = await page.$$eval('[data-project]', (els) => els.map((el) => ({
        id: el.dataset.project,
        boxes: el.querySelectorAll('input[type=checkbox]').length,
        checked: el.querySelector('input[type=checkbox]')?.checked ?? null,
        // Cell by cell (adjacent cells have no space between them in textContent).
        text: [...el.querySelectorAll('th, td')].map((c) => c.textContent.replace(/\s+/g, ' ').trim()).join(' | '),
        table: el.closest('table, [role=table]') ? 'table' : null,
      })));
      const builtIn = rows.filter((r) => !r.id.startsWith('custom'));
      assert.deepEqual(builtIn.map((r) => r.id).sort(), projects.map((p) => p.id).sort(), 'a row per project, by id');
      assert.equal(builtIn.length, projects.length, 'each project once');
      for (const r of builtIn) {
        const p = projects.find((q) => q.id === r.id);
        assert.ok(r.table, `${r.id}: the row is in a table`);
        assert.equal(r.boxes, 1, `${r.id}: one checkbox`);
        assert.equal(r.checked, true, `${r.id}: counted by default`);
        const years = [...new Set(p.tranches.map((t) => t.online_year))];
        assert.ok(years.some((y) => r.text.includes(String(y))), `${r.id}: an online year (${years}) in "${r.text}"`);
        const statuses = [...new Set(p.tranches.map((t) => t.status))];
        assert.ok(statuses.some((s) => r.text.toLowerCase().includes(s)), `${r.id}: a status (${statuses}) in "${r.text}"`);
        const nameplates = [p.tranches.reduce((sum, t) => sum + t.nameplate_mw, 0), ...p.tranches.map((t) => t.nameplate_mw)];
        assert.ok(nameplates.some((mw) => mentionsMw(r.text, mw)), `${r.id}: its nameplate (${nameplates.map((n) => n.toFixed(1))} MW) in "${r.text}"`);
        const quantities = numbersIn(r.text).filter((n) => !(Number.isInteger(n) && n >= 2020 && n <= 2040));
        assert.ok(quantities.length >= 2, `${r.id}: nameplate and MW counted: "${r.text}"`);
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('unchecking a project lowers the supply, goes in the link, gives the CLI\'s figures, and survives a reload and a scenario file', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    let saved;
    let shown;
    try {
      const { before, link } = await exclude(page, target);
      const after = Number(await attr(page, 'supply_power_mw'));
      assert.ok(after < before, `without ${target} the 2030 supply p50 is lower (${before} → ${after})`);
      shown = await figures(page);
      compareWithRun(assert, shown, await cliRunLink(link), 2030);

      await page.reload({ waitUntil: 'domcontentloaded' });
      await ready(page);
      await quiet(page);
      assert.equal(await fragment(page), link, 'the link is kept');
      assert.equal(await row(page, target).locator('input[type=checkbox]').isChecked(), false, `${target} stays unchecked after a reload`);
      assert.deepEqual(await figures(page), shown, 'the same figures after a reload');

      saved = await download(page, '#export-scenario');
      assert.match(saved.name, /\.toml$/);
      assert.ok(saved.text.includes(target), `the scenario file names ${target}`);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }

    const fresh = await openApp(site.browser, site.url, DESKTOP);
    try {
      const { page } = fresh;
      assert.equal(await row(page, target).locator('input[type=checkbox]').isChecked(), true, 'a fresh page counts it');
      await page.setInputFiles('#import-scenario', { name: saved.name, mimeType: 'text/plain', buffer: Buffer.from(saved.text) });
      await waitForFragment(page, new RegExp(`(^|&)off=([^&]*,)?${target}(,|&|$)`));
      await quiet(page);
      assert.equal(await row(page, target).locator('input[type=checkbox]').isChecked(), false, `${target} is unchecked after the import`);
      assert.deepEqual(await figures(page), shown, 'the same figures after the import');
      assert.deepEqual(fresh.log.errors, []);
    } finally {
      await fresh.context.close();
    }
  });

  test('a project of one\'s own joins the same table, can be removed from it, and the supply goes back', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, DESKTOP);
    try {
      await quiet(page);
      const baseline = await figures(page);
      const before = await attr(page, 'supply_power_mw');
      await addProject(page, { name: 'Campus test', year: '2028', amount: '500', unit: 'mw', status: 'financed' });
      const custom = page.locator('[data-project^="custom"]');
      await custom.first().waitFor({ state: 'attached' });
      assert.equal(await custom.count(), 1, 'one row of one\'s own');
      const said = await custom.evaluate((el) => `${el.textContent} ${[...el.querySelectorAll('input')].map((i) => i.value).join(' ')}`);
      assert.match(said, /Campus test/, 'the row names the project');
      const sameTable = await page.evaluate((id) => {
        const mine = document.querySelector('[data-project^="custom"]').closest('table, [role=table]');
        const theirs = document.querySelector(`[data-project="${id}"]`).closest('table, [role=table]');
        return !!mine && mine === theirs;
      }, projects[0].id);
      assert.ok(sameTable, 'the project of one\'s own is in the register\'s table');
      const after = await waitForChange(page, 'supply_power_mw', before);
      assert.ok(Number(after) > Number(before) + 100, `500 MW financed in 2028 raises the 2030 supply (${before} → ${after})`);
      await waitForFragment(page, 'x=');
      await quiet(page);

      await expand(custom);
      const buttons = custom.locator('button');
      assert.ok((await buttons.count()) >= 1, 'the row has a button to remove it');
      const named = custom.getByRole('button', { name: /remove|retirer|supprimer|delete/i });
      await ((await named.count()) ? named.first() : buttons.first()).click();
      await custom.first().waitFor({ state: 'detached' });
      await waitForFragment(page, /^v1$/);
      await quiet(page);
      assert.deepEqual(await figures(page), baseline, 'the baseline figures again');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  for (const lang of ['en', 'fr']) {
    test(`${lang.toUpperCase()}: the headline sentence names the nameplate beside the expected supply`, async () => {
      const { context, page } = await openApp(site.browser, site.url, DESKTOP);
      try {
        if (lang === 'fr') await setLang(page, 'fr');
        const sentence = (await page.locator('.verdict').innerText()).trim();
        assert.match(sentence, lang === 'fr' ? /nominale/i : /nameplate/i, `the sentence names the nameplate: "${sentence}"`);
        const supply = Number(await attr(page, 'supply_power_mw'));
        assert.ok(mentionsMw(sentence, supply, lang), `and the expected supply, ${supply} MW: "${sentence}"`);
      } finally {
        await context.close();
      }
    });
  }

  // Issue 25: the register's arithmetic visible. Every tranche shows each factor of the MW it
  // counts (nameplate, average load, odds it is built, AI share, share counted, part of the
  // year in service), so the product done by hand is the MW counted; dates read as months.
  for (const [name, viewport] of [['desktop', { width: 1366, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['en', 'fr']) {
      test(`${name}, ${lang}: every tranche's factors multiply to the MW it counts; dates as months`, async () => {
        const { context, page, log } = await openApp(site.browser, site.url, { viewport });
        try {
          if (lang === 'fr') await setLang(page, 'fr');
          await quiet(page);
          const first = page.locator('[data-project] [data-counted-mw]').first();
          await expand(first);
          const rows = await page.$$eval('[data-project] tr:has([data-counted-mw])', (trs) => trs.map((tr) => ({
            project: tr.closest('[data-project]').dataset.project,
            counted: Number(tr.querySelector('[data-counted-mw]').dataset.countedMw),
            factors: Object.fromEntries([...tr.querySelectorAll('[data-factor]')].map((f) => [f.dataset.factor, { value: Number(f.dataset.value), text: f.textContent }])),
            text: tr.textContent.replace(/\s+/g, ' '),
          })));
          assert.ok(rows.length >= projects.length, `a row per tranche: ${rows.length}`);
          const FACTORS = ['nameplate', 'average-load', 'completion', 'ai-share', 'own-share', 'in-service'];
          for (const r of rows) {
            assert.deepEqual(Object.keys(r.factors).sort(), [...FACTORS].sort(), `${r.project}: every factor shown`);
            const product = FACTORS.reduce((p, k) => p * r.factors[k].value, 1);
            assert.ok(Math.abs(product - r.counted) <= 1e-9 * Math.max(1, r.counted), `${r.project}: ${product} by hand vs ${r.counted} counted`);
            // What the reader sees is what is multiplied (to the 3 figures shown).
            for (const k of FACTORS.filter((k) => k !== 'nameplate')) {
              const shown = numbersIn(r.factors[k].text, lang)[0] / 100;
              const value = r.factors[k].value;
              assert.ok(Math.abs(shown - value) <= 0.006 * Math.max(value, 0.01) + 1e-9, `${r.project} ${k}: "${r.factors[k].text}" shows ${value}`);
            }
            assert.doesNotMatch(r.text, /\b20\d\d[.,]\d\b/, `${r.project}: no fractional year in "${r.text}"`);
          }
          const months = lang === 'fr' ? /janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|après 2030/ : /January|February|March|April|May|June|July|August|September|October|November|December|after 2030/;
          for (const r of rows) assert.match(r.text, months, `${r.project}: its date of service as a month`);
          // Mistral Compute enters service mid-2026: July.
          const mistral = rows.find((r) => r.project === 'mistral-compute');
          if (mistral) assert.match(mistral.text, lang === 'fr' ? /juillet 2026/ : /July 2026/, mistral.text);
          await page.locator('.register').screenshot({ path: `${SCREENSHOT_DIR}/register-${name}-${lang}.png` });
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
