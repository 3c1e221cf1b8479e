// Issue 27: the published forecasts for France on the demand chart. Each is a marker at its
// year, in MW as the CLI's `outside` gives it (an energy as the average load that uses it, a
// power as the capacity it is), with who published it, its perimeter and a link to where the
// figure was read; all-data-centre figures are labelled as ceilings; a toggle hides them; an
// exported SVG keeps them; in English and in French, on a desktop and a phone.

import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openApp, quiet, cli, download, SCREENSHOT_DIR } from './support.mjs';

const site = useSite();

const VIEWPORTS = [
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
];

/** The CLI's forecasts the chart should draw: France's, 2024–2030, not grid capacity. */
let expected;
before(async () => {
  const all = JSON.parse(await cli(['outside', '--format', 'json']));
  const rows = Array.isArray(all) ? all : all.forecasts;
  expected = rows.filter((f) => f.region === 'country' && f.year >= 2024 && f.year <= 2030 && f.comparable !== 'not-demand');
  assert.ok(expected.length >= 8, `${expected.length} forecasts to draw`);
});

/** The markers on the chart: id → { mw, label, href }. */
async function markers(page) {
  return page.$$eval('#chart-demand-supply [data-series=outside] [data-outside]', (els) =>
    Object.fromEntries(els.map((el) => [el.dataset.outside, {
      mw: Number(el.dataset.mw),
      label: el.getAttribute('aria-label'),
      title: el.querySelector('title')?.textContent ?? '',
      href: el.getAttribute('href'),
    }])));
}

describe('published forecasts on the demand chart', () => {
  for (const lang of ['en', 'fr']) {
    for (const [name, viewport] of VIEWPORTS) {
      test(`${lang} ${name}: each forecast at its figure in MW, with its publisher, perimeter and link`, async () => {
        const { context, page, log } = await openApp(site.browser, site.url, { viewport, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
        try {
          await quiet(page);
          await page.waitForSelector('.app[data-sources=ready]');
          const shown = await markers(page);
          assert.deepEqual(Object.keys(shown).sort(), expected.map((f) => f.id).sort(), 'the CLI\'s forecasts, no more');
          for (const f of expected) {
            const marker = shown[f.id];
            assert.ok(Math.abs(marker.mw - f.mw) <= 1e-6 * f.mw, `${f.id}: ${marker.mw} MW, the CLI's ${f.mw}`);
            assert.equal(marker.href, f.url, `${f.id} links to where it was read`);
            assert.equal(marker.title, marker.label, `${f.id}: its title says the same`);
            assert.ok(marker.label.startsWith(f.publisher), `${f.id}: who published it: ${marker.label}`);
            assert.ok(marker.label.includes(String(f.year)), `${f.id}: the year: ${marker.label}`);
            const perimeter = lang === 'fr' ? /centres de données|colocation|IA seule/ : /data centres|colocation|AI only/;
            assert.match(marker.label, perimeter, `${f.id}: its perimeter`);
            const drawn = f.mw_kind === 'average'
              ? (lang === 'fr' ? /charge moyenne de/ : /average load of/)
              : (lang === 'fr' ? /une capacité/ : /a capacity/);
            assert.match(marker.label, drawn, `${f.id}: what the chart draws of it`);
            if (lang === 'fr') {
              assert.doesNotMatch(marker.label, /\b(data centres|drawn|average load|in 20\d\d)\b/, `${f.id}: no English: ${marker.label}`);
            }
          }
          // All-data-centre figures are ceilings for AI demand, and the legend says so.
          const legend = await page.locator('#chart-demand-supply .legend').textContent();
          assert.match(legend, lang === 'fr' ? /Prévisions publiées/ : /Published forecasts/);
          if (name === 'desktop') {
            assert.match(legend, lang === 'fr' ? /plafonds pour la demande d'IA/ : /ceilings for AI demand/);
          }
          // Every marker inside the drawing.
          const outside = await page.$$eval('#chart-demand-supply [data-outside]', (els) => {
            const svg = document.getElementById('chart-demand-supply').getBoundingClientRect();
            return els.map((el) => [el.dataset.outside, el.getBoundingClientRect()])
              .filter(([, r]) => r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 || r.bottom > svg.bottom + 0.5)
              .map(([id]) => id);
          });
          assert.deepEqual(outside, [], 'no marker outside the chart');
          await page.locator('figure[data-chart=demand-supply]').screenshot({ path: `${SCREENSHOT_DIR}/outside-${name}-${lang}.png` });

          // The toggle hides them, and brings them back.
          const toggle = page.locator('figure[data-chart=demand-supply] button[data-view=outside]');
          assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
          await toggle.click();
          assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
          assert.equal(await page.locator('#chart-demand-supply [data-outside]').count(), 0, 'hidden');
          assert.doesNotMatch(await page.locator('#chart-demand-supply .legend').textContent(), /Published forecasts|Prévisions publiées/);
          await toggle.click();
          assert.equal(await page.locator('#chart-demand-supply [data-outside]').count(), expected.length, 'shown again');
          assert.deepEqual(log.errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('an exported SVG keeps the forecasts, their sources and the legend', async () => {
    const { context, page, log } = await openApp(site.browser, site.url, { viewport: { width: 1366, height: 800 } });
    try {
      await quiet(page);
      await page.waitForSelector('.app[data-sources=ready]');
      const svg = await download(page, 'button[data-download=svg][data-chart=demand-supply]');
      for (const f of expected) {
        assert.ok(svg.text.includes(`data-outside="${f.id}"`), `${f.id} in the figure`);
        assert.ok(svg.text.includes(f.url.replaceAll('&', '&amp;')), `${f.id}'s source in the figure`);
      }
      assert.match(svg.text, /Published forecasts for all data centres: ceilings for AI demand/);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});
