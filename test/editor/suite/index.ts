/**
 * Entry point of the extension-host suite: VS Code loads this module (bundled to
 * test/editor/out/suite.js) as extensionTestsPath and awaits run(). The same file serves
 * desktop VS Code (@vscode/test-electron) and code-server.
 *
 * Results go two ways: lines on the console, which both editors forward to the launcher,
 * and — when SEGDOC_EDITOR_RESULTS names a file — JSON that the launcher turns into one
 * node:test subtest per mocha test. The variable reaches the extension host through the
 * environment of the editor process.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { metrics } from './helpers';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

/** A small mocha reporter: one console line per test, and the JSON results file. */
class SegdocReporter {
  constructor(runner: Mocha.Runner) {
    const results: TestResult[] = [];
    const started = Date.now();
    const title = (t: Mocha.Test): string => t.fullTitle();
    runner.on('pass', (t) => {
      results.push({ title: title(t), state: 'passed', durationMs: t.duration ?? 0 });
      console.log(`  ✔ ${title(t)} (${t.duration ?? 0} ms)`);
    });
    runner.on('pending', (t) => {
      results.push({ title: title(t), state: 'pending', durationMs: 0 });
      console.log(`  - ${title(t)} (skipped)`);
    });
    runner.on('fail', (t, err: Error) => {
      const error = err?.stack ?? String(err);
      results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error });
      console.log(`  ✘ ${t.fullTitle()}\n${error.replace(/^/gm, '      ')}`);
    });
    runner.once('end', () => {
      const failed = results.filter((r) => r.state === 'failed').length;
      const passed = results.filter((r) => r.state === 'passed').length;
      console.log(
        `segdoc editor suite: ${passed} passed, ${failed} failed, ${results.length - passed - failed} skipped in ${Date.now() - started} ms`,
      );
      if (Object.keys(metrics).length) console.log(`segdoc editor metrics: ${JSON.stringify(metrics)}`);
      const file = process.env['SEGDOC_EDITOR_RESULTS'];
      if (file) writeFileSync(file, JSON.stringify({ results, metrics }, null, 2));
    });
  }
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // Generous per-test bound: the first test includes the server's cold start on a busy
    // 2-core machine. Waits inside tests are on events; this only turns a hang into a failure.
    timeout: 60_000,
    color: false,
    reporter: SegdocReporter as unknown as typeof Mocha.reporters.Base,
  });
  const grep = process.env['SEGDOC_EDITOR_GREP'];
  if (grep) mocha.grep(grep);
  // The specs are bundled into this file, so mocha's file loading is not used: publish the
  // tdd globals (suite, test, setup, …) first, then evaluate the specs, which register their
  // tests as they load. Activation runs first because it measures the cold start.
  mocha.suite.emit('pre-require', globalThis, 'segdoc-editor-suite', mocha);
  await import('./activation.spec');
  await import('./diagnostics.spec');
  await import('./quickfix.spec');
  await import('./settings.spec');
  await import('./snippets.spec');
  await import('./authoring.spec');
  await import('./workflow.spec');
  await import('./natural.spec');
  await import('./server.spec');
  // Last: Check Workspace publishes diagnostics for every segdoc file of the workspace.
  await import('./commands.spec');
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
