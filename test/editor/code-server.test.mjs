// Launcher B: the editor tests in code-server 4.100.3 (VS Code 1.100.3) driven by
// playwright-core and Debian's chromium. Two layers:
//   1. the extension-host mocha suite (test/editor/suite/), each mocha test reported here
//      as a node:test subtest;
//   2. UI tests against the VSIX installed the way a user installs it.
// Skips with a note when code-server or chromium is missing (`npm run setup:editor`),
// fails instead when SEGDOC_EDITOR_TESTS=required (CI).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingEditor } from './lib/env.mjs';
import { runSuiteInCodeServer } from './lib/exthost.mjs';
import { findVsix, runUiTests } from './lib/ui.mjs';

const skip = missingEditor();
if (skip) console.log(`# editor tests skipped: ${skip}`);

test('extension-host suite in code-server', { skip, timeout: 300_000 }, async (t) => {
  const run = await runSuiteInCodeServer({ grep: process.env.SEGDOC_EDITOR_GREP });
  t.diagnostic(`timings: ${JSON.stringify(run.timings)}; metrics: ${JSON.stringify(run.metrics)}`);
  for (const r of run.results) {
    await t.test(r.title, { skip: r.state === 'pending' ? 'skipped in the suite' : false }, () => {
      if (r.state === 'failed') throw new Error(r.error);
    });
  }
  if (run.exitCode !== 0 || run.results.length === 0) {
    assert.fail(`the extension-host suite exited with ${run.exitCode} after ${run.results.length} test(s):\n${run.log.join('\n')}`);
  }
});

const vsix = skip ? { skip } : findVsix();
if (!skip && vsix.skip) console.log(`# UI tests skipped: ${vsix.skip}`);

test('UI tests in code-server with the VSIX installed', { skip: skip ?? vsix.skip, timeout: 300_000 }, async (t) => {
  await runUiTests(t, vsix.path);
});
