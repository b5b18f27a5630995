// UI test of the authoring help as a user meets it: code-server with the extension loaded
// from a snapshot of the checkout (as scorecard-ui.test.mjs loads it), the test workspace's
// persona opened, and the workbench driven with the keyboard and the mouse. Every step saves
// a screenshot under test-results/editor-authoring/ — to be looked at:
//   - the status bar item shows the kind and the completeness, and follows an edit;
//   - Ctrl+Space on an empty line lists the sections the persona lacks, the two missing
//     required ones first and marked "required section"; accepting one inserts its heading
//     and template, and filling in its placeholders raises the completeness;
//   - hovering a section heading shows what belongs there;
//   - code lenses stand above the segments and matrix rows of a segmentation analysis;
//   - clicking the status bar item opens the scorecard.
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
import { quickOpen as openFile, screenshotSteps } from './lib/workbench.mjs';

const skip = missingEditor();
if (skip) console.log(`authoring UI test skipped: ${skip}`);

const SEL = {
  lines: '.editor-instance .monaco-editor .view-lines',
  line: '.editor-instance .monaco-editor .view-lines .view-line',
  suggestRows: '.editor-instance .suggest-widget .monaco-list-row',
  hover: '.monaco-hover:not(.hidden)',
  lens: '.editor-instance .monaco-editor .codelens-decoration',
  status: '.statusbar-item',
};

/** Monaco renders spaces as U+00A0; tests compare plain text. */
const plain = (s) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

