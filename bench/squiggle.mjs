// Speed against Squiggle: one small model written in both systems, run in this one Node
// process at 10k and 100k samples. Prints a markdown table and writes it to
// bench/results/squiggle.md.
//
// The model: training GPU-hours from parameters, tokens and MFU, plus a year of inference,
// each input a lognormal 90% interval (Squiggle's `a to b`); see SQUIGGLE below and
// crates/compute-demand-node/src/lib.rs, which must stay the same model.
//
// This script builds nothing. `cargo xtask bench` builds our side first; by hand, from the
// repository root:
//
//   cargo build --release -p compute-demand-node --target wasm32-unknown-unknown
//   wasm-bindgen --target nodejs --out-dir bench/pkg target/wasm32-unknown-unknown/release/compute_demand_node.wasm
//   wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
//     --enable-mutable-globals --enable-reference-types --enable-multivalue \
//     bench/pkg/compute_demand_node_bg.wasm -o bench/pkg/compute_demand_node_bg.wasm
//   (cd bench && npm ci && node squiggle.mjs)
//
// (wasm-opt is optional; tests/node_modules/.bin/wasm-opt is binaryen's.) `--target nodejs`
// emits CommonJS, while this folder's package.json says "type": "module"; the script marks
// bench/pkg as CommonJS with a package.json of its own when the build has not.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, "pkg");
const glue = join(pkgDir, "compute_demand_node.js");
const wasmFile = join(pkgDir, "compute_demand_node_bg.wasm");

if (!existsSync(glue) || !existsSync(wasmFile)) {
  console.error(
    `bench/pkg is missing (no ${existsSync(glue) ? wasmFile : glue}).\n` +
      "Build our side first: run `cargo xtask bench` from the repository root,\n" +
      "or the commands at the top of bench/squiggle.mjs.",
  );
  process.exit(1);
}
if (!existsSync(join(pkgDir, "package.json"))) {
  writeFileSync(join(pkgDir, "package.json"), '{ "type": "commonjs" }\n');
}
const { small_model } = createRequire(import.meta.url)(glue);

let run;
try {
  ({ run } = await import("@quri/squiggle-lang"));
} catch (error) {
  console.error(`@quri/squiggle-lang is not installed (${error.code ?? error.message}).\nRun \`npm ci\` in bench/.`);
  process.exit(1);
}
const squiggleVersion = JSON.parse(
  readFileSync(join(here, "node_modules/@quri/squiggle-lang/package.json"), "utf8"),
).version;

const SQUIGGLE = `
params = 30e9 to 200e9
tokens = 5e12 to 20e12
mfu = 0.3 to 0.5
training_gpu_hours = 6 * params * tokens / (989e12 * mfu) / 3600
active_params = 10e9 to 100e9
tokens_per_day = 1e10 to 1e11
utilization = 0.1 to 0.4
inference_gpu_hours_per_year = 2 * active_params * tokens_per_day * 365 / (989e12 * utilization) / 3600
total = training_gpu_hours + inference_gpu_hours_per_year
[mean(total), quantile(total, 0.05), quantile(total, 0.5), quantile(total, 0.95), stdev(total)]
`;

const SIZES = [10_000, 100_000];
// Runs alternate, OURS_PER_ROUND of ours then one of Squiggle's, so that load from other
// processes on a shared machine falls on both sides alike.
const WARMUP = { ours: 3, theirs: 3 };
const ROUNDS = 11;
const OURS_PER_ROUND = 3;

/** One run of ours: [mean, p5, p50, p95, sd] and wall milliseconds. */
function runOurs(samples, seed) {
  const start = performance.now();
  const out = small_model(samples, BigInt(seed));
  const ms = performance.now() - start;
  return { ms, stats: Array.from(out) };
}

/** One run of Squiggle, parse to result, with the same five numbers. */
async function runTheirs(samples, seed) {
  const start = performance.now();
  const output = await run(SQUIGGLE, {
    environment: { sampleCount: samples, xyPointLength: 1000, seed: `bench-${seed}` },
  });
  const ms = performance.now() - start;
  if (!output.result.ok) {
    throw new Error(`Squiggle failed: ${output.result.value.toString()}`);
  }
  const stats = output.result.value.result.asJS();
  if (!Array.isArray(stats) || stats.length !== 5 || !stats.every(Number.isFinite)) {
    throw new Error(`unexpected Squiggle result: ${output.result.value.result.toString()}`);
  }
  return { ms, stats };
}

