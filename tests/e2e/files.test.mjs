// Issue 4 (9, 10, 12): downloads (CSV, JSON, a chart's SVG, scenario file), importing a
// scenario file, and adding a project of one's own. (publish.test.mjs: every chart's PNG and
// SVG, the CSV's units and the JSON's metadata.)

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import {
  useSite, openApp, slideTo, attr, figures, checkFigures, fragment, waitForFragment, waitForChange,
  settled, notices, cli, relDiff, HEADLINE_METRICS,
  addProject, inViewport,
} from './support.mjs';

const site = useSite();

before(async () => {
  await mkdir(new URL('./screenshots/', import.meta.url), { recursive: true });
});

/** Clicks `selector` and returns the download's file name and text. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const filePath = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(filePath, 'utf8') };
}

/** Imports a scenario file made of `text` through the file input. */
async function importFile(page, name, text) {
  await page.setInputFiles('#import-scenario', { name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

describe('downloads', () => {
  // Issue 26: the files are made by the page's second module (crates/compute-demand-views),
  // fetched on the first click. When it cannot be, the page says so and loses nothing.
  test('the files come from the second module, fetched on the first click; without it, a notice', async () => {
    const isModule = (url) => /\/views-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(url);
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&p=low', { serviceWorkers: 'block' });
    try {
      await settled(page);
      assert.deepEqual(log.requests.filter(isModule), [], 'not fetched before a click (the panel is far)');
      const csv = await download(page, '#export-csv');
      assert.match(csv.name, /\.csv$/);
      assert.ok(log.requests.filter(isModule).length >= 1, 'fetched on the click');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
    const cut = await openApp(site.browser, site.url + '#v1&p=low', { serviceWorkers: 'block' });
    try {
      await cut.page.route(isModule, (route) => route.abort());
      await settled(cut.page);
      await cut.page.click('#export-csv');
      await cut.page.locator('.notices[role=alert] .notice').first().waitFor();
      assert.match((await notices(cut.page)).join('\n'), /could not be loaded; reload the page/);
      // Said where the reader is: the click was far below the notices, which an error keeps in sight.
      const said = await inViewport(cut.page.locator('.notices .notice-error').first());
      assert.ok(said.inside, `the notice is on screen: ${JSON.stringify(said)}`);
      await cut.page.evaluate(() => document.querySelectorAll('.notice-dismiss').forEach((b) => b.click()));
      await importFile(cut.page, 'mine.toml', '[params]\ntraining.frontier.runs_per_year = 6\n');
      await cut.page.locator('.notices[role=alert] .notice').first().waitFor();
      assert.match((await notices(cut.page)).join('\n'), /could not be loaded; reload the page/);
      assert.equal(await fragment(cut.page), 'v1&p=low', 'the scenario on screen is unchanged');
      assert.equal(await cut.page.locator('#fatal').count(), 0, 'no crash');
    } finally {
      await cut.context.close();
    }
  });

  test('CSV, JSON and SVG hold the figures on screen; no error', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&s=2000&seed=5');
    try {
      await settled(page, 2000);
      const shown = checkFigures(assert, await figures(page), 2030);

      const csv = await download(page, '#export-csv');
      assert.match(csv.name, /\.csv$/);
      const lines = csv.text.trim().split(/\r?\n/);
      assert.equal(lines[0], 'metric,year,p5,p50,p95,mean,unit', 'the CSV header');
      const rows = new Map(lines.slice(1).map((line) => {
        const [metric, year, p5, p50, p95, mean] = line.split(',');
        return [`${year}/${metric}`, { p5: Number(p5), p50: Number(p50), p95: Number(p95), mean: Number(mean) }];
      }));
      for (const year of [2024, 2030]) {
        assert.ok(rows.has(`${year}/facility_power_mw`), `the CSV has ${year}`);
      }
      for (const metric of HEADLINE_METRICS) {
        const row = rows.get(`2030/${metric}`);
        assert.ok(row, `the CSV has 2030 ${metric}`);
        for (const q of ['p5', 'p50', 'p95']) {
          assert.ok(relDiff(row[q], shown.get(metric)[q]) < 1e-9, `CSV 2030 ${metric} ${q} ${row[q]} = screen ${shown.get(metric)[q]}`);
        }
      }

      const json = await download(page, '#export-json');
      assert.match(json.name, /\.json$/);
      const data = JSON.parse(json.text);
      assert.ok(Array.isArray(data.years), 'the JSON has years');
      assert.deepEqual(data.years.map((y) => y.year), [2024, 2025, 2026, 2027, 2028, 2029, 2030]);
      const y2030 = data.years.find((y) => y.year === 2030).metrics;
      for (const metric of HEADLINE_METRICS) {
        assert.ok(relDiff(y2030[metric].p50, shown.get(metric).p50) < 1e-9, `JSON 2030 ${metric} p50 = screen`);
      }
      assert.equal(data.scenario?.samples, 2000, 'the JSON names its scenario');
      assert.equal(data.scenario?.seed, 5);
      // The same as the CLI's run of the same scenario.
      const run = JSON.parse(await cli(['run', '--format', 'json', '--samples', '2000', '--seed', '5']));
      assert.equal(
        relDiff(data.years[6].metrics.facility_power_mw.p95, run.years[6].metrics.facility_power_mw.p95) < 1e-9, true,
        'the JSON agrees with `compute-demand run`',
      );

      const svg = await download(page, 'button[data-download=svg][data-chart=demand-supply]');
      assert.match(svg.name, /\.svg$/);
      assert.ok(svg.text.startsWith('<svg'), `the SVG starts with <svg: ${svg.text.slice(0, 40)}`);
      assert.match(svg.text.slice(0, 500), /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.ok(svg.text.trim().endsWith('</svg>'));
      // It stands alone: it parses as SVG, and a page without the app's stylesheet draws it.
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          root: doc.documentElement.localName,
          ns: doc.documentElement.namespaceURI,
          error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
        };
      }, svg.text);
      assert.equal(parsed.error, null, `the SVG file parses as XML (a standalone .svg must): ${parsed.error}`);
      assert.equal(parsed.root, 'svg');
      assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
      const viewer = await context.newPage();
      try {
        await viewer.setContent(`<!doctype html><body style="margin:0;background:#fff"><img id="chart" src="data:image/svg+xml;base64,${Buffer.from(svg.text).toString('base64')}"></body>`);
        const size = await viewer.locator('#chart').evaluate(async (img) => {
          await img.decode().catch(() => {});
          return { width: img.naturalWidth, height: img.naturalHeight, complete: img.complete };
        });
        assert.ok(size.complete && size.width > 100 && size.height > 50, `the SVG file draws as an image (${JSON.stringify(size)})`);
        await viewer.locator('#chart').screenshot({ path: new URL('./screenshots/exported-chart.png', import.meta.url).pathname }).catch(() => {});
      } finally {
        await viewer.close();
      }

      assert.equal(await page.locator('.notices .notice-error').count(), 0, 'no error notice');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a scenario file saved from the app opens the same scenario in a fresh browser', async () => {
    const first = await openApp(site.browser, site.url);
    let saved;
    let shown;
    let link;
    try {
      const { page } = first;
      let before = await attr(page, 'facility_power_mw');
      await page.selectOption('select#preset', 'high');
      before = await waitForChange(page, 'facility_power_mw', before);
      await slideTo(page, 'facility.pue', 1.5);
      await waitForChange(page, 'facility_power_mw', before);
      await page.locator('#scenario-name').fill('Round trip');
      await page.locator('#scenario-name').press('Enter');
      link = await waitForFragment(page, /n=Round/);
      await settled(page, 10000);
      shown = await figures(page);
      saved = await download(page, '#export-scenario');
      assert.match(saved.name, /\.toml$/);
      assert.match(saved.text, /preset = "high"/);
      assert.match(saved.text, /facility\.pue/);
      assert.match(saved.text, /Round trip/);
    } finally {
      await first.context.close();
    }

    const second = await openApp(site.browser, site.url);
    try {
      const { page, log } = second;
      assert.equal(await fragment(page), 'v1');
      await importFile(page, saved.name, saved.text);
      await waitForFragment(page, /p=high/);
      await settled(page, 10000);
      assert.equal(await page.inputValue('select#preset'), 'high');
      assert.equal(await page.inputValue('#scenario-name'), 'Round trip');
      assert.equal(await fragment(page), link, 'the same link as where it was saved');
      assert.deepEqual(await figures(page), shown, 'the same figures as where it was saved');
      const said = (await notices(page)).join('\n');
      assert.match(said, /loaded|chargé/i, `the import is confirmed: ${said}`);
      assert.deepEqual(log.errors, []);
    } finally {
      await second.context.close();
    }
  });

  test('a scenario file written by the CLI imports', async () => {
    const text = await cli(['scenario', '--preset', 'high', '--set', 'training.frontier.growth=2..3']);
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      await importFile(page, 'cli.toml', text);
      const link = await waitForFragment(page, /p=high/);
      assert.equal(link, 'v1&p=high&training.frontier.growth=2..3');
      assert.equal(await page.inputValue('select#preset'), 'high');
      const run = JSON.parse(await cli(['run', '--format', 'json', '--preset', 'high', '--set', 'training.frontier.growth=2..3']));
      await settled(page, 10000);
      const p50 = Number(await attr(page, 'facility_power_mw'));
      assert.ok(relDiff(p50, run.years[6].metrics.facility_power_mw.p50) < 1e-9, 'the imported scenario gives the CLI figures');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a broken scenario file is refused with a message naming the line; the scenario stays', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&p=low');
    try {
      await importFile(page, 'broken.toml', '[params]\ntraining.frontier.growth = 99\n');
      await page.locator('.notices[role=alert] .notice').first().waitFor();
      const said = (await notices(page)).join('\n');
      assert.match(said, /broken\.toml/, `the message names the file: ${said}`);
      assert.match(said, /:2:/, `the message names the line: ${said}`);
      assert.match(said, /training\.frontier\.growth/, 'and the parameter');
      assert.equal(await fragment(page), 'v1&p=low', 'the scenario on screen is unchanged');

      // Other broken files: not TOML, an unknown key, markup, too big.
      const cases = [
        { name: 'junk.toml', text: 'this is = = not toml\n', says: /junk\.toml/ },
        { name: 'unknown.toml', text: 'format = 1\n[params]\nbogus.key = 2\n', says: /bogus\.key/ },
        { name: 'xss.toml', text: '[params]\n<img src=x onerror="window.__xss=1"> = 1\n', says: /<img src/ },
        { name: 'big.toml', text: '#'.repeat(200 * 1024), says: /bytes/ },
      ];
      for (const c of cases) {
        await page.evaluate(() => document.querySelectorAll('.notice-dismiss').forEach((b) => b.click()));
        await page.locator('.notices .notice').first().waitFor({ state: 'detached' });
        await importFile(page, c.name, c.text);
        await page.locator('.notices[role=alert] .notice').first().waitFor();
        const text = (await notices(page)).join('\n');
        assert.match(text, c.says, `${c.name}: ${text}`);
        assert.equal(await fragment(page), 'v1&p=low', `${c.name} changes nothing`);
      }
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('projects', () => {
  test('the project form starts on MW and announced, the first choices', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    try {
      assert.equal(await page.inputValue('#project-unit'), 'mw', 'the capacity unit starts on MW');
      assert.equal(await page.inputValue('#project-status'), 'announced', 'the status starts on announced');
      assert.equal(await page.inputValue('#project-year'), '2028');
    } finally {
      await context.close();
    }
  });

  test('a project added through the form is listed in the register, raises the 2030 supply, and can be removed there', async () => {
    const { context, page, log } = await openApp(site.browser, site.url);
    try {
      const before = await attr(page, 'supply_power_mw');
      const beforeAll = await figures(page);
      await addProject(page, { name: 'Campus test', year: '2028', amount: '500', unit: 'mw', status: 'financed' });
      // Listed in the register, editable there.
      const item = page.locator('[data-project^="custom"]');
      await item.waitFor();
      assert.equal(await item.locator('input.project-name').inputValue(), 'Campus test');
      assert.equal(await item.locator('select').first().inputValue(), '2028');
      assert.equal(await item.locator('input.number').inputValue(), '500');
      assert.match(await item.textContent(), /MW/);
      const after = await waitForChange(page, 'supply_power_mw', before);
      assert.ok(Number(after) > Number(before) + 100,
        `500 MW financed in 2028 raises the 2030 supply p50 (${Number(before).toFixed(1)} → ${Number(after).toFixed(1)} MW)`);
      const link = await waitForFragment(page, 'x=');
      assert.match(link, /x=name:Campus%20test,year:2028,status:financed,mw:500/);
      await settled(page, 10000);
      const p50 = Number(after);
      const run = JSON.parse(await cli(['run', '--format', 'json']));
      assert.ok(p50 > run.years[6].metrics.supply_power_mw.p50, 'more supply than the baseline run');
      assert.ok(await page.locator('.notices .notice-error').count() === 0);

      // Removing it gives the baseline back.
      await item.locator('button.remove').click();
      await item.waitFor({ state: 'detached' });
      await waitForFragment(page, /^v1$/);
      await settled(page, 10000);
      assert.deepEqual(await figures(page), beforeAll, 'the baseline figures again');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a project with a bad capacity is refused with a message beside the box', async () => {
    const { context, page } = await openApp(site.browser, site.url);
    try {
      await page.locator('#project-name').fill('Too big');
      await page.selectOption('#project-unit', 'mw');
      await page.locator('#project-amount').fill('1e9');
      await page.click('#project-add');
      const note = page.locator('#project-amount-note.field-error');
      await note.waitFor();
      assert.equal(await page.getAttribute('#project-amount', 'aria-invalid'), 'true');
      assert.equal(await page.getAttribute('#project-amount', 'aria-describedby'), 'project-amount-note');
      assert.equal((await note.textContent()).trim(), 'More than 0 and at most 100,000.');
      assert.deepEqual(await notices(page), [], 'no notice at the top of the page');
      assert.equal(await page.locator('[data-project^="custom"]').count(), 0);
      assert.equal(await fragment(page), 'v1');
    } finally {
      await context.close();
    }
  });
});
