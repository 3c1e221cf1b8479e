// Issues 12 and 13, what `cargo xtask build` makes natively after Trunk: the methodology page
// with an anchor per parameter (and the app's links to them), the link-preview tags and
// image, the baseline's answer in index.html before (or without) JavaScript, the marks that
// say a link's scenario is still loading, and the service worker that keeps the site working
// offline, from the root and from a sub-path.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSite, startServer, openPage, ready, figures, checkFigures, compareWithRun, cli, cliParams,
  slideTo, waitForChange, attr, HEADLINE_METRICS, TIMEOUT,
} from './support.mjs';

const site = useSite();

/** The ids of every element of the page. */
async function ids(page) {
  return new Set(await page.$$eval('[id]', (els) => els.map((el) => el.id)));
}

describe('methodology page', () => {
  test('has an element whose id is each parameter key, the site stylesheet, a way back, no error', async () => {
    const { context, page, log } = await openPage(site.browser);
    try {
      const response = await page.goto(`${site.url}methodology.html`);
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /^text\/html/);
      const present = await ids(page);
      const keys = (await cliParams()).map((p) => p.key);
      assert.ok(keys.length > 30, `the CLI lists the parameters (${keys.length})`);
      const missing = keys.filter((key) => !present.has(key));
      assert.deepEqual(missing, [], 'every parameter key is an id on the page');
      for (const key of keys) {
        const entry = page.locator(`[id="${key}"]`);
        assert.equal(await entry.count(), 1, `one element with id ${key}`);
        const text = await entry.textContent();
        assert.ok(text.includes(key) && /Source/.test(text) && /Bounds/.test(text), `${key}'s entry names it, its bounds and its source`);
      }
      // Headings carry the ids the document's contents link to.
      const internal = await page.$$eval('a[href^="#"]', (els) => els.map((el) => el.getAttribute('href').slice(1)));
      const broken = [...new Set(internal)].filter((id) => !present.has(decodeURIComponent(id)));
      assert.deepEqual(broken, [], 'every link inside the page has its target');
      assert.equal(await page.locator('a[href="./"]').count() > 0, true, 'a link back to the app');
      const css = await page.getAttribute('link[rel="stylesheet"]', 'href');
      assert.match(css, /^style-[0-9a-f]+\.css$/, 'the site stylesheet, by a relative URL');
      assert.notEqual(await page.locator('main.doc').evaluate((el) => getComputedStyle(el).maxWidth), 'none', 'the stylesheet applies');
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|http/);
      assert.equal(await page.locator('script').count(), 0, 'no script on the page');
      assert.deepEqual(log.errors, [], 'no console error');
      assert.deepEqual(log.foreign(site.origin), [], 'no request to another origin');
    } finally {
      await context.close();
    }
  });

  test("the app's source links point to existing anchors", async () => {
    const { context, page } = await openPage(site.browser);
    try {
      await page.goto(`${site.url}methodology.html`);
      const present = await ids(page);
      await page.goto(site.url);
      await ready(page);
      const links = await page.$$eval('details.source a[href^="methodology.html"]', (els) =>
        els.map((el) => ({ raw: el.getAttribute('href'), href: el.href })));
      const keys = (await cliParams()).map((p) => p.key);
      assert.equal(links.length, keys.length, 'one methodology link per parameter');
      for (const { raw, href } of links) {
        assert.match(raw, /^methodology\.html#/, `${raw} is relative`);
        const url = new URL(href);
        assert.equal(url.origin + url.pathname, `${site.url}methodology.html`);
        assert.ok(present.has(decodeURIComponent(url.hash.slice(1))), `${raw} has its anchor`);
      }
      assert.deepEqual(
        links.map((l) => decodeURIComponent(new URL(l.href).hash.slice(1))).sort(),
        [...keys].sort(),
        'the links name every key',
      );
    } finally {
      await context.close();
    }
  });
});

// The parameters' source texts live beside the bundle (`sources-….txt`, named by `<meta
// name="compute-demand:sources">`), fetched once after the first render, in either language.

/** Whether a request is for the source texts' file. */
const isSources = (url) => /\/sources-[0-9a-f]+\.txt$/.test(new URL(url).pathname);

