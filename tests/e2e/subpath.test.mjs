// Issue 4: deployable to any static host "from a sub-path too". The built site, served under
// /deep/app/, loads, computes and asks only for files under that path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, symlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, ready, figures, checkFigures, SITE_DIR, TIMEOUT } from './support.mjs';

let srv;
let browser;
let root;

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'compute-demand-subpath-'));
  await mkdir(path.join(root, 'deep'));
  await symlink(SITE_DIR, path.join(root, 'deep', 'app'), 'dir');
  // The host's own page at its root, which the app must not touch.
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>host</title>');
  srv = await startServer(root);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await srv?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

test('served from /deep/app/, the app works and fetches only from there', async () => {
  const { context, page, log } = await openPage(browser);
  try {
    await page.goto(`${srv.origin}/deep/app/#v1&p=high`);
    await ready(page, TIMEOUT);
    checkFigures(assert, await figures(page), 2030);
    assert.equal(await page.locator('select#preset').inputValue(), 'high');
    const outside = srv.requests.filter((p) => !p.startsWith('/deep/app/'));
    assert.deepEqual(outside, [], 'every request stays under the sub-path');
    assert.deepEqual(log.errors, [], 'no console error');
    assert.deepEqual(log.foreign(srv.origin), [], 'no request to another origin');
  } finally {
    await context.close();
  }
});