async function compare(samples) {
  let seed = 1;
  for (let i = 0; i < WARMUP.ours; i++) runOurs(samples, seed++);
  for (let i = 0; i < WARMUP.theirs; i++) await runTheirs(samples, seed++);
  const ours = [];
  const theirs = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < OURS_PER_ROUND; i++) ours.push(runOurs(samples, seed++));
    theirs.push(await runTheirs(samples, seed++));
  }
  return { ours: summarise(ours, samples), theirs: summarise(theirs, samples) };
}

function summarise(runs, samples) {
  const ms = median(runs.map((r) => r.ms));
  // Each run has its own seed: their means are independent estimates.
  const sd = average(runs.map((r) => r.stats[4]));
  return {
    runs: runs.length,
    ms,
    best: Math.min(...runs.map((r) => r.ms)),
    perSecond: samples / (ms / 1000),
    mean: average(runs.map((r) => r.stats[0])),
    // Standard error of the pooled mean, as if draws were independent: for our Latin
    // hypercube draws this overstates it, so the agreement test is conservative for us.
    se: sd / Math.sqrt(samples * runs.length),
    p5: average(runs.map((r) => r.stats[1])),
    p50: average(runs.map((r) => r.stats[2])),
    p95: average(runs.map((r) => r.stats[3])),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function average(values) {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The exact mean of total: E[X] = exp(μ + σ²/2) and E[1/X] = exp(−μ + σ²/2) for lognormals. */
function exactMean() {
  const z95 = 1.6448536269514722;
  const moments = (low, high, power) => {
    const mu = (Math.log(low) + Math.log(high)) / 2;
    const sigma = (Math.log(high) - Math.log(low)) / (2 * z95);
    return Math.exp(power * mu + (sigma * sigma) / 2);
  };
  const training = (6 * moments(30e9, 200e9, 1) * moments(5e12, 20e12, 1) * moments(0.3, 0.5, -1)) / 989e12 / 3600;
  const inference =
    (2 * moments(10e9, 100e9, 1) * moments(1e10, 1e11, 1) * 365 * moments(0.1, 0.4, -1)) / 989e12 / 3600;
  return training + inference;
}

const fmt = (x, digits = 4) => Number(x.toPrecision(digits)).toLocaleString("en-US");
const fmtRate = (x) => `${(x / 1e6).toFixed(2)} M/s`;

const loadBefore = loadavg()[0];
const rows = [];
const agreement = [];
const expected = exactMean();
const ratioRows = [];
for (const samples of SIZES) {
  const { ours, theirs } = await compare(samples);
  const ratio = ours.perSecond / theirs.perSecond;
  for (const [name, r] of [
    ["compute-demand-core (wasm)", ours],
    [`Squiggle ${squiggleVersion}`, theirs],
  ]) {
    rows.push(
      `| ${samples.toLocaleString("en-US")} | ${name} | ${r.runs} | ${r.ms.toFixed(2)} | ${r.best.toFixed(2)} | ${fmtRate(r.perSecond)} | ` +
        `${fmt(r.mean)} | ${fmt(r.p5)} | ${fmt(r.p50)} | ${fmt(r.p95)} |`,
    );
  }
  const diff = ours.mean - theirs.mean;
  const z = diff / Math.hypot(ours.se, theirs.se);
  const vsExact = (r) => `${((100 * (r.mean - expected)) / expected).toFixed(2)}% (z ${((r.mean - expected) / r.se).toFixed(1)})`;
  agreement.push(
    `| ${samples.toLocaleString("en-US")} | ${fmt(ours.mean, 6)} | ${fmt(theirs.mean, 6)} | ` +
      `${((100 * diff) / theirs.mean).toFixed(2)}% | ${fmt(Math.hypot(ours.se, theirs.se), 3)} | ` +
      `${z.toFixed(2)} | ${Math.abs(z) <= 3 ? "yes" : "**no**"} | ${vsExact(ours)} | ${vsExact(theirs)} |`,
  );
  const bestRatio = theirs.best / ours.best;
  ratioRows.push(
    `| ${samples.toLocaleString("en-US")} | ${ratio.toFixed(1)}× | ${ratio >= 20 ? "met" : "**not met**"} | ${bestRatio.toFixed(1)}× |`,
  );
}

// The whole model (issue 13): `compute-demand run --samples 100000` — every metric of every
// year, every summary, the process's start and its output included — against the same 100,000
// samples of Squiggle's toy above, alternating one of each, and the CLI's peak memory, both
// read by `xtask measure` (wait4). Needs CLI_BIN and XTASK_BIN (`cargo xtask bench` sets them).
const WHOLE_SAMPLES = 100_000;
let whole = null;
if (process.env.CLI_BIN && process.env.XTASK_BIN) {
  const { execFileSync } = await import("node:child_process");
  const measureCli = () =>
    JSON.parse(
      execFileSync(process.env.XTASK_BIN, ["measure", "--", process.env.CLI_BIN, "run", "--samples", String(WHOLE_SAMPLES), "--format", "json"], {
        encoding: "utf8",
      }),
    );
  measureCli();
  await runTheirs(WHOLE_SAMPLES, 900);
  const cli = [];
  const toy = [];
  for (let round = 0; round < ROUNDS; round++) {
    cli.push(measureCli());
    toy.push(await runTheirs(WHOLE_SAMPLES, 1000 + round));
  }
  const cliMs = median(cli.map((r) => r.wall_ms));
  const toyMs = median(toy.map((r) => r.ms));
  const rss = cli.map((r) => r.max_rss_kib / 1024);
  whole = { cliMs, toyMs, ratio: cliMs / toyMs, rssMedian: median(rss), rssMax: Math.max(...rss), runs: cli.length };
}
const wholeSection = whole
  ? `
## The whole model against Squiggle's toy (issue 13)

\`compute-demand run --samples ${WHOLE_SAMPLES.toLocaleString("en-US")}\` (all 24 metrics × 7 years, every summary,
the process's start and its JSON output included), ${whole.runs} runs alternating with as many of
Squiggle's ${WHOLE_SAMPLES.toLocaleString("en-US")}-sample toy above, timed and weighed by \`xtask measure\` (wall time and
peak resident memory from wait4):

| | ms / run (median) | µs per draw |
|---|--:|--:|
| compute-demand, whole model (native CLI) | ${whole.cliMs.toFixed(1)} | ${((1000 * whole.cliMs) / WHOLE_SAMPLES).toFixed(2)} |
| Squiggle ${squiggleVersion}, 5-input toy | ${whole.toyMs.toFixed(1)} | ${((1000 * whole.toyMs) / WHOLE_SAMPLES).toFixed(2)} |

Per draw, the whole model costs **${whole.ratio.toFixed(2)}×** Squiggle's toy (target ≤ 1×: ${whole.ratio <= 1 ? "met" : "**not met**"}).
Peak memory of the run: **${whole.rssMedian.toFixed(1)} MiB** median, ${whole.rssMax.toFixed(1)} MiB the most (target under 64 MiB: ${whole.rssMax < 64 ? "met" : "**not met**"}).
`
  : "\n(The whole-model comparison needs CLI_BIN and XTASK_BIN: run it through `cargo xtask bench`.)\n";

// The fixed cost of one call across the JS↔wasm boundary, with no work to speak of.
const overhead = median(Array.from({ length: 201 }, (_, i) => runOurs(1, i).ms)) * 1000;

const report = `# Speed against Squiggle

${new Date().toISOString()} · Node ${process.version} · ${process.platform}/${process.arch} · ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores)
· @quri/squiggle-lang ${squiggleVersion} · our wasm ${(statSync(wasmFile).size / 1024).toFixed(0)} KiB

One small model in both systems, in one Node process: training GPU-hours of
\`6 · params · tokens / (989e12 · mfu) / 3600\` plus a year of inference
\`2 · active_params · tokens_per_day · 365 / (989e12 · utilization) / 3600\`, every input a
lognormal 90% interval. Wall time per run is the median of the timed runs, from the call to
the summary in hand (mean, p5, p50, p95, sd): ours draws Latin hypercube columns and
summarises in WebAssembly; Squiggle's includes parsing the program. After ${WARMUP.ours} warm-up
runs of ours and ${WARMUP.theirs} of Squiggle's, ${ROUNDS} rounds alternate ${OURS_PER_ROUND} runs of ours with one of
Squiggle's. Statistics are averages over the timed runs, each with its own seed. Load average
(1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after, on ${cpus().length} cores: a loaded machine makes every
figure noisier.

| samples | engine | runs | ms / run (median) | fastest run | samples / s (median) | mean | p5 | p50 | p95 |
|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|
${rows.join("\n")}

Speed per sample, ours ÷ Squiggle's, from median times (target ≥ 20×); and from the fastest
runs, the figure least disturbed by other load:

| samples | ratio (medians) | target | ratio (fastest runs) |
|--:|--:|---|--:|
${ratioRows.join("\n")}

Means of total GPU-hours (exact: ${fmt(expected, 6)}); standard errors from each side's sample
standard deviation over all timed draws, treating Latin hypercube draws as independent:

| samples | ours | Squiggle | difference | s.e. of difference | z | within 3 s.e. | ours − exact | Squiggle − exact |
|--:|--:|--:|--:|--:|--:|---|--:|--:|
${agreement.join("\n")}

One call of ours with 1 sample (JS↔wasm boundary and allocation): ${overhead.toFixed(1)} µs.
${wholeSection}`;

console.log(report);
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "squiggle.md"), report);
console.log("Written to bench/results/squiggle.md");
