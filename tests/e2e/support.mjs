// Shared helpers for the end-to-end tests and the browser benchmark: a static server for the
// built site, Debian's Chromium through playwright-core, and collectors for console errors and
// requests. No dependency beyond playwright-core.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const testsDir = path.resolve(here, '..');

/** The built site: SITE_DIR (relative to the working directory), else ../dist from tests/. */
export const SITE_DIR = process.env.SITE_DIR ? path.resolve(process.env.SITE_DIR) : path.resolve(testsDir, '../dist');
/** The CLI binary: CLI_BIN (relative to the working directory), else ../target/release/compute-demand from tests/. */
export const CLI_BIN = process.env.CLI_BIN
  ? path.resolve(process.env.CLI_BIN)
  : path.resolve(testsDir, '../target/release/compute-demand');
export const SCREENSHOT_DIR = path.join(here, 'screenshots');

/** Generous timeouts: the machine is a busy 2-core box. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT ?? 30_000);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` on 127.0.0.1 on a free port. Returns { server, origin, url, requests, close }.
 * `requests` lists every path served (to check, e.g., that no /x was asked for).
 */
export async function startServer(root = SITE_DIR) {
  const rootAbs = path.resolve(root);
  await stat(path.join(rootAbs, 'index.html')).catch(() => {
    throw new Error(`no index.html in ${rootAbs}: build the site (cargo xtask build) or set SITE_DIR`);
  });
  const requests = [];
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    requests.push(pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(rootAbs, '.' + pathname);
    if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    url: `${origin}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
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
