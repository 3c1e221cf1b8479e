// Issue 25: the methodology page, reachable and readable, in English and French. From the
// app's header (EN, and FR after switching) at 1366×800 and 390×844: the link opens the page
// in the app's language, whose summary is in the first screen, followed by a contents list; no
// repository path is visible; nothing overflows sideways. The French page holds an entry for
// every parameter (its id the key, its French label), and the French app's source links point
// there. Screenshots `methodology-{en,fr}-{1366,390}.png` go to screenshots/.
// Issue 28: every other country pack has its page, `methodology-<code>.html`: the shared method,
// then that pack's chapter (its calibration table), an entry per parameter with the pack's label,
// and no other pack's chapter.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { useSite, openApp, openPage, setLang, cli, cliParams, SCREENSHOT_DIR } from './support.mjs';

const site = useSite();

const PAGES = { en: 'methodology.html', fr: 'methodology.fr.html' };
const VIEWPORTS = [
  { width: 1366, height: 800 },
  { width: 390, height: 844 },
];
/** What a repository path looks like in visible text. */
const PATH = /crates\/|\.rs\b|\.toml\b|\bdata\/\w/;

before(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

/** The page's visible text around each match of PATH (none: no path shows). */
async function visiblePaths(page) {
  const text = await page.evaluate(() => document.body.innerText);
  const found = [];
  const all = new RegExp(PATH.source, 'g');
  for (let m = all.exec(text); m && found.length < 10; m = all.exec(text)) {
    found.push(text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' '));
  }
  return found;
}

/** Opens the app in `lang` with `viewport` and follows its header's methodology link. */
async function fromTheApp(lang, viewport) {
  const phone = viewport.width < 600;
  const opened = await openApp(site.browser, site.url, { viewport, isMobile: phone, hasTouch: phone });
  const { page } = opened;
  if (lang === 'fr') await setLang(page, 'fr');
  const link = page.locator('.masthead [data-link="methodology"]');
  assert.equal(await link.getAttribute('href'), PAGES[lang], `the ${lang} header links to ${PAGES[lang]}`);
  assert.equal(
    await page.locator('.footer [data-link="methodology"]').getAttribute('href'),
    PAGES[lang],
    'and so does the footer',
  );
  await Promise.all([page.waitForURL(`**/${PAGES[lang]}`), link.click()]);
  await page.waitForLoadState('load');
  return opened;
}

