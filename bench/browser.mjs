// Browser benchmark (issue 5, part 3): the built site in Debian's Chromium, headless.
//
//   cd bench && SITE_DIR=../dist node browser.mjs
//
// Measures (a) navigation start → <body data-ready="true"> over fresh page loads, each in a
// new browser context; (b) slider `input` → the facility-power figure's data-p50 changing in
// the DOM (the drag path, on the scenario's own 10,000 draws since issue 13: the draws behind
// each change, `main.results[data-samples]`, are recorded); (c) the same for `change` (the
// release path); (d, issue 13) over the same fresh loads as (a), navigation
// start → first contentful paint, and whether the 2030 facility-power figure was already in
// the DOM at that paint (the page is prerendered: it should be, every time); (e, issue 15) the
// worst valid inputs — a 64 KiB link, 32 custom projects, 100,000 draws, every parameter a
// range — and, for reference, the baseline, each opened fresh WORST_LOADS times: from
// navigation to `body[data-ready]` + 1 s, the longest main-thread task (PerformanceObserver
// 'longtask', ≥ 50 ms) and the longest gap between consecutive requestAnimationFrame
// callbacks, against a 200 ms budget, with the app's own `compute-demand:*` performance
// measures; (a-fr, d-fr) as (a) and (d) for a page in French, which fetches its French
// before its first render. Every worst input is first decoded by the CLI (`run --link`), which must report no
// problem. Prints a markdown table and writes bench/results/browser.md.
//
// Env: SITE_DIR (default ../dist), CHROMIUM (default /usr/bin/chromium), LOADS (15, for (a)
// and (d)), INPUTS (100), CHANGES (100), WORST_LOADS (3, per input for (e)), CLI_BIN (default
// ../target/release/compute-demand, for (e)'s links), XTASK_BIN (the xtask binary that serves
// the site, as for the end-to-end tests: `cargo xtask bench` sets it; else
// `cargo run -q -p xtask --`), BENCH_DEBUG (set: also prints every (e) load's details as JSON).

import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
// playwright-core lives in ../tests/node_modules; the helper resolves it from there.
import { startServer, launch, ready, notices, cliParams, SITE_DIR, CLI_BIN } from '../tests/e2e/support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = SITE_DIR; // SITE_DIR from the environment, relative to the working directory
const LOADS = Number(process.env.LOADS ?? 15);
const INPUTS = Number(process.env.INPUTS ?? 100);
const CHANGES = Number(process.env.CHANGES ?? 100);
const WORST_LOADS = Number(process.env.WORST_LOADS ?? 3);
/** (e)'s budget: no task, no frame longer than this while a worst input decodes and first computes. */
const FRAME_BUDGET_MS = 200;
/** (e)'s window: from navigation to data-ready plus this. */
const AFTER_READY_MS = 1000;
const WARMUP = 5;
const SLIDER = 'input[type=range][data-param="training.frontier.growth"]';
const FIGURE = '[data-metric="facility_power_mw"][data-year]';

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—');

/**
 * In the page, from the start of the document: `window.__readyAt`, when `body[data-ready]`
 * turns true (performance.now()).
 */
function watchReady() {
  window.__readyAt = undefined;
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.ready === 'true') {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'], childList: true });
}

