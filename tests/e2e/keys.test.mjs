// Issue 25: plain words everywhere. No metric or parameter key, nor any other key-shaped token
// (`word_word`, `group.key`), appears in the page's visible text, in English or French, at
// 1366×800 and 390×844: with every group and fold open, with each headline figure's
// explanation open in turn, with a scenario pinned, and on the register.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openApp, quiet, cliParams, openGroups, setLang, HEADLINE_METRICS } from './support.mjs';

const site = useSite();

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1366, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

/** Tokens shaped like an identifier: snake_case, or dotted lower-case words (`facility.pue`). */
const KEY_SHAPED = /\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b|\b[a-z]+(?:\.[a-z][a-z0-9_]*){1,3}\b/g;

/**
 * Dotted words that are prose, not keys: an abbreviation, a web host named as a source
 * (`mistral.ai`, `w.media`), a file a source names (`energy.py`).
 */
const PROSE = /^(e\.g|i\.e)$|\.(ai|tech|info|media|global|uk|fr|com|org|eu|io|net|py)$/;

/** A web address: shown as the source it is, not scanned. */
const ADDRESS = /\bhttps?:\/\/\S+/g;

let keys;
before(async () => {
  const params = await cliParams();
  keys = new Set([...params.map((p) => p.key), ...HEADLINE_METRICS]);
});

/** Every visible text node's text, joined with its nearest element's description. */
async function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const el = node.parentElement;
      // `pre` holds text to copy in a format of its own (BibTeX's key, the embed's HTML).
      if (!text || !el || el.closest('script, style, template, noscript, pre')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const where = el.closest('[data-step], [data-metric], [data-param], [data-project], [data-chart], section, footer, header')
      out.push({ text, where: where ? where.outerHTML.slice(0, 80) : el.tagName });
    }
    return out;
  });
}

/** The key-shaped tokens in `texts`, each with where it was seen. */
function offenders(texts) {
  const found = [];
  for (const { text, where } of texts) {
    for (const [token] of text.replace(ADDRESS, ' ').matchAll(KEY_SHAPED)) {
      if (PROSE.test(token) && !keys.has(token)) continue;
      found.push(`${token} — in “${text.slice(0, 90)}” (${where})`);
    }
  }
  return found;
}

/** Opens every `<details>` (groups, folds, sources) as a reader would, all at once. */
async function openEverything(page) {
  await openGroups(page);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
}

async function scan(page, what) {
  const found = offenders(await visibleTexts(page));
  assert.deepEqual(found, [], `${what}: key-shaped text on screen`);
}

describe('no key-shaped text on screen', () => {
  for (const { name, viewport } of VIEWPORTS) {
    for (const lang of ['en', 'fr']) {
      test(`${name}, ${lang}: the page, every explanation, pinned`, async () => {
        const { context, page } = await openApp(site.browser, site.url, { viewport });
        try {
          if (lang === 'fr') await setLang(page, 'FR');
          await quiet(page);
          await openEverything(page);
          await scan(page, `${name} ${lang} page`);
          // Pinned, then a change, so every comparison text shows.
          await page.locator('[data-action=pin]').first().click();
          await page.locator('[data-delta]').first().waitFor({ state: 'attached' });
          await page.locator('input[type=range][data-param="facility.pue"]').fill('1.5');
          await quiet(page);
          for (const metric of HEADLINE_METRICS) {
            const open = page.locator(`[data-metric="${metric}"][data-year] [data-explain-open]`);
            if ((await open.count()) === 0) continue;
            await open.first().click();
            const panel = page.locator(`[data-explain="${metric}"]`);
            await panel.waitFor({ state: 'visible' });
            await openEverything(page);
            await scan(page, `${name} ${lang} explain ${metric}`);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
