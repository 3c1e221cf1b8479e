// Issue 4: deployable to any static host "from a sub-path too". The built site, served by the
// app's own server under /deep/app/, loads, computes and asks only for files under that path.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, ready, figures, checkFigures, TIMEOUT } from './support.mjs';

const site = useSite({ prefix: '/deep/app/' });

test('served from /deep/app/, the app works and fetches only from there', async () => {
  assert.equal(site.url, `${site.origin}/deep/app/`);
  const { context, page, log } = await openPage(site.browser);
  try {
    await page.goto(`${site.origin}/deep/app/#v1&p=high`);
    await ready(page, TIMEOUT);
    checkFigures(assert, await figures(page), 2030);
    assert.equal(await page.locator('select#preset').inputValue(), 'high');
    const outside = site.requests.filter((p) => !p.startsWith('/deep/app/'));
    assert.deepEqual(outside, [], 'every request stays under the sub-path');
    assert.deepEqual(log.errors, [], 'no console error');
    assert.deepEqual(log.foreign(site.origin), [], 'no request to another origin');
  } finally {
    await context.close();
  }
});

test('outside the sub-path the server gives nothing; the bare sub-path redirects to its folder', async () => {
  assert.equal((await fetch(`${site.origin}/`)).status, 404);
  assert.equal((await fetch(`${site.origin}/index.html`)).status, 404);
  const bare = await fetch(`${site.origin}/deep/app`, { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), '/deep/app/');
});