/** (a) Fresh loads: performance.now() at data-ready, 0 being navigation start. */
async function loads(browser, url, locale = 'en-US') {
  const ready_ = [];
  const parsed = [];
  const fcp = [];
  let answered = 0; // loads whose first contentful paint had the figure in the DOM
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    await context.addInitScript(watchReady);
    await context.addInitScript((figure) => {
      // (d) When the headline figure first exists: from the HTML parse (prerendered), its
      // mutation records arrive within the parser's task, so before any paint.
      window.__figureAt = undefined;
      new MutationObserver((_, observer) => {
        if (document.querySelector(figure)) {
          window.__figureAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    }, FIGURE);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await ready(page, 60_000);
    const marks = await page.evaluate(() => ({
      ready: window.__readyAt,
      parsed: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    }));
    const lang = await page.getAttribute('html', 'lang');
    if (lang !== locale.slice(0, 2)) throw new Error(`a ${locale} load shows a page in ${lang}`);
    ready_.push(marks.ready);
    parsed.push(marks.parsed);
    // (d) The first contentful paint (normally long reported by data-ready; wait up to 5 s).
    const paint = await page.evaluate(async () => {
      const fcp = () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime;
      for (let i = 0; i < 100 && fcp() === undefined; i++) await new Promise((r) => setTimeout(r, 50));
      return { fcp: fcp(), figure: window.__figureAt };
    });
    if (paint.fcp !== undefined) fcp.push(paint.fcp);
    if (paint.fcp !== undefined && paint.figure !== undefined && paint.figure <= paint.fcp) answered++;
    await context.close();
  }
  return { ready: summary(ready_), parsed: summary(parsed), fcp: summary(fcp), answered };
}

/**
 * (b, c) In the page: `count` events of `type` on the frontier-growth slider, alternating
 * values; for each, the time from just before dispatch to the figure's data-p50 changing
 * (MutationObserver), and to the next animation frame after it (≈ the paint).
 */
async function latencies(page, type, count) {
  return page.evaluate(
    async ({ type, count, warmup, slider, figure }) => {
      const input = document.querySelector(slider);
      const container = document.querySelector(figure).closest('.figures') ?? document.body;
      const p50 = () => document.querySelector(figure)?.getAttribute('data-p50');
      // Positions along the slider's track (here a log track from 0 to 1, not the growth
      // itself): four moves inside it, so that every event changes the median. (Values of the
      // growth, as this once sent, land past the track's end: every release then repeated the
      // last drag's value and changed nothing.)
      const [lo, hi] = [Number(input.min), Number(input.max)];
      const values = [0.3, 0.4, 0.25, 0.35].map((f) => (lo + f * (hi - lo)).toFixed(3));
      const dom = [];
      const frame = [];
      const draws = new Set();
      let timeouts = 0;
      const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      for (let i = 0; i < warmup + count; i++) {
        const before = p50();
        let value = values[i % values.length];
        if (value === input.value) value = values[(i + 1) % values.length];
        const changed = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (p50() !== before) {
              const at = performance.now();
              draws.add(document.querySelector('main.results')?.getAttribute('data-samples'));
              observer.disconnect();
              clearTimeout(timer);
              resolve(at);
            }
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(null);
          }, 10_000);
          observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-p50'] });
        });
        input.value = value;
        const start = performance.now();
        input.dispatchEvent(new Event(type, { bubbles: true }));
        const at = await changed;
        await nextFrame();
        const painted = performance.now();
        if (at === null) {
          timeouts++;
          // A release that changes nothing (since issue 13 a drag already runs the
          // scenario's own draws) would wait 10 s an event: three in a row say it.
          if (timeouts >= 3 && dom.length === 0) break;
        } else if (i >= warmup) {
          dom.push(at - start);
          frame.push(painted - start);
        }
        // Let the page go idle before the next event.
        await nextFrame();
      }
      return { dom, frame, timeouts, samples: document.querySelector('.sampling')?.textContent.trim(), draws: [...draws].join(', ') };
    },
    { type, count, warmup: WARMUP, slider: SLIDER, figure: FIGURE },
  );
}

