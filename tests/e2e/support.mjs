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
  'gpus_h100e',
  'gpus_units',
  'training_gpus_h100e',
  'inference_gpus_h100e',
  'facility_power_mw',
  'foreign_power_mw',
  'energy_gwh',
  'cost_eur',
  'cloud_rental_eur',
  'co2_tonnes',
  'supply_gpus_h100e',
  'supply_power_mw',
  'coverage_ratio',
  'demand_exceeds_supply',
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

/** The `.sampling` line: "10000 samples · seed 20240513" (and " · updating…" while a slider moves). */
export async function samplingText(page) {
  return (await page.locator('.sampling').textContent()).trim();
}

/** Waits until the figures are computed on `samples` samples with no drag pending. */
export async function settled(page, samples = 10000, timeout = TIMEOUT) {
  await page.waitForFunction(
    (samples) => {
      const el = document.querySelector('.sampling');
      if (!el) return false;
      const text = el.textContent.trim();
      return text.startsWith(`${samples} `) && !/updating|calcul…/.test(text);
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
