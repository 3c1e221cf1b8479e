// Issue 12: publish and cite. Each chart downloads as PNG and SVG with its title, the
// scenario, the source line, the licence and the permalink drawn in; `embed=` shows one chart,
// the sentence and the source, at any width from 320 px, also in an iframe from the embed
// code; the footer gives the version, the data's vintage and the licences, and a citation; the
// CSV has a unit on every row and the JSON says what made it. The same from a sub-path.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSite, openApp, settled, download, cli, SCREENSHOT_DIR } from './support.mjs';

const site = useSite();
const CHARTS = ['demand-supply', 'segments', 'tornado'];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The workspace's version, as Cargo.toml gives it. */
async function cargoVersion() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../Cargo.toml');
  const toml = await readFile(root, 'utf8');
  const version = toml.match(/\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/)?.[1];
  assert.ok(version, 'Cargo.toml has [workspace.package] version');
  return version;
}

let version;
let dataAsOf;
before(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  version = await cargoVersion();
  // The command line's report says the data's vintage: the app must say the same.
  dataAsOf = JSON.parse(await cli(['run', '--samples', '100', '--format', 'json'])).meta.data_as_of;
  assert.match(dataAsOf, /^\d{4}-\d{2}(-\d{2})?$/);
});

const sourceLine = () => `Source: compute-demand ${version}, data as of ${dataAsOf}`;

/**
 * Clicks `selector` and returns the download's file name and bytes; fails with the page's
 * error notice if one comes first (a PNG is drawn after the click: a refusal comes later).
 */
async function downloadBytes(page, selector) {
  const refused = page
    .waitForSelector('.notices .notice-error')
    .then(async (notice) => Promise.reject(new Error(`no download: ${await notice.textContent()}`)));
  refused.catch(() => {});
  const [file] = await Promise.race([Promise.all([page.waitForEvent('download'), page.click(selector)]), refused]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** An SVG file as the browser reads it: parse error, its texts, the source and the link. */
async function readSvg(page, text) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      source: doc.querySelector('[data-source]')?.textContent ?? null,
      // The permalink's link (the chart holds others: the published forecasts' sources).
      href: doc.querySelector('[data-permalink]')?.closest('a')?.getAttribute('href') ?? null,
      permalink: doc.querySelector('[data-permalink]')?.textContent ?? null,
      charts: [...doc.querySelectorAll('svg[id^="chart-"]')].map((s) => s.id),
    };
  }, text);
}

/** Checks a figure's SVG: the chart, its title and scenario, the source, licence and link. */
async function checkSvg(page, svgText, { id, title, subtitle }) {
  const svg = await readSvg(page, svgText);
  assert.equal(svg.error, null, `the ${id} SVG parses: ${svg.error}`);
  assert.equal(svg.root, 'svg');
  assert.equal(svg.width, 1200, 'the figure is 1200 wide');
  assert.deepEqual(svg.charts, [`chart-${id}`], 'the chart itself is inside');
  const href = await page.evaluate(() => location.href);
  assert.ok(svg.texts.includes(title), `the title "${title}" is drawn in: ${svg.texts.slice(0, 3)}`);
  if (subtitle) assert.ok(svg.texts.includes(subtitle), `the scenario and year "${subtitle}" are drawn in`);
  assert.ok(svg.source?.startsWith(sourceLine()), `the source line: ${svg.source}`);
  assert.ok(svg.source?.includes('CC BY 4.0'), 'the licence');
  assert.equal(svg.href, href, 'the figure links to the page');
  assert.equal(svg.permalink, href, 'the permalink is drawn in');
}

/** Checks a PNG's bytes: the magic, and its IHDR width and height. */
function checkPng(bytes, id) {
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_MAGIC, `${id}: the PNG magic`);
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', `${id}: IHDR first`);
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  assert.ok(width >= 1200, `${id}: ${width} px wide, at least 1200`);
  assert.ok(height >= 600 && height < width, `${id}: ${height} px high`);
  return { width, height };
}

/** The horizontal overflow of the page: scrollWidth past the viewport, and what sticks out. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((e) => `${e.localName}.${e.className?.baseVal ?? e.className}`);
    return { scroll: document.documentElement.scrollWidth, width, out };
  });
}

/** Opens `[data-action=embed]` and returns the iframe code. */
async function embedCode(page) {
  await page.click('[data-action=embed]');
  const code = page.locator('[data-embed-code]');
  await code.waitFor({ state: 'visible' });
  return code.inputValue();
}