describe('methodology page', () => {
  for (const lang of ['en', 'fr']) {
    for (const viewport of VIEWPORTS) {
      test(`${lang} at ${viewport.width}×${viewport.height}: reached from the header, summary first, contents, no path, no overflow`, async () => {
        const { context, page, log } = await fromTheApp(lang, viewport);
        try {
          assert.equal(new URL(page.url()).pathname, `/${PAGES[lang]}`);
          assert.equal(await page.getAttribute('html', 'lang'), lang);
          await page.screenshot({ path: path.join(SCREENSHOT_DIR, `methodology-${lang}-${viewport.width}.png`) });

          // The summary: in the first screen (whole on a desktop; its opening on a phone).
          const summary = page.locator('main.doc > section#summary.doc-summary');
          assert.equal(await summary.count(), 1, 'one summary');
          const box = await summary.boundingBox();
          const lead = await summary.locator('p').first().boundingBox();
          assert.ok(box.y >= 0 && lead.y + lead.height <= viewport.height, `its first paragraph is in the first screen (${JSON.stringify(lead)})`);
          if (viewport.width >= 1000) {
            assert.ok(box.y + box.height <= viewport.height, `the whole summary fits the first screen (bottom ${box.y + box.height})`);
          }
          const words = (await summary.innerText()).split(/\s+/).filter(Boolean).length;
          assert.ok(words >= 120 && words <= 260, `a short summary (${words} words)`);
          assert.match(await summary.innerText(), /2030/, 'it says where 2030 lands');

          // The contents list, right after it.
          const contents = page.locator('main.doc > nav#contents.doc-contents');
          assert.equal(await contents.count(), 1, 'a contents list');
          assert.equal(
            await summary.evaluate((el) => el.nextElementSibling?.id),
            'contents',
            'the contents list follows the summary',
          );
          const entries = await contents.locator('li a').count();
          assert.ok(entries >= 10, `it lists the sections (${entries})`);

          // The way to the other language.
          const other = lang === 'en' ? PAGES.fr : PAGES.en;
          assert.ok(await page.locator(`nav.doc-nav a[href="${other}"]`).count() > 0, `a link to ${other}`);

          assert.deepEqual(await visiblePaths(page), [], 'no repository path is visible');
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `no horizontal overflow (scrollWidth ${scrollWidth} > ${innerWidth})`);
          assert.deepEqual(log.errors, [], 'no console error');
        } finally {
          await context.close();
        }
      });
    }
  }

  test('the French page: an entry per parameter, id = key, with its French label; its contents links land', async () => {
    const { context, page, log } = await openPage(site.browser);
    try {
      const english = await page.goto(`${site.url}${PAGES.en}`);
      assert.equal(english.status(), 200);
      const englishIds = new Set(await page.$$eval('[id]', (els) => els.map((el) => el.id)));
      const response = await page.goto(`${site.url}${PAGES.fr}`);
      assert.equal(response.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      const params = await cliParams();
      assert.ok(params.length > 30, `the CLI lists the parameters (${params.length})`);
      const squash = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
      for (const p of params) {
        const entry = page.locator(`[id="${p.key}"]`);
        assert.equal(await entry.count(), 1, `one element with id ${p.key}`);
        const text = squash(await entry.textContent());
        assert.ok(text.includes(p.key), `${p.key}'s entry names its key`);
        assert.ok(text.includes(squash(p.label_fr)), `${p.key}'s entry has its French label`);
        assert.match(text, /Bornes/);
        if (p.label !== p.label_fr) assert.ok(!text.includes(squash(p.label)), `${p.key}'s entry has no English label`);
      }
      // Every link of the contents list lands: on this page, or on a section of the English one.
      const frenchIds = new Set(await page.$$eval('[id]', (els) => els.map((el) => el.id)));
      const hrefs = await page.$$eval('#contents a', (els) => els.map((el) => el.getAttribute('href')));
      for (const href of hrefs) {
        const [file, id] = href.split('#');
        const ids = file === '' ? frenchIds : file === PAGES.en ? englishIds : null;
        assert.ok(ids?.has(decodeURIComponent(id)), `${href} has its target`);
      }
      assert.equal(await page.locator('script').count(), 0, 'no script on the page');
      assert.deepEqual(log.errors, [], 'no console error');
    } finally {
      await context.close();
    }
  });

  test("every other pack's page: the method, then its chapter, an entry per parameter", async () => {
    const countries = JSON.parse(await cli(['countries', '--format', 'json']));
    // The first pack is the default, whose page is methodology.html (above).
    const others = countries.slice(1);
    assert.ok(others.length > 0, 'a pack other than the default');
    const { context, page, log } = await openPage(site.browser);
    try {
      await page.goto(`${site.url}${PAGES.en}`);
      const defaultTitle = await page.locator('#country-chapter h2').first().textContent();
      for (const country of others) {
        const file = `methodology-${country.code}.html`;
        const response = await page.goto(`${site.url}${file}`);
        assert.equal(response.status(), 200, `${file} is served`);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.match(await page.title(), new RegExp(country.name), `${file}'s title names ${country.name}`);
        // The shared method first, its summary and contents on top.
        assert.equal(await page.locator('main.doc > section#summary.doc-summary').count(), 1, 'one summary');
        assert.equal(await page.locator('main.doc > nav#contents.doc-contents').count(), 1, 'one contents list');
        assert.equal(await page.locator('main.doc h1').count(), 1, 'one title');
        assert.equal(await page.locator('[id="2-demand"]').count(), 1, 'the shared method');
        // Then this pack's chapter, with its calibration table, and not the default pack's.
        const chapter = page.locator('main.doc > section#country-chapter');
        assert.equal(await chapter.count(), 1, 'its chapter');
        const title = await chapter.locator('h2').first().textContent();
        assert.notEqual(title, defaultTitle, "not the default pack's chapter");
        const calibration = chapter.locator('table:has(th:text-is("Verdict"))');
        assert.equal(await calibration.count(), 1, 'its calibration table');
        assert.ok(await calibration.locator('tbody tr').count() > 0, 'with rows');
        // An entry per parameter, id = key, with the pack's own label.
        const params = JSON.parse(await cli(['params', '--country', country.code, '--format', 'json']));
        assert.ok(params.length > 30, `the CLI lists ${country.code}'s parameters (${params.length})`);
        const squash = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
        for (const p of params) {
          const entry = page.locator(`[id="${p.key}"]`);
          assert.equal(await entry.count(), 1, `${file}: one element with id ${p.key}`);
          assert.ok(squash(await entry.textContent()).includes(squash(p.label)), `${file}: ${p.key}'s entry has its label`);
        }
        // Links between the documents land: the chapter's own anchors, and other pages.
        const ids = new Set(await page.$$eval('[id]', (els) => els.map((el) => el.id)));
        const internal = await page.$$eval('main.doc a[href^="#"]', (els) => els.map((el) => el.getAttribute('href')));
        const missing = internal.filter((href) => !ids.has(decodeURIComponent(href.slice(1))));
        assert.deepEqual(missing, [], `${file}: every link on the page has its target`);
        assert.deepEqual(await visiblePaths(page), [], `${file}: no repository path is visible`);
        assert.equal(await page.locator('script').count(), 0, 'no script on the page');
      }
      assert.deepEqual(log.errors, [], 'no console error');
    } finally {
      await context.close();
    }
  });

  test("the French app's source links point at the French page's entries", async () => {
    const { context, page } = await openApp(site.browser, site.url);
    try {
      await setLang(page, 'fr');
      const links = await page.$$eval('details.source a[href^="methodology"]', (els) => els.map((el) => el.getAttribute('href')));
      const keys = (await cliParams()).map((p) => p.key);
      assert.deepEqual(
        links.map((href) => href.replace(/#.*/, '')).filter((file) => file !== PAGES.fr),
        [],
        'every source link goes to the French page',
      );
      assert.deepEqual(links.map((href) => decodeURIComponent(href.split('#')[1])).sort(), [...keys].sort(), 'one per key');
      await page.goto(`${site.url}${PAGES.fr}`);
      const ids = new Set(await page.$$eval('[id]', (els) => els.map((el) => el.id)));
      assert.deepEqual(keys.filter((key) => !ids.has(key)), [], 'each has its entry');
    } finally {
      await context.close();
    }
  });
});
