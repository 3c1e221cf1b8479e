// Issue 27: the outcome views. For the chosen figure and year, the chance of being above (or
// below) any level, read off the exceedance chart and said in words, and what would have to
// be true for it: each uncertain parameter in the draws where the outcome happens and in the
// others. They are a second WebAssembly module (crates/compute-demand-views) that runs the
// page's own link, so every number must equal the CLI's for that link: the chance
// (`exceedance --level`), the curve's CSV (`exceedance --points 101`), the table and its CSV
// (`discover`). In English and French, on a desktop and a phone; a level that does not read
// is refused in words and loses nothing; the chart downloads as PNG and SVG; an embed shows it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { useSite, openApp, quiet, cli, download, fragment, SCREENSHOT_DIR } from './support.mjs';

const site = useSite();

/** Brings the panel on screen (the views are drawn only near it), waits for them to draw,
 * and returns what they show. */
async function outcome(page, previous = null) {
  await page.locator('#outcome').scrollIntoViewIfNeeded();
  await page.waitForFunction((before) => {
    const chance = document.querySelector('#outcome [data-chance]');
    return chance && document.querySelector('#outcome [data-panel=discover], #outcome figure, #outcome svg')
      && chance.textContent !== before;
  }, previous, { timeout: 60_000 });
  return page.evaluate(() => {
    const chance = document.querySelector('#outcome [data-chance]');
    const level = document.querySelector('#outcome #outcome-level');
    return {
      chance: Number(chance.dataset.chance),
      sentence: chance.textContent,
      level: level?.value,
      line: Number(document.querySelector('#outcome line[data-level]')?.dataset.level),
      side: document.querySelector('#outcome [data-side][aria-pressed=true]')?.dataset.side,
      series: [...document.querySelectorAll('#chart-exceedance [data-series]')].map((e) => e.dataset.series),
      rows: [...document.querySelectorAll('#outcome [data-panel=discover] tr[data-param]')].map((r) => ({
        key: r.dataset.param,
        cells: [...r.querySelectorAll('td')].map((td) => td.textContent),
      })),
      error: document.querySelector('#outcome .field-error')?.textContent ?? null,
      heading: document.querySelector('#outcome h2')?.textContent ?? null,
    };
  });
}

/** The CLI's reading of the page's link. */
async function cliChance(link, metric, year, level) {
  return JSON.parse(await cli(['exceedance', '--link', `#${link}`, '--metric', metric, '--year', String(year), '--level', String(level), '--format', 'json']));
}

async function cliDiscover(link, metric, year, side, level, format = 'json') {
  const out = await cli(['discover', '--link', `#${link}`, '--metric', metric, '--year', String(year), `--${side}`, String(level), '--format', format]);
  return format === 'json' ? JSON.parse(out) : out;
}

/** Replaces the level box's text and commits it (Enter). */
async function typeLevel(page, text) {
  const box = page.locator('#outcome-level');
  await box.fill(text);
  await box.press('Enter');
}

