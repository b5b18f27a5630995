// UI test of the scorecard: code-server with the extension loaded from a snapshot of the
// checkout (as the extension-host suite loads it), a segmentation document opened, "segdoc:
// Show Scorecard" run from the command palette, and the webview screenshotted in the light,
// dark and high-contrast themes (and dark with Russian labels) under
// test-results/editor-scorecard/ — to be looked at: the
// chart must read at a glance in each theme. What the page shows is asserted too: the
// segments' criteria, one bar per matrix row with its total and tier, the tier bands. Two
// more runs put the scorecard of an unfinished document in a 500 px panel (light in English,
// dark in Russian): nothing may overflow sideways, and the list of what is still to fill in
// is shown.
//
// Skips with a note when code-server or chromium is missing (`npm run setup:editor`), fails
// instead when SEGDOC_EDITOR_TESTS=required (CI), like the other editor tests.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from './lib/browser.mjs';
import { prepare, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { ensureResultsDir, missingEditor, since, snapshotExtension, tempDir } from './lib/env.mjs';

const skip = missingEditor();
if (skip) console.log(`scorecard UI test skipped: ${skip}`);

const EN = {
  rows: [
    'Fintech Startups 35 Tier 1',
    'Regional Banks 31 Tier 1',
    'Agencies 26 Tier 2',
    'Public Sector 21 Tier 2',
    'Hobbyists 14 (stated 15) Tier 3 (stated 2)',
  ],
  bands: ['Tier 3', 'Tier 2', 'Tier 1'],
};
const RU = {
  rows: [
    'Fintech Startups 35 Уровень 1',
    'Regional Banks 31 Уровень 1',
    'Agencies 26 Уровень 2',
    'Public Sector 21 Уровень 2',
    'Hobbyists 14 (указано 15) Уровень 3 (указано 2)',
  ],
  bands: ['Уровень 3', 'Уровень 2', 'Уровень 1'],
};

/** Each run: a theme, and the language of segdoc's labels (the longer Russian ones must fit too). */
const THEMES = [
  { name: 'light', theme: 'Default Light Modern', expect: EN },
  { name: 'dark', theme: 'Default Dark Modern', expect: EN },
  { name: 'high-contrast', theme: 'Default High Contrast', expect: EN },
  { name: 'dark-ru', theme: 'Default Dark Modern', expect: RU, settings: { 'segdoc.language': 'ru' } },
  { name: 'narrow-light', theme: 'Default Light Modern', expect: EN, narrow: true },
  { name: 'narrow-dark-ru', theme: 'Default Dark Modern', expect: RU, narrow: true, settings: { 'segdoc.language': 'ru' } },
];

/**
 * The narrow runs: a browser window whose editor area (no side bar) splits into two groups of
 * about 500 px, the document in one and the scorecard in the other.
 */
const NARROW_VIEWPORT = { width: 1048, height: 1000 };

/** A segmentation analysis with five segments, a matrix across all three tiers, and a checklist. */
const DOCUMENT = `# Customer Segmentation Analysis: Northwind Cloud

## Metadata
- **Date**: 2026-11-16
- **Author**: Maria Chen
- **Status**: Draft

## Target Segments

### Segment 1: Fintech Startups
- **Size**: 4,000 companies
- **ACV**: $24k
- **Channels**: YC and Techstars networks, fintech meetups
- **Needs**: PCI-ready infrastructure without a platform team
- **Value Proposition**: compliant clusters in a day

### Segment 2: Regional Banks
- **Size**: 1,200 companies
- **ACV**: $180k
- **Channels**: field sales, banking associations
- **Needs**: audit evidence and data residency
- **Value Proposition**: audit-ready platform with residency guarantees

### Segment 3: Agencies
- **Size**: 9,000 companies
- **ACV**: $6k
- **Channels**: partner program, marketplace listings
- **Needs**: cheap staging environments per client
- **Value Proposition**: per-client environments billed per hour

### Segment 4: Public Sector
- **Size**: 300 organisations
- **ACV**: $250k
- **Channels**: tenders
- **Needs**: certified hosting
- **Value Proposition**: certified regions

### Segment 5: Hobbyists
- **Size**: 100 users
- **ACV**: $1k
- **Needs**: a free tier for side projects
- **Value Proposition**: a generous free tier

## Buyer Personas
- **Founder Fiona** — Fintech Startups

## Segment Strategy
- Tier 1 gets a dedicated team.

## ICP Definition
- Fintech companies with 10–200 employees in the EU.

## Segment Prioritization
| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |
|---------|---------------|-----|---------------|----------------|-------|------|
| Fintech Startups | 9 | 9 | 8 | 9 | 35 | 1 |
| Regional Banks | 9 | 7 | 6 | 9 | 31 | 1 |
| Agencies | 7 | 6 | 8 | 5 | 26 | 2 |
| Public Sector | 6 | 4 | 3 | 8 | 21 | 2 |
| Hobbyists | 3 | 4 | 5 | 2 | 15 | 2 |

## Segmentation Checklist
- [x] 3-7 segments (not too few, not too many)
- [x] Each segment is measurable (can size and track)
- [ ] Each segment is substantial (>$1M potential)
- [ ] Segments are differentiable (respond differently)
`;

/** The same analysis unfinished: the Author left as the template wrote it, no ICP Definition. */
const UNFINISHED = DOCUMENT.replace('- **Author**: Maria Chen', '- **Author**: [Author Name]').replace(
  '## ICP Definition\n- Fintech companies with 10–200 employees in the EU.\n\n',
  '',
);
const MISSING = {
  en: ['Metadata — placeholder left', 'Metadata › Author — placeholder left', 'ICP Definition — not in the document'],
  ru: ['Metadata — остался плейсхолдер', 'Metadata › Author — остался плейсхолдер', 'ICP Definition — нет в документе'],
};

test('scorecard UI in light, dark and high-contrast themes, with screenshots', { skip, timeout: 600_000 }, async (t) => {
  const shots = ensureResultsDir('editor-scorecard');
  const timings = {};
  // SEGDOC_SCORECARD_RUNS=narrow-light,dark runs only those (each run starts its own editor).
  const only = process.env.SEGDOC_SCORECARD_RUNS?.split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  for (const { name, theme, expect, narrow = false, settings = {} } of THEMES.filter(
    (r) => !only?.length || only.includes(r.name),
  )) {
    await t.test(`${name} theme (${theme})`, async () => {
      const t0 = performance.now();
      const tmp = tempDir(`scorecard-${name}`);
      const dirs = prepare(tmp.dir, { settings: { 'workbench.colorTheme': theme, 'window.commandCenter': false, ...settings } });
      const doc = join(dirs.workspace, 'northwind.segmentation.md');
      writeFileSync(doc, narrow ? UNFINISHED : DOCUMENT);
      const extension = snapshotExtension(join(tmp.dir, 'segdoc'));
      let server;
      let browser;
      try {
        server = await startCodeServer(dirs);
        browser = await launchBrowser({ viewport: narrow ? NARROW_VIEWPORT : { width: 1600, height: 1000 } });
        const { page } = browser;
        page.setDefaultTimeout(60_000);
        await page.goto(workbenchUrl(server, dirs.workspace, { extensionDevelopmentPath: extension, openFile: doc }));
        await page
          .locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: '# Customer Segmentation Analysis' })
          .first()
          .waitFor();
        // The first check has run once the status bar item shows the kind.
        await page
          .locator('.statusbar-item', { hasText: /Segmentation analysis|Анализ сегментации/ })
          .first()
          .waitFor();
        // More room for the two editors side by side.
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget').waitFor();
        await page.keyboard.type('View: Close Primary Side Bar');
        await page
          .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Close Primary Side Bar' })
          .first()
          .waitFor();
        await page.keyboard.press('Enter');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget').waitFor();
        await page.keyboard.type('segdoc: Show Scorecard');
        await page
          .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Show Scorecard' })
          .first()
          .waitFor();
        await page.keyboard.press('Enter');
        // The webview's document sits in an iframe inside the webview's iframe.
        const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await view.locator('.chart-row[data-segment="Hobbyists"]').waitFor();
        await view.locator('table.criteria').waitFor();

        // What the page shows, as the user reads it.
        const rows = await view.locator('.chart-row:not(.axis-row)').allInnerTexts();
        assert.deepEqual(
          rows.map((r) => r.replace(/\s+/g, ' ').trim()),
          expect.rows,
        );
        assert.equal(await view.locator('.chart-row:not(.axis-row) rect.seg').count(), 20, 'four dimensions per bar');
        assert.equal(await view.locator('td.ok, td.no').count(), 25, 'five criteria per segment');
        assert.deepEqual(await view.locator('.band-label').allTextContents(), expect.bands);
        // Bars are drawn in proportion: the longest bar is Fintech's 35 of 40.
        const widths = await view
          .locator('.chart-row:not(.axis-row) svg.bar')
          .evaluateAll((svgs) =>
            svgs.map(
              (svg) =>
                [...svg.querySelectorAll('rect.seg')].reduce((n, r) => n + r.getBoundingClientRect().width, 0) /
                svg.getBoundingClientRect().width,
            ),
          );
        assert.ok(Math.abs(widths[0] - 35 / 40) < 0.02, `Fintech's bar covers 35/40 of the axis: ${widths[0]}`);
        assert.ok(Math.abs(widths[4] - 14 / 40) < 0.02, `Hobbyists' bar covers 14/40 of the axis: ${widths[4]}`);
        // Theme colours reach the page: the text is not the browser's default black on white.
        const colors = await view
          .locator('body')
          .evaluate((b) => ({ fg: getComputedStyle(b).color, bg: getComputedStyle(b).backgroundColor }));
        t.diagnostic(`${name}: body ${colors.fg} on ${colors.bg}`);
        assert.notEqual(colors.fg, colors.bg);

        if (narrow) {
          const ru = expect === RU;
          // The panel is about 500 px wide: the narrow layout applies.
          const width = await view.locator('body').evaluate(() => document.documentElement.clientWidth);
          t.diagnostic(`${name}: the scorecard is ${width} px wide`);
          assert.ok(width >= 440 && width <= 560, `a panel of about 500 px: ${width}`);
          // Nothing overflows sideways: the page does not scroll, and no element reaches past its right edge.
          const overflow = await view.locator('body').evaluate(() => {
            const root = document.documentElement;
            const limit = root.clientWidth + 1;
            const wide = [...document.querySelectorAll('main *')]
              // Past the panel's right edge, or a box that scrolls sideways (clipping on purpose, as
              // the screen-reader texts and the ellipsis of a long name do, is not scrolling).
              .filter(
                (el) =>
                  el.getBoundingClientRect().right > limit ||
                  (el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)),
              )
              .map(
                (el) =>
                  `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} ${Math.round(el.getBoundingClientRect().right)}`,
              );
            return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
          });
          assert.ok(
            overflow.scrollWidth <= overflow.clientWidth,
            `no horizontal scrolling: ${overflow.scrollWidth} > ${overflow.clientWidth}`,
          );
          assert.deepEqual(overflow.wide, [], 'no element overflows the panel');
          // The criteria stack into one card per segment: every mark labelled, each card as wide as the panel at most.
          const headerShown = await view.locator('table.criteria thead').isVisible();
          assert.equal(headerShown, false, 'the column headers give way to labels beside each mark');
          // What is still to fill in is listed, each with why.
          const missing = (await view.locator('.missing-item').allInnerTexts()).map((m) => m.replace(/\s+/g, ' ').trim());
          assert.deepEqual(missing, ru ? MISSING.ru : MISSING.en);
          assert.match(await view.locator('.completeness .big').innerText(), /^\d+%$/);
          // The chart further down, in the same panel.
          await view.locator('.chart-row[data-segment="Hobbyists"]').scrollIntoViewIfNeeded();
          await page.locator('iframe.webview.ready').screenshot({ path: join(shots, `${name}-scorecard-matrix.png`) });
          await view.locator('header').scrollIntoViewIfNeeded();
        }

        await page.screenshot({ path: join(shots, `${name}-workbench.png`) });
        await page.locator('iframe.webview.ready').screenshot({ path: join(shots, `${name}-scorecard.png`) });
        timings[name] = since(t0);
      } catch (e) {
        await browser?.page.screenshot({ path: join(shots, `${name}-failed.png`) }).catch(() => {});
        throw e;
      } finally {
        await browser?.close();
        await server?.stop();
        tmp.cleanup();
      }
    });
  }
  // Another run in the same checkout may have emptied test-results/ meanwhile.
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, 'timings.json'), JSON.stringify(timings, null, 2));
});