/** Loads the iframe `code` in a page of its own and returns the embedded frame, ready. */
async function embedded(page, code) {
  await page.setContent(`<!doctype html><title>host</title><body style="margin:0">${code}</body>`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await frame.waitForSelector('figure[data-chart]');
  return frame;
}

describe('chart downloads', () => {
  test('every chart as a PNG 2400 px wide and an SVG with title, scenario, source, licence and link', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&p=high&n=Published%20case&s=2000');
    try {
      await settled(page, 2000);
      assert.equal(await page.locator('#export-svg').count(), 0, 'the old single SVG export is gone');
      for (const id of CHARTS) {
        for (const format of ['png', 'svg']) {
          assert.equal(await page.locator(`button[data-download=${format}][data-chart=${id}]`).count(), 1, `${id} has a ${format} button`);
        }
        const title = (await page.locator(`figure[data-chart=${id}] figcaption`).textContent()).trim();

        const svg = await download(page, `button[data-download=svg][data-chart=${id}]`);
        assert.equal(svg.name, `compute-demand-${id}.svg`);
        await checkSvg(page, svg.text, { id, title, subtitle: 'Published case · 2030' });

        const png = await downloadBytes(page, `button[data-download=png][data-chart=${id}]`);
        assert.equal(png.name, `compute-demand-${id}.png`);
        const size = checkPng(png.bytes, id);
        assert.equal(size.width, 2400, `${id}: drawn at 2×`);
        await writeFile(path.join(SCREENSHOT_DIR, `publish-${id}.png`), png.bytes);
        await writeFile(`/tmp/publish-${id}.png`, png.bytes);
      }
      assert.equal(await page.locator('.notices .notice-error').count(), 0, 'no error notice');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('embed', () => {
  test('embed=demand-supply: the chart, the sentence and the source, no controls, no overflow at 400 and 320 px', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&embed=demand-supply', {
      viewport: { width: 400, height: 500 },
    });
    try {
      await settled(page);
      await page.locator('figure[data-chart=demand-supply] svg#chart-demand-supply').waitFor();
      assert.equal(await page.locator('.app.embed').count(), 1, 'the root is marked .embed');
      assert.ok(await page.locator('.verdict').isVisible(), 'the sentence');
      assert.equal(await page.locator('figure[data-chart]').count(), 1, 'one chart only');
      for (const absent of ['input[type=range]', '.masthead', '.controls', '.share-bar', '.scenario-bar', '[data-download]', 'footer']) {
        assert.equal(await page.locator(absent).count(), 0, `no ${absent}`);
      }
      const source = await page.locator('[data-source]').innerText();
      assert.ok(source.startsWith(sourceLine()) && source.includes('CC BY 4.0'), `the source line: ${source}`);
      const full = await page.locator('[data-source] a').getAttribute('href');
      assert.equal(full, `${site.url}#v1`, 'the source links to the whole app, without embed');
      assert.match(await page.evaluate(() => location.hash), /embed=demand-supply/, 'the link keeps embed');
      assert.equal(await page.evaluate(() => localStorage.getItem('compute-demand/scenario')), null, 'an embed keeps nothing in storage');

      for (const width of [400, 320]) {
        await page.setViewportSize({ width, height: 500 });
        await page.waitForTimeout(300);
        const { scroll, out } = await overflow(page);
        assert.ok(scroll <= width + 1, `at ${width} px: scrollWidth ${scroll}; sticking out: ${out.join(', ')}`);
        await page.screenshot({ path: `/tmp/publish-embed-${width}.png` });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `publish-embed-${width}.png`) });
      }
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('[data-action=embed] gives iframe code for this scenario, which shows it in another page', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&p=high');
    try {
      await settled(page);
      const code = await embedCode(page);
      const href = await page.evaluate(() => location.href);
      assert.ok(code.startsWith('<iframe src="') && code.endsWith('</iframe>'), code);
      assert.match(code, /embed=/);
      const src = code.match(/src="([^"]*)"/)[1].replaceAll('&amp;', '&');
      assert.equal(src, `${href}&embed=demand-supply`, 'the current link, with the embed');
      assert.match(code, /width="100%"/);
      assert.match(code, /height="\d+"/, 'a height that fits the embed (feedback.test.mjs measures it)');
      assert.equal(await page.locator('.embed-code button[data-copy]').count(), 1, 'a copy button');

      const host = await context.newPage();
      const frame = await embedded(host, code);
      assert.equal(await frame.locator('figure[data-chart=demand-supply]').count(), 1);
      assert.equal(await frame.locator('input[type=range]').count(), 0);
      assert.ok(await frame.locator('.verdict').isVisible());
      await host.screenshot({ path: '/tmp/publish-iframe.png' });
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('version, licence and citation', () => {
  test('the footer says the version, the data vintage and the licences; Cite gives BibTeX and APA with the permalink', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&p=low&y=2028');
    try {
      await settled(page);
      const line = page.locator('footer [data-version]');
      assert.equal(await line.getAttribute('data-version'), version);
      const text = await line.innerText();
      assert.equal(
        text,
        `compute-demand ${version} · data as of ${dataAsOf} · code: MIT OR Apache-2.0 · data and figures: CC BY 4.0`,
      );
      await page.click('[data-cite] summary');
      const href = await page.evaluate(() => location.href);
      const bibtex = await page.locator('[data-cite-bibtex]').innerText();
      assert.match(bibtex, /^@(software|misc)\{/);
      assert.ok(bibtex.includes(`version = {${version}}`), bibtex);
      assert.ok(bibtex.includes(`url = {${href}}`), `the permalink in ${bibtex}`);
      assert.ok(bibtex.includes('CC BY 4.0'));
      const apa = await page.locator('[data-cite-apa]').innerText();
      assert.ok(apa.includes(`Version ${version}`) && apa.endsWith(href), apa);
      assert.equal(await page.locator('[data-cite] button[data-copy]').count(), 2, 'a copy button each');
      // In French too.
      await page.click('button.lang[lang=fr]');
      await page.waitForFunction(() => document.querySelector('footer [data-version]')?.textContent.includes('données au'));
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('data downloads', () => {
  test('the CSV has a unit on every row; the JSON says what made it, under which licence, from which sources', async () => {
    const { context, page, log } = await openApp(site.browser, site.url + '#v1&s=2000&seed=5');
    try {
      await settled(page, 2000);
      // The JSON names every parameter's source, which the page fetches after its first render.
      await page.locator('.app[data-sources=ready]').waitFor({ state: 'attached' });
      assert.equal(await page.locator('#export-csv[data-download=csv]').count(), 1);
      assert.equal(await page.locator('#export-json[data-download=json]').count(), 1);
      const csv = await download(page, '[data-download=csv]');
      const lines = csv.text.trim().split(/\r?\n/);
      assert.equal(lines[0], 'metric,year,p5,p50,p95,mean,unit');
      assert.ok(lines.length > 7 * 10);
      for (const line of lines.slice(1)) {
        const fields = line.split(',');
        assert.equal(fields.length, 7, line);
        assert.ok(fields[6].length > 0, `a unit: ${line}`);
      }
      const power = lines.find((l) => l.startsWith('facility_power_mw,2030,'));
      assert.ok(power?.endsWith(',MW'), power);

      const json = JSON.parse((await download(page, '[data-download=json]')).text);
      const href = await page.evaluate(() => location.href);
      assert.equal(json.meta.tool, 'compute-demand');
      assert.equal(json.meta.version, version);
      assert.equal(json.meta.licence, 'CC BY 4.0');
      assert.equal(json.meta.data_as_of, dataAsOf);
      assert.equal(json.meta.permalink, href);
      assert.ok(Array.isArray(json.meta.sources) && json.meta.sources.length > 20, 'the sources');
      for (const source of json.meta.sources) {
        assert.equal(typeof source.key, 'string');
        assert.ok(source.source.length > 0, `${source.key} has its source text`);
        assert.ok(source.url === null || /^https?:\/\//.test(source.url), `${source.key}: ${source.url}`);
      }
      assert.equal(json.scenario.seed, 5, 'the figures as before');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('from a sub-path', () => {
  const deep = useSite({ prefix: '/deep/app/' });

  test('the embed works under /deep/app/ and links there', async () => {
    const { context, page, log } = await openApp(deep.browser, `${deep.url}#v1&p=low&embed=segments`, {
      viewport: { width: 400, height: 500 },
    });
    try {
      await settled(page);
      await page.locator('figure[data-chart=segments]').waitFor();
      assert.equal(await page.locator('input[type=range]').count(), 0);
      assert.equal(await page.locator('[data-source] a').getAttribute('href'), `${deep.origin}/deep/app/#v1&p=low`);
      const { scroll, out } = await overflow(page);
      assert.ok(scroll <= 401, `scrollWidth ${scroll}; sticking out: ${out.join(', ')}`);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a figure download and the embed code under /deep/app/ link there', async () => {
    const { context, page, log } = await openApp(deep.browser, `${deep.url}#v1&p=low`);
    try {
      await settled(page);
      const title = (await page.locator('figure[data-chart=demand-supply] figcaption').textContent()).trim();
      const svg = await download(page, 'button[data-download=svg][data-chart=demand-supply]');
      await checkSvg(page, svg.text, { id: 'demand-supply', title });
      assert.ok((await readSvg(page, svg.text)).href.startsWith(`${deep.origin}/deep/app/#v1`));
      const code = await embedCode(page);
      assert.ok(code.includes(`src="${deep.origin}/deep/app/#v1&amp;p=low&amp;embed=demand-supply"`), code);

      const outside = deep.requests.filter((p) => !p.startsWith('/deep/app/'));
      assert.deepEqual(outside, [], 'every request stays under the sub-path');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});