/** Percent-escapes every byte but ASCII letters, digits and `-._~`, as the app's links do. */
function escapeStrict(text) {
  return [...new TextEncoder().encode(text)]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** A number written short (6 significant digits). */
const short = (v) => String(Number(v.toPrecision(6)));

/**
 * `KEY=low..high` for every parameter: a range around its default, inside its bounds (±20 % of
 * the default, at most ±10 % of the span between the bounds).
 */
function rangeParts(params) {
  return params.map((p) => {
    const delta = Math.min(Math.abs(p.default) * 0.2, (p.max - p.min) * 0.1) || (p.max - p.min) * 0.05;
    const low = Math.max(p.default - delta, p.min + (p.default - p.min) / 2);
    const high = Math.min(p.default + delta, p.max - (p.max - p.default) / 2);
    return `${p.key}=${short(low)}..${short(high)}`;
  });
}

/**
 * (e)'s worst valid inputs, as link fragments (without `#`). The 64 KiB link: a 120-character
 * name, 32 custom projects with 120-character names of 3-byte UTF-8 characters (each byte
 * percent-escaped: 9 bytes a character), every parameter a range, `correlations` rank
 * correlations (ρ = 0.05, between neighbours in the parameter list; the caller lowers the count
 * until, with the default pairs, the scenario holds no more than the cap of 64) and a pinned
 * scenario (a comparison: a second run) with every parameter a range and as many such projects
 * as fit under 65,536 bytes.
 */
function worstInputs(params, correlations = 64) {
  const ranges = rangeParts(params);
  const longName = (i) => '€'.repeat(119) + String.fromCodePoint(0x4e00 + i);
  const project = (name) => `x=name:${escapeStrict(name)},year:2028,mw:1`;
  const big = ['v1', `n=${escapeStrict('€'.repeat(120))}`, ...ranges];
  for (let i = 0; i < 32; i++) big.push(project(longName(i)));
  const keys = params.map((p) => p.key);
  for (let i = 0; i < correlations; i++) {
    const a = i % (keys.length - 1);
    const b = i < keys.length - 1 ? a + 1 : a + 2;
    big.push(`c=${keys[a]},${keys[b]},0.05`);
  }
  const pinned = [...ranges];
  const pinOf = (parts) => `pin=${escapeStrict(parts.join('&'))}`;
  for (let i = 0; i < 32; i++) {
    const more = [...pinned, project(longName(32 + i))];
    if ([...big, pinOf(more)].join('&').length > 65_536) break;
    pinned.push(project(longName(32 + i)));
  }
  big.push(pinOf(pinned));
  const projects = ['v1'];
  for (let i = 0; i < 32; i++) projects.push(`x=name:P${i},year:${2025 + (i % 6)},mw:${10 + i}`);
  return [
    { name: '(i) the largest valid link', fragment: big.join('&') },
    { name: '(ii) 32 custom projects', fragment: projects.join('&') },
    { name: '(iii) 100,000 draws', fragment: 'v1&s=100000' },
    { name: '(iv) every parameter a range', fragment: ['v1', ...ranges].join('&') },
    { name: 'the baseline (`#v1`), for reference', fragment: 'v1' },
  ];
}

const runFile = promisify(execFile);

/** The CLI's decoding of a fragment: what it says on stderr (nothing when the link is valid). */
async function cliProblems(fragment) {
  const { stderr } = await runFile(CLI_BIN, ['run', '--link', `#${fragment}`, '--format', 'json'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stderr.trim();
}

/**
 * (e) One fresh load of `url#fragment`: from navigation to data-ready + AFTER_READY_MS, the
 * longest long task and the longest gap between animation frames (an rAF loop from the start
 * of the document), with the app's `compute-demand:*` measures and the page's notices.
 */
async function worstLoad(browser, url, fragment) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(watchReady);
  await context.addInitScript(() => {
    window.__frames = [];
    const loop = (t) => {
      window.__frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${url}#${fragment}`, { waitUntil: 'domcontentloaded' });
  await ready(page, 120_000);
  const result = await page.evaluate(async (after) => {
    while (performance.now() < window.__readyAt + after) {
      await new Promise((r) => setTimeout(r, Math.max(1, window.__readyAt + after - performance.now())));
    }
    // One more frame, so that a frame delayed past the window's end still closes its gap.
    await new Promise((r) => requestAnimationFrame(() => r()));
    const end = window.__readyAt + after;
    const frames = window.__frames;
    let gap = 0;
    let gapAt = NaN;
    for (let i = 1; i < frames.length && frames[i - 1] <= end; i++) {
      if (frames[i] - frames[i - 1] > gap) {
        gap = frames[i] - frames[i - 1];
        gapAt = frames[i - 1];
      }
    }
    const tasks = window.__longtasks.filter((t) => t.start <= end);
    const longest = tasks.reduce((m, t) => (t.duration > m.duration ? t : m), { start: NaN, duration: 0 });
    const measures = performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('compute-demand:') && m.startTime <= end)
      .map((m) => ({ name: m.name, start: m.startTime, duration: m.duration }));
    return {
      ready: window.__readyAt,
      firstFrame: frames[0],
      gap,
      gapAt,
      task: longest.duration,
      taskAt: longest.start,
      tasks: tasks.length,
      measures,
      samples: Number(document.querySelector('main.results')?.getAttribute('data-samples')),
    };
  }, AFTER_READY_MS);
  result.notices = await notices(page);
  await context.close();
  return result;
}

/** (e) For each worst input: WORST_LOADS fresh loads. */
async function worst(browser, url) {
  const params = await cliParams();
  // As many correlations as the cap allows beside the default pairs (the CLI says when over).
  let correlations = 64;
  while (correlations > 0 && /correlations/.test(await cliProblems(worstInputs(params, correlations)[0].fragment))) {
    correlations--;
  }
  const inputs = worstInputs(params, correlations);
  const out = [];
  for (const input of inputs) {
    const problems = await cliProblems(input.fragment);
    const runs = [];
    for (let i = 0; i < WORST_LOADS; i++) runs.push(await worstLoad(browser, url, input.fragment));
    // The app's measures, summed per name per load, then the median over loads.
    const names = [...new Set(runs.flatMap((r) => r.measures.map((m) => m.name)))];
    const measures = Object.fromEntries(
      names.map((name) => [
        name.replace('compute-demand:', ''),
        summary(runs.map((r) => r.measures.filter((m) => m.name === name).reduce((s, m) => s + m.duration, 0))),
      ]),
    );
    out.push({
      ...input,
      bytes: input.fragment.length,
      problems,
      task: summary(runs.map((r) => r.task)),
      gap: summary(runs.map((r) => r.gap)),
      ready: summary(runs.map((r) => r.ready)),
      measures,
      notices: [...new Set(runs.flatMap((r) => r.notices))],
      samples: [...new Set(runs.map((r) => r.samples))],
      runs,
    });
  }
  return out;
}

async function main() {
  const server = await startServer({ dir: site });
  const browser = await launch();
  try {
    const version = browser.version();
    const step = (what) => console.error(`bench: ${what}`);
    step(`(a, d) ${LOADS} cold loads`);
    const a = await loads(browser, server.url);
    step('(a-fr, d-fr) the same in French');
    const french = await loads(browser, server.url, 'fr-FR');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await ready(page, 60_000);
    step(`(b) ${INPUTS} slider inputs`);
    const b = await latencies(page, 'input', INPUTS);
    step(`(c) ${CHANGES} slider changes`);
    const c = await latencies(page, 'change', CHANGES);
    await context.close();
    step('(e) the worst valid inputs');
    const e = await worst(browser, server.url);

    const bs = summary(b.dom);
    const bf = summary(b.frame);
    const cs = summary(c.dom);
    const cf = summary(c.frame);
    const cpus = os.cpus();
    const lines = [
      '# Browser benchmark',
      '',
      `- Date: ${new Date().toISOString()}`,
      `- Chromium: ${version} (${process.env.CHROMIUM ?? '/usr/bin/chromium'}, headless, --disable-gpu)`,
      `- Machine: ${os.type()} ${os.release()}, ${cpus.length} × ${cpus[0]?.model ?? '?'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      `- Node ${process.version}; site: ${site}`,
      '',
      '| Measure | n | median (ms) | p95 (ms) | min (ms) | max (ms) |',
      '|---|---:|---:|---:|---:|---:|',
      `| (a) navigation start → \`body[data-ready]\`, fresh context each | ${a.ready.n} | ${fmt(a.ready.median)} | ${fmt(a.ready.p95)} | ${fmt(a.ready.min)} | ${fmt(a.ready.max)} |`,
      `| (a-fr) the same for a page in French (\`fr-FR\`: its French fetched before the first render) | ${french.ready.n} | ${fmt(french.ready.median)} | ${fmt(french.ready.p95)} | ${fmt(french.ready.min)} | ${fmt(french.ready.max)} |`,
      `| (d-fr) navigation start → first contentful paint, same French loads (${french.answered} of ${LOADS} with the figure) | ${french.fcp.n} | ${fmt(french.fcp.median)} | ${fmt(french.fcp.p95)} | ${fmt(french.fcp.min)} | ${fmt(french.fcp.max)} |`,
      `| (a′) navigation start → DOMContentLoaded (for reference) | ${a.parsed.n} | ${fmt(a.parsed.median)} | ${fmt(a.parsed.p95)} | ${fmt(a.parsed.min)} | ${fmt(a.parsed.max)} |`,
      `| (b) slider \`input\` → facility_power_mw data-p50 changes (draws behind each change: ${b.draws}) | ${bs.n} | ${fmt(bs.median)} | ${fmt(bs.p95)} | ${fmt(bs.min)} | ${fmt(bs.max)} |`,
      `| (b′) slider \`input\` → next animation frame after the change | ${bf.n} | ${fmt(bf.median)} | ${fmt(bf.p95)} | ${fmt(bf.min)} | ${fmt(bf.max)} |`,
      `| (c) slider \`change\` → facility_power_mw data-p50 changes (draws: ${c.draws}) | ${cs.n} | ${fmt(cs.median)} | ${fmt(cs.p95)} | ${fmt(cs.min)} | ${fmt(cs.max)} |`,
      `| (c′) slider \`change\` → next animation frame after the change | ${cf.n} | ${fmt(cf.median)} | ${fmt(cf.p95)} | ${fmt(cf.min)} | ${fmt(cf.max)} |`,
      `| (d) navigation start → first contentful paint, same loads as (a) | ${a.fcp.n} | ${fmt(a.fcp.median)} | ${fmt(a.fcp.p95)} | ${fmt(a.fcp.min)} | ${fmt(a.fcp.max)} |`,
      `| (d′) loads whose first contentful paint had the 2030 facility-power figure in the DOM: ${a.answered} of ${LOADS} | | | | | |`,
      ...e.flatMap((w) => [
        `| (e) ${w.name}: longest task, navigation → data-ready + 1 s — ≤ ${FRAME_BUDGET_MS} ms: ${w.task.median <= FRAME_BUDGET_MS ? 'yes' : 'NO'} | ${w.task.n} | ${fmt(w.task.median)} | — | ${fmt(w.task.min)} | ${fmt(w.task.max)} |`,
        `| (e′) ${w.name}: longest gap between animation frames — ≤ ${FRAME_BUDGET_MS} ms: ${w.gap.median <= FRAME_BUDGET_MS ? 'yes' : 'NO'} | ${w.gap.n} | ${fmt(w.gap.median)} | — | ${fmt(w.gap.min)} | ${fmt(w.gap.max)} |`,
      ]),
      '',
      `Sampling line after (b): "${b.samples}"; after (c): "${c.samples}". ` +
        `${WARMUP} warm-up events before each series are not counted; events with no change within 10 s: ` +
        `${b.timeouts} (input), ${c.timeouts} (change).`,
      '',
      `(e): each input opened ${WORST_LOADS} times in a fresh context; a long task is one Chromium reports (≥ 50 ms), 0 when none; ` +
        `the app's own measures are the sum per load of each \`compute-demand:*\` measure up to data-ready + 1 s, median over the loads:`,
      '',
      '| Input | link bytes | CLI `run --link` problems | draws shown | data-ready (ms) | simulate (ms) | summaries (ms) | sensitivity (ms) | notices on the page |',
      '|---|---:|---|---:|---:|---:|---:|---:|---|',
      ...e.map(
        (w) =>
          `| ${w.name} | ${w.bytes} | ${w.problems ? w.problems.replaceAll('\n', '; ').replaceAll('|', '\\|') : 'none'} | ${w.samples.join(', ')} | ` +
          `${fmt(w.ready.median)} | ${fmt(w.measures.simulate?.median)} | ${fmt(w.measures.summaries?.median)} | ${fmt(w.measures.sensitivity?.median)} | ` +
          `${w.notices.length ? w.notices.join('; ').replaceAll('|', '\\|') : 'none'} |`,
      ),
      '',
    ];
    const markdown = lines.join('\n');
    console.log(markdown);
    const out = path.join(here, 'results', 'browser.md');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, markdown);
    console.log(`written to ${path.relative(process.cwd(), out) || out}`);
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(e.map(({ fragment, ...w }) => w), null, 1));
    // A worst input the CLI does not take whole is not the input meant: fail.
    if (b.timeouts + c.timeouts > 0 || e.some((w) => w.problems)) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
