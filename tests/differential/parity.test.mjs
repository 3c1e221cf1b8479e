// The same numbers everywhere, for any scenario: a few hundred random valid scenarios (the
// fuzz targets' generator: presets, ranges, custom projects, correlations), each run by the
// native CLI (`compute-demand run --link`), by the core compiled to WebAssembly for Node, and
// again natively after the share link's round trip. Every figure must agree within 1e-9
// relative.
//
// Needs NODE_MODEL_DIR (wasm-bindgen's Node package of crates/compute-demand-node, built by
// `cargo xtask test`) and CLI_BIN (the release CLI).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const modelDir = path.resolve(process.env.NODE_MODEL_DIR ?? path.join(here, '../../bench/pkg'));
const cli = path.resolve(process.env.CLI_BIN ?? path.join(here, '../../target/release/compute-demand'));
// wasm-bindgen's Node glue is CommonJS; the folder says so when the build has not.
if (!existsSync(path.join(modelDir, 'package.json'))) {
  writeFileSync(path.join(modelDir, 'package.json'), '{"type": "commonjs"}\n');
}
const wasm = require(path.join(modelDir, 'compute_demand_node.js'));

const SCENARIOS = Number(process.env.DIFFERENTIAL_SCENARIOS ?? 300);
const TOLERANCE = 1e-9;

function native(fragment) {
  const out = execFileSync(cli, ['run', '--link', `#${fragment}`, '--format', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}

/** Every number of `b` within TOLERANCE of `a`'s, and every other value equal. */
function agree(a, b, where, mismatches) {
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(Math.abs(a), Math.abs(b));
    if (scale > 0 && Math.abs(a - b) / scale > TOLERANCE) mismatches.push(`${where}: ${a} vs ${b}`);
  } else if (a !== null && typeof a === 'object') {
    assert.equal(typeof b, 'object', where);
    const keys = new Set([...Object.keys(a), ...Object.keys(b ?? {})]);
    for (const key of keys) agree(a[key], b?.[key], `${where}.${key}`, mismatches);
  } else if (a !== b) {
    mismatches.push(`${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
}

test(`${SCENARIOS} random scenarios: native, WebAssembly and the link's round trip agree`, () => {
  let figures = 0;
  for (let seed = 0; seed < SCENARIOS; seed++) {
    const fragment = wasm.arbitrary_link(seed);
    const relinked = wasm.relink(fragment);
    assert.equal(relinked, fragment, `seed ${seed}: the link survives its round trip`);
    const fromWasm = JSON.parse(wasm.run_link(fragment));
    const fromNative = native(fragment);
    const afterTrip = native(relinked);
    const mismatches = [];
    agree(fromNative, fromWasm, `seed ${seed} wasm`, mismatches);
    agree(fromNative, afterTrip, `seed ${seed} relinked`, mismatches);
    assert.deepEqual(mismatches.slice(0, 5), [], `#${fragment}`);
    figures += fromNative.years.length * Object.keys(fromNative.years[0].metrics).length * 4;
  }
  assert.ok(figures > SCENARIOS * 500, `${figures} figures compared`);
});