test(
  'authoring help in the workbench: status bar, completion, hover, code lenses, with screenshots',
  { skip, timeout: 300_000 },
  async (t) => {
    const t0 = performance.now();
    const shots = ensureResultsDir('editor-authoring');
    const tmp = tempDir('authoring-ui');
    const dirs = prepare(tmp.dir, { settings: { 'window.commandCenter': false, 'editor.hover.delay': 200 } });
    const extension = snapshotExtension(join(tmp.dir, 'segdoc'));
    const timings = {};
    let server;
    let browser;
    try {
      server = await startCodeServer(dirs);
      browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
      const { page } = browser;
      page.setDefaultTimeout(30_000);

      const step = screenshotSteps(t, page, shots, timings);
      const statusItem = (kind) => page.locator(SEL.status, { hasText: new RegExp(`${kind} · \\d+%`) }).first();
      const percent = async (kind) => Number(new RegExp(`${kind} · (\\d+)%`).exec(plain(await statusItem(kind).innerText()))[1]);
      const quickOpen = (name) => openFile(page, name);

      let before;
      await step('the status bar shows the persona kind and its completeness', async () => {
        const doc = join(dirs.workspace, 'personas/devops-dana.persona.md');
        await page.goto(workbenchUrl(server, dirs.workspace, { extensionDevelopmentPath: extension, openFile: doc }));
        await page.locator(SEL.line, { hasText: '# Persona: DevOps Dana' }).first().waitFor({ timeout: 60_000 });
        await statusItem('Buyer persona').waitFor({ timeout: 60_000 });
        timings.pageLoadToStatusMs = since(t0);
        before = await percent('Buyer persona');
        // devops-dana lacks two required sections (Information Sources, Marketing Tactics) and
        // keeps a placeholder in Demographics' Industry.
        assert.ok(before > 0 && before < 100, `persona completeness below 100 %: ${before}`);
      });

      await step('Ctrl+Space on an empty line lists the missing required sections first, marked as required', async () => {
        await page.locator(SEL.line).first().click();
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+Space');
        await page.locator(SEL.suggestRows).first().waitFor();
        // The rows in the order the widget shows them (it renders only the visible ones, each
        // placed by its offset in the list).
        const rows = await page.locator(SEL.suggestRows).evaluateAll((els) =>
          els
            .map((el) => ({ top: Number.parseFloat(el.style.top || '0'), text: el.innerText }))
            .sort((a, b) => a.top - b.top)
            .map((r) => r.text),
        );
        const texts = rows.map(plain);
        t.diagnostic(`suggestions: ${texts.join(' | ')}`);
        // The two required sections devops-dana lacks lead, each marked beside its label.
        assert.match(texts[0] ?? '', /^Information Sources\b.*required section/, texts.join(' | '));
        assert.match(texts[1] ?? '', /^Marketing Tactics\b.*required section/, texts.join(' | '));
        // Then the recommended sections, in template order.
        assert.match(texts[2] ?? '', /^Quote\b.*recommended section/, texts.join(' | '));
        assert.ok(
          texts.slice(2).every((r) => !/\brequired section/.test(r)),
          `no required section after the first two: ${texts.join(' | ')}`,
        );
        const focused = plain(await page.locator(`${SEL.suggestRows}.focused`).innerText());
        assert.match(focused, /^Information Sources/, 'the first required section is the one Enter accepts');
      });

      await step('accepting it inserts its heading and template; filled in, the completeness rises', async () => {
        await page.keyboard.press('Enter');
        await page.locator(SEL.line, { hasText: '## Information Sources' }).first().waitFor();
        // The template's first placeholder is selected as a snippet tabstop: type over each one.
        await page.locator(SEL.line, { hasText: '[Tutorials' }).first().waitFor();
        const answers = [
          'Conference talks and runbooks',
          'CNCF blog, The New Stack',
          'Kubernetes Slack, KubeCon',
          'helm upgrade failed, alert fatigue',
        ];
        for (const [i, answer] of answers.entries()) {
          await page.keyboard.type(answer);
          if (i < answers.length - 1) await page.keyboard.press('Tab');
        }
        await page.keyboard.press('Escape');
        await page.locator(SEL.line, { hasText: 'Kubernetes Slack, KubeCon' }).first().waitFor();
        // A required section is filled in: the completeness goes up.
        await page
          .locator(SEL.status, { hasText: /Buyer persona · \d+%/ })
          .filter({ hasNotText: `Buyer persona · ${before}%` })
          .first()
          .waitFor();
        const after = await percent('Buyer persona');
        t.diagnostic(`completeness ${before}% → ${after}%`);
        assert.ok(after > before, `completeness rose: ${before} → ${after}`);
      });

      await step('hovering a section heading shows what belongs there', async () => {
        await page.keyboard.press('Control+Home');
        const heading = page.locator(SEL.line, { hasText: '## Pain Points' }).first();
        await heading.waitFor();
        const box = await heading.locator('span').last().boundingBox();
        await page.mouse.move(box.x + 4, box.y + box.height / 2);
        await page.mouse.move(box.x + 12, box.y + box.height / 2);
        const hover = page.locator(SEL.hover, { hasText: 'Required section' }).first();
        await hover.waitFor();
        const text = plain(await hover.innerText());
        t.diagnostic(`hover: ${text}`);
        assert.match(text, /Pain Points · Required section/);
      });

      await step('code lenses stand above the segments and the matrix rows', async ({ screenshot }) => {
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
        await quickOpen('northwind.segmentation.md');
        await page.locator(SEL.line, { hasText: '# Customer Segmentation Analysis: Northwind Cloud' }).first().waitFor();
        await page.locator(SEL.lens, { hasText: '— 5/5' }).first().waitFor();
        const lenses = (await page.locator(SEL.lens).allInnerTexts()).map(plain).filter(Boolean);
        t.diagnostic(`lenses in view: ${lenses.join(' | ')}`);
        assert.ok(lenses.includes('Segmentation analysis · 100% complete'), lenses.join(' | '));
        assert.ok(
          lenses.some((l) => /^Measurable ✓ .* — 5\/5$/.test(l)),
          lenses.join(' | '),
        );
        await statusItem('Segmentation analysis').waitFor();
        assert.match(
          plain(await statusItem('Segmentation analysis').innerText()),
          /Segmentation analysis · 100% · 13\/15 criteria/,
        );
        await screenshot('segment-lenses');
        // The matrix rows' lenses, further down.
        await page.keyboard.press('Control+End');
        await page.locator(SEL.lens, { hasText: 'Total 34 · Tier 1' }).first().waitFor();
        await page.locator(SEL.lens, { hasText: 'Total 14 · Tier 3' }).first().waitFor();
      });

      await step('the Outline view lists the segments with their criteria', async () => {
        const outline = page.locator('.pane-header', { hasText: 'Outline' }).first();
        if ((await outline.getAttribute('aria-expanded')) !== 'true') await outline.click();
        const rows = page.locator('.outline-pane .monaco-list-row');
        // VS Code groups the outline by provider: Markdown's own, and segdoc's.
        await rows.filter({ hasText: 'Fintech Startups' }).first().waitFor();
        const texts = (await rows.allInnerTexts()).map(plain);
        t.diagnostic(`outline rows: ${texts.join(' | ')}`);
        assert.ok(texts.includes('segdoc'), texts.join(' | '));
        assert.ok(
          texts.some((r) => /^Fintech Startups ?5\/5 criteria$/.test(r)),
          texts.join(' | '),
        );
      });

      await step('clicking the status bar item opens the scorecard', async () => {
        await statusItem('Segmentation analysis').click();
        const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await view.locator('.chart-row[data-segment="Fintech Startups"]').waitFor();
      });
    } finally {
      t.diagnostic(`authoring ui timings: ${JSON.stringify(timings)}`);
      // Another run in the same checkout may have emptied test-results/ meanwhile.
      mkdirSync(shots, { recursive: true });
      writeFileSync(join(shots, 'timings.json'), JSON.stringify({ ...timings, totalMs: since(t0) }, null, 2));
      await browser?.close();
      await server?.stop();
      tmp.cleanup();
    }
  },
);
