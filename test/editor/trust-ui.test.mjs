// UI test of Workspace Trust (issue 11): code-server with Workspace Trust on, the workspace
// opened in Restricted Mode, and segdoc in its limited mode: a team's own kind schema is not
// loaded (its .segdoc.json says why, once), the built-in kinds still work; trusting the folder
// loads the schema and the team's document is checked against it. Screenshots under
// test-results/editor-trust/ — to be looked at.
//
// Skips with a note when code-server or chromium is missing, fails instead when
// SEGDOC_EDITOR_TESTS=required (CI), like the other editor tests.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { launchBrowser } from './lib/browser.mjs';
import { prepare, startCodeServer, workbenchUrl } from './lib/code-server.mjs';
import { ensureResultsDir, missingEditor, snapshotExtension, tempDir } from './lib/env.mjs';
import { quickOpen, screenshotSteps } from './lib/workbench.mjs';
// TypeScript, loaded through tsx (scripts/test.mjs runs the editor tests with --import tsx).
import { customKindSchema } from '../fixtures/config-files.ts';

const skip = missingEditor();
if (skip) console.log(`Workspace Trust UI test skipped: ${skip}`);

const SCHEMA = customKindSchema('acme:standard', 'acme-standard', '^acme\\s+standard:');

const problems = '.markers-panel .monaco-list-row';
const plain = (s) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

test(
  'Workspace Trust: custom kinds wait for trust, built-in kinds work, trusting loads them',
  { skip, timeout: 300_000 },
  async (t) => {
    const shots = ensureResultsDir('editor-trust');
    const tmp = tempDir('trust-ui');
    const dirs = prepare(tmp.dir, {
      settings: {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'always',
        'window.commandCenter': false,
      },
    });
    mkdirSync(join(dirs.workspace, 'acme/standards'), { recursive: true });
    writeFileSync(join(dirs.workspace, 'acme/standards/acme.schema.json'), JSON.stringify(SCHEMA, null, 2));
    writeFileSync(
      join(dirs.workspace, 'acme/.segdoc.json'),
      '{\n  "kinds": { "acme": { "schema": "./standards/acme.schema.json" } }\n}\n',
    );
    writeFileSync(join(dirs.workspace, 'acme/segments.md'), '# Acme Standard: Segments\n\n## Overview\n\nWho we sell to.\n');
    const extension = snapshotExtension(join(tmp.dir, 'segdoc'));
    let server;
    let browser;
    try {
      server = await startCodeServer(dirs, { workspaceTrust: true });
      browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
      const { page } = browser;
      page.setDefaultTimeout(30_000);
      const step = screenshotSteps(t, page, shots);
      const rows = async () => (await page.locator(problems).allInnerTexts()).map(plain);

      await step('in restricted mode the team schema waits for trust and says so', async () => {
        await page.goto(
          workbenchUrl(server, dirs.workspace, {
            extensionDevelopmentPath: extension,
            openFile: join(dirs.workspace, 'acme/.segdoc.json'),
          }),
        );
        await page.locator('.tabs-container .tab.active', { hasText: '.segdoc.json' }).waitFor({ timeout: 60_000 });
        await page.keyboard.press('Control+Shift+M');
        await page.locator(problems, { hasText: /trust/i }).first().waitFor({ timeout: 60_000 });
        assert.ok(
          (await rows()).some((r) => /not loaded until you trust/i.test(r)),
          (await rows()).join('\n'),
        );
      });

      await step('built-in kinds still work in restricted mode', async () => {
        await quickOpen(page, 'devops-dana.persona.md');
        await page
          .locator(problems, { hasText: 'Missing required section "Information Sources"' })
          .first()
          .waitFor({ timeout: 60_000 });
      });

      await step('trusting the folder loads the team schema', async () => {
        await quickOpen(page, 'segments.md');
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget').waitFor();
        await page.keyboard.type('Manage Workspace Trust');
        await page
          .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Manage Workspace Trust' })
          .first()
          .click();
        await page
          .locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button', { hasText: /^Trust$/ })
          .first()
          .click();
        await page
          .locator(problems, { hasText: 'Missing required section "Segment Profiles"' })
          .first()
          .waitFor({ timeout: 60_000 });
        assert.ok(!(await rows()).some((r) => /not loaded until you trust/i.test(r)), 'the warning is gone once trusted');
      });
    } finally {
      await browser?.close().catch(() => {});
      await server?.stop();
      tmp.cleanup?.();
    }
  },
);
