// Measures segdoc's start-up in code-server for docs/performance.md ("Editor" section):
//   node test/editor/measure.mjs [runs=5]
// Needs `npm run setup:editor`, `npm run build` and `npm run package` first. Prints a
// Markdown table of medians and ranges over the runs.
import { missingEditor } from './lib/env.mjs';
import { runSuiteInCodeServer } from './lib/exthost.mjs';
import { findVsix, measureColdStart } from './lib/ui.mjs';

const runs = Number(process.argv[2] ?? 5);
const skip = missingEditor();
if (skip) throw new Error(skip);
const vsix = findVsix();
if (vsix.problem) throw new Error(vsix.problem);

const samples = {};
const add = (k, v) => (samples[k] ??= []).push(v);
for (let i = 0; i < runs; i++) {
  // The activation tests run first in a fresh extension host, so they see a cold start.
  const run = await runSuiteInCodeServer({ grep: '^activation ' });
  if (run.exitCode !== 0) throw new Error(`activation tests failed:\n${run.log.join('\n')}`);
  for (const [k, v] of Object.entries(run.metrics)) add(k, v);
  for (const [k, v] of Object.entries(await measureColdStart(vsix.path))) add(k, v);
  console.error(
    `run ${i + 1}/${runs}: ${JSON.stringify(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.at(-1)])))}`,
  );
}

const label = {
  activateReturnedMs: 'activate() returns',
  activateToReadyMs: 'activate() → ready (client running, server initialized)',
  activateToFirstDiagnosticsMs: 'activate() → first diagnostics of an opened persona',
  pageLoadToFirstSquiggleMs: 'workbench page load → first error squiggle (VSIX installed)',
  pageLoadToTextMs: 'workbench page load → the persona’s text on screen (VS Code alone)',
  textToFirstSquiggleMs: 'text on screen → first error squiggle (segdoc activating, starting, checking)',
  spawnToFirstSquiggleMs: 'code-server spawned → first error squiggle (whole cold start)',
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`| measure (${runs} runs) | median | min – max |`);
console.log('| --- | ---: | ---: |');
for (const [k, xs] of Object.entries(samples)) {
  console.log(`| ${label[k] ?? k} | ${median(xs)} ms | ${Math.min(...xs)} – ${Math.max(...xs)} ms |`);
}