describe('the outcome views', () => {
  test('not fetched nor run until the panel nears the screen', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&s=2000', { viewport: { width: 1366, height: 900 } });
    try {
      await quiet(page, 2000);
      const far = await page.evaluate(() => document.getElementById('outcome').getBoundingClientRect().top - innerHeight);
      assert.ok(far > 600, `the panel starts ${far} px below the screen`);
      await page.waitForTimeout(500);
      assert.deepEqual(log.requests.filter((u) => /\/views-[0-9a-f]+/.test(u)), [], 'no module fetched while the panel is far');
      assert.equal(await page.locator('#outcome [data-chance]').count(), 0);
      await outcome(page);
      assert.equal(log.requests.filter((u) => /\/views-[0-9a-f]+\.js$/.test(u)).length, 1, 'fetched once it nears the screen');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('en desktop: the chance, the curves and the table are the CLI\'s for the page\'s link', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&s=2000', { viewport: { width: 1366, height: 900 } });
    try {
      await quiet(page, 2000);
      const shown = await outcome(page);
      const link = await fragment(page);
      assert.equal(shown.side, 'above', 'facility power starts above its median');
      assert.deepEqual(shown.series, ['chosen', 'all-on-sites', 'supply'], 'French demand, all demand on French sites, supply');
      const level = Number(shown.level);
      assert.ok(level > 0 && shown.line === level, `the level ${shown.level} is drawn at ${shown.line}`);
      const expected = await cliChance(link, 'facility_power_mw', 2030, level);
      assert.equal(shown.chance, expected.chance, 'the chance is the CLI\'s');
      assert.match(shown.sentence, new RegExp(`above ${level}\u00a0MW in 2030: [0-9.]+% of the draws \\([0-9,]+ of 2,000\\)`));
      assert.ok(shown.chance > 0.3 && shown.chance < 0.7, `above the median, about half the draws: ${shown.chance}`);

      const discovery = await cliDiscover(link, 'facility_power_mw', 2030, 'above', level);
      assert.equal(shown.rows.length, 10, 'the ten most different parameters');
      assert.deepEqual(shown.rows.map((r) => r.key), discovery.parameters.slice(0, 10).map((p) => p.key), 'ranked as the CLI ranks them');
      for (const row of shown.rows) {
        assert.ok(row.cells.every((c) => c && !/NaN|undefined|inf/.test(c)), `${row.key}: ${row.cells}`);
      }
      shown.rows.forEach((row, i) => {
        const cli = discovery.parameters[i];
        assert.equal(Number(row.cells[2]), Number(cli.distance.toPrecision(3)), `${row.key}: the distance, to three figures`);
        const median = Number(row.cells[0].split(' ')[0]);
        const expected = cli.unit === 'share' ? cli.holding.p50 * 100 : cli.holding.p50;
        assert.ok(Math.abs(median - expected) <= 0.006 * Math.abs(expected), `${row.key}: median where it happens ${median} vs ${expected}`);
      });

      // The CSVs are the CLI's bytes.
      const curve = await download(page, '#outcome button[data-csv=exceedance]');
      assert.equal(curve.name, 'compute-demand-exceedance-facility_power_mw-2030.csv');
      assert.equal(curve.text, await cli(['exceedance', '--link', `#${link}`, '--metric', 'facility_power_mw', '--year', '2030', '--points', '101', '--format', 'csv']));
      const split = await download(page, '#outcome button[data-csv=discover]');
      assert.equal(split.name, 'compute-demand-discover-facility_power_mw-2030.csv');
      assert.equal(split.text, await cliDiscover(link, 'facility_power_mw', 2030, 'above', level, 'csv'));

      await page.locator('#outcome').scrollIntoViewIfNeeded();
      await page.locator('#outcome').screenshot({ path: path.join(SCREENSHOT_DIR, 'outcome-en-desktop.png') });
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('below, another level, a level that does not read: each answered, nothing lost', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&s=2000', { viewport: { width: 1366, height: 900 } });
    try {
      await quiet(page, 2000);
      let shown = await outcome(page);
      const link = await fragment(page);
      const level = Number(shown.level);

      await page.click('#outcome [data-side=below]');
      shown = await outcome(page, shown.sentence);
      assert.equal(shown.side, 'below');
      const below = await cliDiscover(link, 'facility_power_mw', 2030, 'below', level);
      assert.equal(shown.chance, below.holding.share, 'below: the CLI\'s share of draws below the level');
      assert.match(shown.sentence, /below \d+\u00a0MW in 2030/);

      await typeLevel(page, '400');
      shown = await outcome(page, shown.sentence);
      assert.equal(shown.level, '400');
      assert.equal(shown.line, 400);
      const at400 = await cliDiscover(link, 'facility_power_mw', 2030, 'below', 400);
      assert.equal(shown.chance, at400.holding.share);

      // Refused in words beside the box; the box keeps the text; the chart keeps its level.
      await typeLevel(page, 'abc');
      await page.waitForSelector('#outcome .field-error');
      shown = await outcome(page);
      assert.equal(shown.error, '“abc” is not a number.');
      assert.equal(shown.level, 'abc', 'the text typed is kept');
      assert.equal(shown.line, 400, 'the chart keeps the last level that read');
      assert.equal(await page.getAttribute('#outcome-level', 'aria-invalid'), 'true');

      // Another figure starts from its own outcome: coverage below 1.
      const coverage = link.replace(/^v1&/, 'v1&m=coverage_ratio&');
      await page.goto(site.url + '#' + coverage);
      await page.reload();
      await quiet(page, 2000);
      shown = await outcome(page);
      assert.equal(shown.side, 'below');
      assert.equal(shown.level, '1');
      assert.deepEqual(shown.series, ['chosen']);
      const short = await cliDiscover(await fragment(page), 'coverage_ratio', 2030, 'below', 1);
      assert.equal(shown.chance, short.holding.share, 'the chance supply falls short of demand');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('fr phone: in French, numbers written in French, a decimal comma read', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&m=coverage_ratio&s=2000&lang=fr', {
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
    });
    try {
      await quiet(page, 2000);
      let shown = await outcome(page);
      assert.equal(shown.heading, 'Quelles sont les chances\u202f?');
      assert.match(shown.sentence, /^Couverture de toute la demande en dessous de 1,00× en 2030\u202f: [0-9,]+\u00a0% des tirages \([0-9\u202f]+ sur 2\u202f000\)\.$/);
      await typeLevel(page, '0,8');
      shown = await outcome(page, shown.sentence);
      assert.equal(shown.line, 0.8, 'a French decimal comma reads');
      const expected = await cliDiscover(await fragment(page), 'coverage_ratio', 2030, 'below', 0.8);
      assert.equal(shown.chance, expected.holding.share);
      const table = await page.locator('#outcome [data-panel=discover]').textContent();
      assert.match(table, /Ce qu'il faudrait/);
      assert.match(table, /Paramètre/);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no sideways scroll on a phone: ${width}`);
      await page.locator('#outcome').scrollIntoViewIfNeeded();
      await page.locator('#outcome').screenshot({ path: path.join(SCREENSHOT_DIR, 'outcome-fr-phone.png') });
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('the chart downloads as SVG and PNG with its title, source and link; embed=exceedance shows it alone', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&s=2000', { viewport: { width: 1366, height: 900 } });
    try {
      await quiet(page, 2000);
      await outcome(page);
      const svg = await download(page, '#outcome button[data-download=svg][data-chart=exceedance]');
      assert.equal(svg.name, 'compute-demand-exceedance.svg');
      assert.match(svg.text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg.text, /Chance of exceeding each level: Facility power/);
      assert.match(svg.text, /data-source=""[^>]*>Source: compute-demand/);
      assert.match(svg.text, /data-series="supply"/);
      assert.match(svg.text, /#v1&amp;s=2000/, 'the permalink');
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('#outcome button[data-download=png]')]);
      assert.equal(png.suggestedFilename(), 'compute-demand-exceedance.png');
      const bytes = await (await import('node:fs/promises')).readFile(await png.path());
      assert.equal(bytes.readUInt32BE(16), 2400, 'drawn at 2×');
      await writeFile(path.join(SCREENSHOT_DIR, 'outcome-figure.png'), bytes);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
    const embed = await openApp(site.browser, site.url + '#v1&s=2000&embed=exceedance', { viewport: { width: 400, height: 600 } });
    try {
      await quiet(embed.page, 2000);
      const shown = await outcome(embed.page);
      assert.ok(shown.chance > 0 && shown.chance < 1);
      assert.equal(await embed.page.locator('#outcome [data-panel=discover]').count(), 0, 'the chart alone');
      assert.equal(await embed.page.locator('#outcome #chart-exceedance').count(), 1);
      assert.deepEqual(embed.log.errors, []);
    } finally {
      await embed.context.close();
    }
  });
});
