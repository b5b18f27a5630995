// Launcher A: the same extension-host mocha suite in desktop VS Code, through
// @vscode/test-electron, which downloads VS Code from Microsoft's update server (cached in
// .vscode-test/). Where that server cannot be reached — as on the machines this project is
// built on — the test says so and skips; code-server.test.mjs runs the suite there instead.
//
//   SEGDOC_VSCODE_EXECUTABLE=/path/to/code   use an installed VS Code, no download
//   SEGDOC_VSCODE_VERSION=1.100.3           which version to download (default: stable)
//   SEGDOC_ELECTRON_TESTS=required          fail instead of skipping (a CI that can download)
// On Linux without a display, run it under xvfb: `xvfb-run -a npm test -- electron`.
import { lookup } from 'node:dns/promises';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTests } from '@vscode/test-electron';
import { buildSuite, removeSuite } from './build.mjs';
import { prepare } from './lib/code-server.mjs';
import { ensureResultsDir, root, since, snapshotExtension, tempDir } from './lib/env.mjs';
import { reportSuite } from './lib/exthost.mjs';

const UPDATE_HOST = 'update.code.visualstudio.com';
const cacheDir = join(root, '.vscode-test');

/**
 * Undefined when VS Code is at hand or can be downloaded, else why not. Decided by a DNS
 * lookup bounded at 3 s: on a closed network it fails at once (ENOTFOUND), and a download
 * that cannot resolve its host would only fail later, after long network timeouts.
 */
async function cannotRun() {
  if (process.env.SEGDOC_VSCODE_EXECUTABLE) {
    return existsSync(process.env.SEGDOC_VSCODE_EXECUTABLE)
      ? undefined
      : `SEGDOC_VSCODE_EXECUTABLE=${process.env.SEGDOC_VSCODE_EXECUTABLE} does not exist`;
  }
  // A VS Code downloaded earlier is reused by test-electron without going online for it
  // when a version is pinned; "stable" needs the update server to name the version.
  if (
    process.env.SEGDOC_VSCODE_VERSION &&
    existsSync(cacheDir) &&
    readdirSync(cacheDir).some((d) => d.includes(process.env.SEGDOC_VSCODE_VERSION))
  )
    return undefined;
  let timer;
  try {
    await Promise.race([
      lookup(UPDATE_HOST),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('no answer within 3 s'), { code: 'ETIMEDOUT' })), 3000);
      }),
    ]);
    return undefined;
  } catch (e) {
    return `VS Code cannot be downloaded here (${UPDATE_HOST}: ${e.code ?? e.message}); code-server.test.mjs runs the same suite in code-server`;
  } finally {
    clearTimeout(timer);
  }
}

const reason = await cannotRun();
if (reason && process.env.SEGDOC_ELECTRON_TESTS === 'required') throw new Error(`SEGDOC_ELECTRON_TESTS=required, but ${reason}`);
if (reason) console.log(`desktop VS Code tests skipped: ${reason}`);

test('extension-host suite in desktop VS Code (@vscode/test-electron)', { skip: reason, timeout: 600_000 }, async (t) => {
  const t0 = performance.now();
  const out = ensureResultsDir('editor-electron');
  const suite = await buildSuite();
  const tmp = tempDir('electron');
  // The same user settings and workspace copy as in code-server; VS Code's own profile
  // folders live in the temp folder too, so nothing of the developer's VS Code is touched.
  const dirs = prepare(tmp.dir);
  const extension = snapshotExtension(join(tmp.dir, 'segdoc'));
  const resultsFile = join(tmp.dir, 'results.json');
  let exitCode;
  try {
    exitCode = await runTests({
      ...(process.env.SEGDOC_VSCODE_EXECUTABLE
        ? { vscodeExecutablePath: process.env.SEGDOC_VSCODE_EXECUTABLE }
        : { version: process.env.SEGDOC_VSCODE_VERSION ?? 'stable', cachePath: cacheDir }),
      extensionDevelopmentPath: extension,
      extensionTestsPath: suite,
      extensionTestsEnv: {
        SEGDOC_EDITOR_RESULTS: resultsFile,
        ...(process.env.SEGDOC_EDITOR_GREP ? { SEGDOC_EDITOR_GREP: process.env.SEGDOC_EDITOR_GREP } : {}),
      },
      launchArgs: [
        dirs.workspace,
        `--user-data-dir=${dirs.userData}`,
        `--extensions-dir=${dirs.extensions}`,
        '--disable-telemetry',
        '--disable-gpu',
      ],
    });
  } catch (e) {
    // TestRunFailedError: VS Code exited non-zero (a failing test, or a crash); the results
    // file, when written, says which.
    exitCode = e.code ?? 1;
    t.diagnostic(`VS Code: ${e.message}`);
  }
  try {
    const report = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { results: [], metrics: {} };
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'results.json'), JSON.stringify({ exitCode, totalMs: since(t0), ...report }, null, 2));
    t.diagnostic(`metrics: ${JSON.stringify(report.metrics)}`);
    await reportSuite(t, { exitCode, results: report.results, log: ['(VS Code output is above)'] });
  } finally {
    tmp.cleanup();
    removeSuite(suite);
  }
});
