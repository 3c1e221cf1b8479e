// Shared helpers for the end-to-end tests and the browser benchmark: the built site served by
// the project's own server (`cargo xtask serve-dist`), Debian's Chromium through playwright-core,
// `useSite()` to get both in a test file, and collectors for console errors and requests. No
// dependency beyond playwright-core.

import { spawn, execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { before, after } from 'node:test';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const testsDir = path.resolve(here, '..');
const repoDir = path.resolve(testsDir, '..');

/** The built site: SITE_DIR (relative to the working directory), else ../dist from tests/. */
export const SITE_DIR = process.env.SITE_DIR ? path.resolve(process.env.SITE_DIR) : path.resolve(repoDir, 'dist');
/** The CLI binary: CLI_BIN (relative to the working directory), else ../target/release/compute-demand from tests/. */
export const CLI_BIN = process.env.CLI_BIN
  ? path.resolve(process.env.CLI_BIN)
  : path.resolve(repoDir, 'target/release/compute-demand');
export const SCREENSHOT_DIR = path.join(here, 'screenshots');

/** Generous timeouts: the machine is a busy 2-core box. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT ?? 30_000);

/**
 * How to run xtask: XTASK_BIN (relative to the working directory; `cargo xtask test` and
 * `cargo xtask bench` set it to themselves), else `cargo run -q -p xtask --` in the repository.
 */
function xtask() {
  if (process.env.XTASK_BIN) return { program: path.resolve(process.env.XTASK_BIN), args: [] };
  return { program: process.env.CARGO ?? 'cargo', args: ['run', '-q', '-p', 'xtask', '--'] };
}

/** A logged request target's path, decoded as the old tests read it. */
function requestPath(target) {
  try {
    return decodeURIComponent(new URL(target, 'http://host').pathname);
  } catch {
    return target;
  }
}

/**
 * Serves `dir` (the built site) under `prefix` on 127.0.0.1, on a free port, with the app's own
 * server, `xtask serve-dist`, which `close()` stops (as does the end of this process: the server
 * stops when its standard input closes). Returns { origin, url, requests, close }: `url` is the
 * origin plus the prefix; `requests` lists the path of every request the server answered (to
 * check, e.g., that no /x was asked for).
 */
export async function startServer({ dir = SITE_DIR, prefix = '/' } = {}) {
  const { program, args } = xtask();
  const child = spawn(
    program,
    [...args, 'serve-dist', '--dir', path.resolve(dir), '--addr', '127.0.0.1:0', '--prefix', prefix, '--stop-on-eof'],
    { cwd: repoDir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  const requests = [];
  const url = await new Promise((resolve, reject) => {
    child.once('error', (err) => reject(new Error(`cannot run ${program}: ${err.message}`)));
    exited.then((status) => reject(new Error(`xtask serve-dist stopped (${status}) before listening:\n${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const listening = line.match(/^xtask serve: listening on (\S+)$/);
      if (listening) resolve(listening[1]);
      const request = line.match(/^[A-Z]+ (\S+) \d{3}$/);
      if (request) requests.push(requestPath(request[1]));
    });
  });
  return {
    origin: new URL(url).origin,
    url,
    requests,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

/**
 * The site and a browser for one test file: registers node:test `before` and `after` hooks
 * that start the server (`startServer(options)`) and a headless Chromium, then stop both.
 * Returns { browser, url, origin, requests }, which read the running ones (so only use them in
 * tests and hooks).
 */
export function useSite(options = {}) {
  let server;
  let browser;
  before(async () => {
    server = await startServer(options);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser;
    },
    get url() {
      return server.url;
    },
    get origin() {
      return server.origin;
    },
    get requests() {
      return server.requests;
    },
  };
}

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Waits until the app says the first result is on screen. */
export async function ready(page, timeout = TIMEOUT) {
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout });
}

/**
 * Records console errors, page errors and every request of a page.
 * Returns { errors, requests, foreign(origin) } where foreign lists requests leaving origin.
 */
export function collect(page) {
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  return {
    errors,
    requests,
    foreign(origin) {
      return requests.filter((u) => !(u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin));
    },
  };
}

/** A new context and page, with collectors attached. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const log = collect(page);
  return { context, page, log };
}

/** Every headline figure on screen: [{metric, year, p5, p50, p95, mean}]. */
export async function figures(page) {
  return page.$$eval('[data-metric][data-year]', (els) =>
    els.map((el) => ({
      metric: el.dataset.metric,
      year: Number(el.dataset.year),
      p5: Number(el.dataset.p5),
      p50: Number(el.dataset.p50),
      p95: Number(el.dataset.p95),
      mean: Number(el.dataset.mean),
      raw: { p5: el.dataset.p5, p50: el.dataset.p50, p95: el.dataset.p95, mean: el.dataset.mean },
    })),
  );
}

/** One figure's attribute. */
export async function attr(page, metric, name = 'p50') {
  return page.getAttribute(`[data-metric="${metric}"][data-year]`, `data-${name}`);
}

/** Waits until `metric`'s data-`name` differs from `before`; returns the new value. */
export async function waitForChange(page, metric, before, name = 'p50', timeout = TIMEOUT) {
  const handle = await page.waitForFunction(
    ({ metric, before, name }) => {
      const el = document.querySelector(`[data-metric="${metric}"][data-year]`);
      const v = el && el.getAttribute(`data-${name}`);
      return v !== null && v !== before ? v : false;
    },
    { metric, before, name },
    { timeout },
  );
  return handle.jsonValue();
}

/** The current fragment, without '#'. */
export async function fragment(page) {
  return page.evaluate(() => location.hash.replace(/^#/, ''));
}

const run = promisify(execFile);

/** Runs the CLI; returns stdout. */
export async function cli(args) {
  const { stdout } = await run(CLI_BIN, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** `params --format json`. */
export async function cliParams() {
  return JSON.parse(await cli(['params', '--format', 'json']));
}

/** The headline metric keys the app shows. */
export const HEADLINE_METRICS = [
  'facility_power_mw',
  'foreign_power_mw',
  'supply_power_mw',
  'coverage_ratio',
  'coverage_ratio_domestic',
  'demand_exceeds_supply',
  'gpus_h100e',
  'gpus_units',
  'owned_gpus_h100e',
  'supply_gpus_h100e',
  'energy_gwh',
  'cost_eur',
  'cloud_rental_eur',
  'co2_tonnes',
];

/** Relative difference, 0 for equal values (including both 0). */
export function relDiff(a, b) {
  if (a === b) return 0;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Visible notices' text. */
export async function notices(page) {
  return page.$$eval('.notices .notice', (els) => els.map((el) => el.textContent.trim()));
}

/** Opens `url` in a fresh context and waits for the app to be ready. */
export async function openApp(browser, url, options = {}) {
  const opened = await openPage(browser, options);
  await opened.page.goto(url, { waitUntil: 'domcontentloaded' });
  await ready(opened.page);
  return opened;
}

/**
 * Reads the number of draws in a sampling line ("10,000 draws · seed 20240513", "10 000 tirages
 * · graine 20240513", formerly "10000 samples · seed 20240513"): its leading number, whatever
 * the thousands separator (comma, dot, space, no-break or narrow no-break space). NaN if none.
 */
export function leadingCount(text) {
  const m = String(text).trim().match(/^\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})+(?!\d)|^\d+/);
  return m ? Number(m[0].replace(/\D/g, '')) : NaN;
}

/**
 * The `.sampling` line, with the thousands separators of its leading count taken out: "10000
 * draws · seed 20240513" (and " · updating…" while a slider moves). Older builds said "samples".
 */
export async function samplingText(page) {
  const text = (await page.locator('.sampling').textContent()).trim();
  const m = text.match(/^\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})+(?!\d)|^\d+/);
  return m ? m[0].replace(/\D/g, '') + text.slice(m[0].length) : text;
}

/**
 * The number of draws behind the figures shown: `main.results[data-samples]`, else (a build
 * without the attribute) the leading number of the `.sampling` line.
 */
export async function samples(page) {
  return page.evaluate(() => {
    const attr = document.querySelector('main.results')?.getAttribute('data-samples');
    if (attr !== null && attr !== undefined && attr !== '') return Number(attr);
    const text = document.querySelector('.sampling')?.textContent.trim() ?? '';
    const m = text.match(/^\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})+(?!\d)|^\d+/);
    return m ? Number(m[0].replace(/\D/g, '')) : NaN;
  });
}

/**
 * Waits until the figures are computed on `samples` draws with no drag pending: the draws come
 * from `main.results[data-samples]` (else the `.sampling` line's leading number), and the
 * `.sampling` line must not say "updating…"/"calcul…".
 */
export async function settled(page, samples = 10000, timeout = TIMEOUT) {
  await page.waitForFunction(
    (samples) => {
      const line = document.querySelector('.sampling');
      const text = line ? line.textContent.trim() : '';
      if (/updating|calcul…/.test(text)) return false;
      const attr = document.querySelector('main.results')?.getAttribute('data-samples');
      let n;
      if (attr !== null && attr !== undefined && attr !== '') {
        n = Number(attr);
      } else {
        const m = text.match(/^\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})+(?!\d)|^\d+/);
        n = m ? Number(m[0].replace(/\D/g, '')) : NaN;
      }
      return n === samples;
    },
    samples,
    { timeout },
  );
}

/** Waits until the fragment satisfies `predicate` (a RegExp or a string it must contain). */
export async function waitForFragment(page, pattern, timeout = TIMEOUT) {
  const source = pattern instanceof RegExp ? pattern.source : null;
  const flags = pattern instanceof RegExp ? pattern.flags : '';
  const text = pattern instanceof RegExp ? null : String(pattern);
  await page.waitForFunction(
    ({ source, flags, text }) => {
      const hash = location.hash.replace(/^#/, '');
      return source !== null ? new RegExp(source, flags).test(hash) : hash.includes(text);
    },
    { source, flags, text },
    { timeout },
  );
  return fragment(page);
}

/** Asserts the headline figures for `year` are all there, finite and ordered. Returns them. */
export function checkFigures(assert, list, year = 2030) {
  const byMetric = new Map(list.map((f) => [f.metric, f]));
  for (const metric of HEADLINE_METRICS) {
    const f = byMetric.get(metric);
    assert.ok(f, `headline figure ${metric} is on the page`);
    assert.equal(f.year, year, `${metric} is for ${year}`);
    for (const q of ['p5', 'p50', 'p95', 'mean']) {
      assert.ok(Number.isFinite(f[q]) && f.raw[q] !== undefined && f.raw[q] !== '', `${metric} data-${q}=${f.raw[q]} is a finite number`);
    }
    assert.ok(f.p5 <= f.p50 && f.p50 <= f.p95, `${metric}: p5 ${f.p5} <= p50 ${f.p50} <= p95 ${f.p95}`);
  }
  return byMetric;
}

// ---------------------------------------------------------------------------------------------
// Issue 11 helpers: collapsed groups, parameter rows, typed values, the language, numbers as
// the page writes them, downloads, and comparing the page with `compute-demand run`.

/** Waits for two animation frames: whatever a render scheduled has been painted. */
export async function frames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Waits until nothing is pending: full `samples` draws, then two frames. */
export async function quiet(page, samples = 10000) {
  await settled(page, samples);
  await frames(page);
}

/** Switches the page's language with its `.lang` button ("EN"/"FR"); waits for `html[lang]`. */
export async function setLang(page, lang) {
  const code = lang.toLowerCase();
  const button = page.locator('.lang', { hasText: new RegExp(`^\\s*${code.toUpperCase()}\\s*$`) });
  await button.click();
  await page.waitForFunction((code) => document.documentElement.lang === code, code);
}

/**
 * Opens every closed `<details>` around `locator`'s element, outermost first, by clicking its
 * `summary` (as a user does), and waits until each is open. Returns the locator.
 */
export async function expand(locator) {
  for (let i = 0; i < 10; i++) {
    const summary = await locator.evaluateHandle((el) => {
      let outer = null;
      for (let d = el.parentElement?.closest('details'); d; d = d.parentElement?.closest('details')) {
        if (!d.open) outer = d;
      }
      return outer ? outer.querySelector(':scope > summary') : null;
    });
    const element = summary.asElement();
    if (!element) return locator;
    await element.click();
    await element.evaluate((s) => new Promise((resolve, reject) => {
      const started = performance.now();
      const check = () => {
        if (s.parentElement.open) resolve();
        else if (performance.now() - started > 10_000) reject(new Error('a <details> did not open'));
        else requestAnimationFrame(check);
      };
      check();
    }));
  }
  throw new Error('expand: too many nested <details>');
}

/** Opens every `details.group` (the parameter groups start collapsed, all but the first). */
export async function openGroups(page) {
  const groups = page.locator('details.group');
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const group = groups.nth(i);
    if (!(await group.evaluate((d) => d.open))) {
      await group.locator(':scope > summary').click();
      await page.waitForFunction((i) => document.querySelectorAll('details.group')[i]?.open === true, i);
    }
  }
}

/** A parameter's slider, `input[type=range][data-param=KEY]`. */
export function slider(page, key) {
  return page.locator(`input[type=range][data-param="${key}"]`);
}

/** A parameter's row, the `.param` around its slider. */
export function paramRow(page, key) {
  return page.locator('.param', { has: slider(page, key) });
}

/** A parameter's median (or value) box. */
export function medianBox(page, key) {
  return paramRow(page, key).locator('input.number:not(.bound)');
}

/** Types `text` into a box as a user does: fill, Enter, then leave the field (fires `change`). */
export async function typeInto(box, text) {
  await box.fill(text);
  await box.press('Enter');
  await box.evaluate((el) => el.blur());
}

/**
 * Moves `key`'s slider to the domain value `value` (fill fires `input` then `change`): a
 * `data-scale="log"` slider takes log10 of it. Opens the slider's group first.
 */
export async function slideTo(page, key, value) {
  const s = slider(page, key);
  await expand(s);
  const scale = await s.getAttribute('data-scale');
  await s.fill(String(scale === 'log' ? Math.log10(value) : value));
}

/** Sets `key`'s kind select (point, range, uniform), opening its group first. */
export async function setKind(page, key, kind) {
  const select = paramRow(page, key).locator('.param-range select');
  await expand(select);
  if ((await select.inputValue()) === kind) return;
  await select.selectOption(kind);
}

/** Whether `box` is marked invalid (`aria-invalid="true"`). */
export async function invalid(box) {
  return (await box.getAttribute('aria-invalid')) === 'true';
}

/**
 * Reads a number as the page writes it in `lang` ('en': "1,234.5"; 'fr': "1 234,5" with a
 * space, no-break or narrow no-break space), with a leading sign (+, -, −). NaN if none.
 */
export function parseNumber(text, lang = 'en') {
  const found = numbersIn(text, lang);
  return found.length ? found[0] : NaN;
}

/** Every number in `text`, read as `lang` writes them (see parseNumber). */
export function numbersIn(text, lang = 'en') {
  const s = String(text).replace(/[\u00a0\u202f\u2009]/g, ' ');
  const re = lang === 'fr'
    ? /([+\-−]?)(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?/g
    : /([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
  const out = [];
  for (const m of s.matchAll(re)) {
    const int = m[2].replace(/[ ,]/g, '');
    const value = Number(`${int}${m[3] ? '.' + m[3] : ''}`);
    out.push(m[1] === '-' || m[1] === '−' ? -value : value);
  }
  return out;
}

/** Clicks `selector` (or a locator) and returns the download's file name and text. */
export async function download(page, selector) {
  const { readFile } = await import('node:fs/promises');
  const click = typeof selector === 'string' ? page.click(selector) : selector.click();
  const [file] = await Promise.all([page.waitForEvent('download'), click]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/**
 * Asserts every headline figure of `year` on the page (`figures(page)`) equals the CLI's `run
 * --format json` output (relative difference < 1e-9). Returns the worst difference.
 */
export function compareWithRun(assert, onPage, run, year = 2030) {
  const cliYear = run.years.find((y) => y.year === year);
  assert.ok(cliYear, `the CLI run has ${year}`);
  const byMetric = checkFigures(assert, onPage, year);
  const worst = { diff: 0, where: '' };
  for (const metric of HEADLINE_METRICS) {
    const expected = cliYear.metrics[metric];
    assert.ok(expected, `the CLI run has ${metric}`);
    const shown = byMetric.get(metric);
    for (const q of ['p5', 'p50', 'p95', 'mean']) {
      const diff = relDiff(shown[q], expected[q]);
      if (diff > worst.diff) Object.assign(worst, { diff, where: `${metric}.${q}` });
      assert.ok(diff < 1e-9, `${year} ${metric} ${q}: app ${shown.raw[q]} vs CLI ${expected[q]} (relative difference ${diff})`);
    }
  }
  return worst;
}

/** `run --link '#FRAGMENT' --format json`: the CLI's figures for the page's link. */
export async function cliRunLink(fragmentText) {
  const link = fragmentText.startsWith('#') ? fragmentText : `#${fragmentText}`;
  return JSON.parse(await cli(['run', '--link', link, '--format', 'json']));
}

/** Whether the element's box lies inside the viewport (1 px of slack). */
export async function inViewport(locator) {
  const box = await locator.boundingBox();
  const size = await locator.page().evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const inside = !!box && box.width > 0 && box.height > 0 && box.x >= -1 && box.y >= -1
    && box.x + box.width <= size.width + 1 && box.y + box.height <= size.height + 1;
  return { inside, box, viewport: size };
}

/**
 * Adds a project of one's own through the "Add supply" form: `name`, `year`, `amount` in
 * `unit` (mw, gpus, eur), `status`.
 */
export async function addProject(page, { name, year = '2028', amount, unit = 'mw', status = 'announced' }) {
  await expand(page.locator('#project-name'));
  await page.locator('#project-name').fill(name);
  await page.selectOption('#project-year', year);
  await page.locator('#project-amount').fill(amount);
  await page.selectOption('#project-unit', unit);
  await page.selectOption('#project-status', status);
  await page.click('#project-add');
}
