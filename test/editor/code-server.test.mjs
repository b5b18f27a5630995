// Launcher B: the editor tests in code-server 4.100.3 (VS Code 1.100.3) driven by
// playwright-core and Debian's chromium. Two layers:
//   1. the extension-host mocha suite (test/editor/suite/), each mocha test reported here
//      as a node:test subtest;
//   2. UI tests against the VSIX installed the way a user installs it.
// Skips with a note when code-server or chromium is missing (`npm run setup:editor`),
// fails instead when SEGDOC_EDITOR_TESTS=required (CI).
import { test } from 'node:test';
import { missingEditor, required } from './lib/env.mjs';
import { reportSuite, runSuiteInCodeServer } from './lib/exthost.mjs';
import { findVsix, runUiTests } from './lib/ui.mjs';

const skip = missingEditor();
if (skip) console.log(`editor tests skipped: ${skip}`);

test('extension-host suite in code-server', { skip, timeout: 300_000 }, async (t) => {
  const run = await runSuiteInCodeServer({ grep: process.env.SEGDOC_EDITOR_GREP });
  t.diagnostic(`timings: ${JSON.stringify(run.timings)}; metrics: ${JSON.stringify(run.metrics)}`);
  await reportSuite(t, run);
});

const vsix = findVsix();
const uiSkip = skip ?? (vsix.problem && !required ? vsix.problem : undefined);
if (!skip && uiSkip) console.log(`UI tests skipped: ${uiSkip}`);

test('UI tests in code-server with the VSIX installed', { skip: uiSkip, timeout: 300_000 }, async (t) => {
  if (vsix.problem) throw new Error(`SEGDOC_EDITOR_TESTS=required, but ${vsix.problem}`);
  await runUiTests(t, vsix.path);
});