/** Records, in the page, when the app's own markup (`#app > .app`) first appears. */
function recordFirstRender(page) {
  return page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('#app > .app')) {
        window.__firstRender = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Opens the first parameter's `details.source` (in the group open at load); returns it. */
async function openFirstSource(page) {
  const details = page.locator('details.group[open] details.source').first();
  await details.locator(':scope > summary').click();
  await page.waitForFunction(() => document.querySelector('details.group[open] details.source')?.open === true);
  return details;
}

describe('source texts', () => {
  for (const [lang, locale, methodology] of [['en', 'en-US', 'methodology.html'], ['fr', 'fr-FR', 'methodology.fr.html']]) {
    test(`${lang}: fetched once after the first render, each equal to \`params\`'s source, in English`, async () => {
      const params = new Map((await cliParams()).map((p) => [p.key, p]));
      // No service worker: it fetches every file of the site for its cache.
      const opened = await openPage(site.browser, { locale, serviceWorkers: 'block' });
      try {
        await recordFirstRender(opened.page);
        await opened.page.goto(site.url, { waitUntil: 'domcontentloaded' });
        await ready(opened.page);
        assert.equal(await opened.page.getAttribute('html', 'lang'), lang);
        const details = await openFirstSource(opened.page);
        const text = details.locator('[data-source-text]');
        await text.waitFor({ state: 'visible' });
        const key = await text.getAttribute('data-source-text');
        assert.equal(await text.textContent(), params.get(key).source, `${key}'s source as the CLI gives it`);
        assert.equal(await text.getAttribute('lang'), 'en', 'the source stays in English');
        assert.equal(await details.locator(`a[href="${methodology}#${key}"]`).count(), 1, 'its methodology entry');
        // Every parameter's, once the controls are all drawn.
        await opened.page.waitForFunction((n) => document.querySelectorAll('[data-source-text]').length === n, params.size);
        const shown = await opened.page.$$eval('[data-source-text]', (els) => els.map((el) => [el.dataset.sourceText, el.textContent, el.lang]));
        for (const [key, text, textLang] of shown) {
          assert.equal(text, params.get(key)?.source, `${key}'s source`);
          assert.equal(textLang, 'en');
        }
        // The explain panel's source links carry it as their title.
        await opened.page.locator('[data-metric="facility_power_mw"][data-year] [data-explain-open]').click();
        const link = opened.page.locator('[data-explain] .step-source').first();
        await link.waitFor({ state: 'attached' });
        const linked = decodeURIComponent((await link.getAttribute('href')).split('#')[1]);
        assert.equal(await link.getAttribute('title'), params.get(linked).source, `${linked}'s source link's title`);

        const fetched = opened.log.requests.filter(isSources);
        assert.equal(fetched.length, 1, `one fetch of the source texts: ${fetched}`);
        const timing = await opened.page.evaluate(() => ({
          firstRender: window.__firstRender,
          fetch: performance.getEntriesByType('resource').find((e) => /\/sources-[0-9a-f]+\.txt$/.test(e.name))?.startTime,
        }));
        assert.ok(Number.isFinite(timing.firstRender), 'the app rendered');
        assert.ok(timing.fetch >= timing.firstRender, `fetched after the first render (${timing.fetch} ≥ ${timing.firstRender} ms)`);
        assert.deepEqual(opened.log.errors, [], 'no console error');
      } finally {
        await opened.context.close();
      }
    });

    test(`${lang}: the page is ready before the source texts come, and works without them`, async () => {
      const { context, page, log } = await openPage(site.browser, { locale, serviceWorkers: 'block' });
      try {
        // Held until the page is ready: nothing waits for them.
        let release;
        const held = new Promise((resolve) => {
          release = resolve;
        });
        await page.route(isSources, async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(site.url, { waitUntil: 'domcontentloaded' });
        await ready(page);
        const details = await openFirstSource(page);
        assert.equal(await details.locator(`a[href^="${methodology}#"]`).count(), 1, 'its methodology entry, while its text is on its way');
        assert.equal(await details.locator('[data-source-text], [data-source-missing]').count(), 0, 'no text, no note yet');
        assert.equal(await details.locator('a[rel~="noopener"]').count(), 0, 'the address comes with the text');
        release();
        await details.locator('[data-source-text]').waitFor({ state: 'visible' });
        const url = await details.locator('a[target="_blank"][rel~="noopener"]').getAttribute('href');
        assert.match(url, /^https?:\/\//, 'then the source\'s address');

        // Blocked: the methodology entry and a plain note; the app computes.
        await page.unroute(isSources);
        await page.route(isSources, (route) => route.abort());
        await page.reload({ waitUntil: 'domcontentloaded' });
        await ready(page);
        const blocked = await openFirstSource(page);
        const note = blocked.locator('[data-source-missing]');
        await note.waitFor({ state: 'visible' });
        assert.equal((await note.textContent()).trim(), lang === 'fr'
          ? 'Le texte de la source n\'a pas pu être chargé\u202f; il figure dans la méthodologie.'
          : 'The source text could not be loaded; it is on the methodology page.');
        assert.equal(await blocked.locator('[data-source-text]').count(), 0);
        assert.equal(await blocked.locator(`a[href^="${methodology}#"]`).count(), 1);
        checkFigures(assert, await figures(page), 2030);
        const before = await attr(page, 'facility_power_mw');
        await slideTo(page, 'facility.pue', 1.6);
        const after = await waitForChange(page, 'facility_power_mw', before);
        assert.ok(Number(after) > Number(before), `the model still computes (${before} → ${after})`);
        assert.equal(await page.locator('#fatal').count(), 0, 'no crash');
        assert.deepEqual(log.errors.filter((e) => !/ERR_FAILED|Failed to load resource/i.test(e)), []);
      } finally {
        await context.close();
      }
    });
  }
});

describe('link previews', () => {
  test('index.html has the Open Graph and Twitter tags, and preview.png is a 1200×630 PNG', async () => {
    const { context, page } = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      await page.goto(site.url);
      const meta = (selector) => page.getAttribute(`meta[${selector}]`, 'content');
      const title = await page.title();
      assert.equal(await meta('property="og:title"'), title);
      assert.equal(await meta('name="twitter:title"'), title);
      const description = await meta('name="description"');
      assert.ok(description.length > 40);
      assert.equal(await meta('property="og:description"'), description);
      assert.equal(await meta('name="twitter:description"'), description);
      assert.equal(await meta('property="og:type"'), 'website');
      assert.equal(await meta('name="twitter:card"'), 'summary_large_image');
      const image = await meta('property="og:image"');
      assert.match(image, /(^|\/)preview\.png$/);
      assert.equal(await meta('name="twitter:image"'), image);

      const response = await fetch(new URL(image, site.url));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      const png = Buffer.from(await response.arrayBuffer());
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
      assert.equal(png.readUInt32BE(16), 1200, 'width');
      assert.equal(png.readUInt32BE(20), 630, 'height');
    } finally {
      await context.close();
    }
  });

  test('the manifest is linked and makes the site installable from where it is served', async () => {
    const { context, page } = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      await page.goto(site.url);
      const href = await page.getAttribute('link[rel="manifest"]', 'href');
      assert.equal(href, 'manifest.webmanifest');
      const response = await fetch(new URL(href, site.url));
      assert.equal(response.headers.get('content-type'), 'application/manifest+json');
      const manifest = await response.json();
      assert.equal(manifest.start_url, './');
      assert.equal(manifest.display, 'standalone');
      assert.ok(manifest.name && manifest.short_name);
      assert.ok(manifest.icons.some((icon) => icon.src === 'favicon.svg'), 'the favicon is its icon');
    } finally {
      await context.close();
    }
  });
});

describe('the answer at first paint', () => {
  test('without JavaScript the page shows the baseline figures of `run --preset baseline` and the sentence', async () => {
    const { context, page, log } = await openPage(site.browser, { javaScriptEnabled: false });
    try {
      await page.goto(site.url);
      const run = JSON.parse(await cli(['run', '--preset', 'baseline', '--format', 'json']));
      const list = await figures(page);
      assert.deepEqual(list.map((f) => f.metric).sort(), [...HEADLINE_METRICS].sort(), 'each headline figure once');
      const worst = compareWithRun(assert, list, run, 2030);
      assert.ok(worst.diff < 1e-9, `worst relative difference ${worst.diff} (${worst.where})`);
      for (const metric of HEADLINE_METRICS) {
        assert.ok(await page.locator(`[data-metric="${metric}"]`).isVisible(), `${metric} is visible`);
      }
      const sentence = (await page.locator('.verdict').textContent()).trim();
      assert.match(sentence, /^In 2030, France's generative-AI ecosystem needs about [\d.,]+\s?[MG]W of facility power on French sites/);
      const answer = (await page.locator('.answer .figure-value').textContent()).trim();
      assert.ok(sentence.includes(`about ${answer} of facility power`), `the sentence gives the answer's ${answer}`);
      assert.match(sentence, /all this demand exceeds supply in [\d.]+% of draws, while supply covers French demand alone [\d.]+× over at the median\.$/);
      assert.ok(await page.locator('.verdict').isVisible(), 'the sentence is visible');
      assert.ok(await page.locator('svg#chart-demand-supply').isVisible(), 'the main chart is drawn');
      assert.equal(await page.locator('main.results').getAttribute('data-samples'), '10000');
      const noscript = page.locator('.noscript-note');
      assert.ok(await noscript.isVisible(), 'the <noscript> note is shown');
      assert.match(await noscript.textContent(), /baseline/);
      assert.match(await noscript.textContent(), /JavaScript/);
      assert.equal(await page.locator('#pending-note').isVisible(), false, 'no loading note on a bare visit');
      assert.equal(await page.locator('.scenario-bar').isVisible(), false, 'no dead controls without JavaScript');
      assert.equal(await page.locator('.prerendered button:visible').count(), 0, 'no dead button');
      assert.equal(await page.locator('text=Loading the model').count(), 0);
      assert.deepEqual(log.foreign(site.origin), [], 'no request to another origin');
    } finally {
      await context.close();
    }
  });

  test('at 375 px the prerendered page has no horizontal overflow and shows the phone chart', async () => {
    const { context, page } = await openPage(site.browser, { javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    try {
      await page.goto(site.url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no horizontal overflow (${overflow} px)`);
      assert.ok(await page.locator('svg#chart-demand-supply-narrow').isVisible(), 'the narrow chart');
      assert.equal(await page.locator('svg#chart-demand-supply').isVisible(), false, 'not the wide one');
    } finally {
      await context.close();
    }
  });

  test('with JavaScript the app replaces the prerendered answer, and no frame shows #app without figures', async () => {
    const { context, page, log } = await openPage(site.browser);
    try {
      // Every frame from the first that shows the prerendered answer until the app is ready
      // must show an answer (the CPU slowed down, so that the app starts over more frames).
      await page.addInitScript(() => {
        window.__frames = { seen: false, checked: 0, empty: 0 };
        const watch = () => {
          if (document.body?.dataset.ready === 'true') return;
          const answer = document.querySelector('#app [data-metric="facility_power_mw"]');
          const shown = !!answer;
          if (shown && !window.__frames.seen) window.__frames.top = answer.getBoundingClientRect().top;
          if (shown) window.__frames.seen = true;
          if (window.__frames.seen) {
            window.__frames.checked += 1;
            if (!shown) window.__frames.empty += 1;
          }
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(site.url);
      await ready(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const frames = await page.evaluate(() => window.__frames);
      assert.ok(frames.seen, 'a frame showed the prerendered answer before the app was ready');
      assert.equal(frames.empty, 0, `no frame without the answer (${frames.checked} frames checked)`);
      const top = await page.locator('[data-metric="facility_power_mw"]').evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(Math.abs(top - frames.top) <= 1, `the answer stays where it was painted first (${frames.top} → ${top} px)`);
      assert.equal(await page.locator('[data-prerendered]').count(), 0, 'the prerendered answer is gone');
      assert.equal(await page.locator('[data-metric="facility_power_mw"]').count(), 1, 'one answer, the app\'s');
      assert.equal(await page.locator('#app script').count(), 0);
      checkFigures(assert, await figures(page), 2030);
      assert.deepEqual(log.errors, [], 'no console error (the policy allows the inline scripts)');
    } finally {
      await context.close();
    }
  });
});

describe("a link's scenario", () => {
  test('the prerendered baseline is marked as loading until the app shows the link', async () => {
    // The app never starts: its WebAssembly is refused (and no service worker serves it).
    const blocked = await openPage(site.browser, { serviceWorkers: 'block' });
    try {
      await blocked.page.route('**/*.wasm', (route) => route.abort());
      await blocked.page.goto(`${site.url}#v1&p=high`);
      const app = blocked.page.locator('#app > #prerendered');
      assert.equal(await app.getAttribute('aria-busy'), 'true', 'the prerendered answer is busy');
      assert.match(await app.getAttribute('class'), /\blink-pending\b/);
      const note = blocked.page.locator('#pending-note');
      assert.ok(await note.isVisible(), 'the loading note shows');
      assert.match(await note.textContent(), /Loading this link.s scenario/);
      const opacity = await blocked.page.locator('[data-prerendered]').evaluate((el) => Number(getComputedStyle(el).opacity));
      assert.ok(opacity < 1, `the baseline is dimmed (opacity ${opacity})`);

      // A bare #v1 is the baseline itself: nothing to wait for.
      await blocked.page.goto('about:blank');
      await blocked.page.goto(`${site.url}#v1`);
      assert.equal(await blocked.page.locator('#prerendered').getAttribute('aria-busy'), null);
      assert.equal(await blocked.page.locator('#pending-note').isVisible(), false);
    } finally {
      await blocked.context.close();
    }

    const { context, page, log } = await openPage(site.browser);
    try {
      await page.goto(`${site.url}#v1&p=high`);
      await ready(page);
      assert.equal(await page.locator('#prerendered, .link-pending, [aria-busy="true"]').count(), 0, 'no longer busy: the marks went with the prerendered answer');
      assert.equal(await page.locator('#pending-note').count(), 0, 'the note is gone');
      assert.equal(await page.locator('select#preset').inputValue(), 'high');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});

/**
 * Visits the site once (served under `prefix` by a server of its own), waits for the service
 * worker to have cached it, then stops the server, goes offline and reloads: the app must get
 * ready and compute.
 */
async function offlineAfterFirstVisit(prefix) {
  const server = await startServer({ prefix });
  let serverOpen = true;
  const { context, page, log } = await openPage(site.browser);
  try {
    await page.goto(server.url);
    await ready(page);
    const cached = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('compute-demand-')));
      const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
      return { scope: registration.scope, names, keys };
    });
    assert.equal(cached.scope, server.url, 'the worker serves the folder of index.html');
    assert.equal(cached.names.filter((n) => n.startsWith('compute-demand-')).length, 1, 'one cache');
    for (const file of ['', 'index.html', 'methodology.html', 'preview.png', 'manifest.webmanifest', 'favicon.svg']) {
      assert.ok(cached.keys.includes(`${prefix}${file}`), `${prefix}${file} is cached`);
    }
    assert.ok(cached.keys.some((k) => /\/sources-[0-9a-f]+\.txt$/.test(k)), 'the source texts are cached');
    assert.ok(cached.keys.some((k) => /\/views-[0-9a-f]+_bg\.wasm$/.test(k)) && cached.keys.some((k) => /\/views-[0-9a-f]+\.js$/.test(k)), 'the outcome views are cached');
    assert.ok(cached.keys.some((k) => k.endsWith('.wasm')) && cached.keys.some((k) => /style-.*\.css$/.test(k)));
    assert.ok(cached.keys.every((k) => k.startsWith(prefix)), 'only files of the site');
    assert.ok(server.requests.every((p) => p.startsWith(prefix)), 'every request stays under the prefix');

    await context.setOffline(true);
    await server.close();
    serverOpen = false;
    await page.reload({ waitUntil: 'domcontentloaded' });
    await ready(page, TIMEOUT);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker answered');
    checkFigures(assert, await figures(page), 2030);
    const before = await attr(page, 'facility_power_mw');
    await slideTo(page, 'facility.pue', 1.6);
    const after = await waitForChange(page, 'facility_power_mw', before);
    assert.ok(Number(after) > Number(before), `offline, the model still computes (${before} → ${after})`);
    await page.locator('#outcome').scrollIntoViewIfNeeded();
    await page.waitForSelector('#outcome [data-chance]', { timeout: TIMEOUT });
    assert.match(await page.locator('#outcome [data-chance]').textContent(), /of the draws/, 'offline, the outcome views load and answer');

    // The methodology page too.
    await page.goto(`${server.url}methodology.html#facility.pue`);
    assert.equal(await page.locator('[id="facility.pue"]').count(), 1, 'methodology.html offline');
    assert.deepEqual(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e)), []);
    assert.deepEqual(log.foreign(server.origin), [], 'no request to another origin');
  } finally {
    await context.close();
    if (serverOpen) await server.close();
  }
}

describe('offline', () => {
  test('after a first visit, an offline reload works (root)', async () => {
    await offlineAfterFirstVisit('/');
  });

  test('after a first visit, an offline reload works (sub-path)', async () => {
    await offlineAfterFirstVisit('/deep/app/');
  });

  test('the worker caches only this origin, and every build names its cache after its files', async () => {
    const sw = await (await fetch(`${site.url}sw.js`)).text();
    assert.match(sw, /new URL\(request\.url\)\.origin !== self\.location\.origin\) return;/);
    assert.match(sw, /const CACHE = 'compute-demand-[0-9a-f]{16}';/);
    assert.doesNotMatch(sw, /cache\.put/);
    const index = await (await fetch(site.url)).text();
    const wasm = index.match(/'\.\/([^']+_bg\.wasm)'/)[1];
    assert.ok(sw.includes(`'${wasm}'`), 'the worker lists this build\'s wasm by its hashed name');
  });
});
