// Runs the extension-host mocha suite (bundled by ../build.mjs) in code-server: the
// workbench page is opened with extensionDevelopmentPath + extensionTestsPath in its
// payload, the extension host runs the suite, and the page reports the exit code through
// window.codeAutomationExit — the hook VS Code's own browser smoke tests use.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite, removeSuite } from '../build.mjs';
import { launchBrowser } from './browser.mjs';
import { prepare, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureResultsDir, since, snapshotExtension, tempDir } from './env.mjs';

/**
 * Reports a suite run as node:test subtests of `t`, one per mocha test, then fails `t` when
 * the run failed or ran nothing (a suite that never loaded must not look green).
 */
export async function reportSuite(t, run) {
  for (const r of run.results) {
    await t.test(r.title, { skip: r.state === 'pending' ? 'skipped in the suite' : false }, () => {
      if (r.state === 'failed') throw new Error(r.error);
    });
  }
  if (run.exitCode !== 0 || run.results.length === 0) {
    throw new Error(
      `the extension-host suite exited with ${run.exitCode} after ${run.results.length} test(s):\n${run.log.join('\n')}`,
    );
  }
}

/**
 * Resolves to { exitCode, results, metrics, log, timings }. Never throws for test failures:
 * the caller reports them; it throws only when the run could not happen at all.
 */
export async function runSuiteInCodeServer({ timeoutMs = 240_000, grep } = {}) {
  const t0 = performance.now();
  const out = ensureResultsDir('editor-exthost');
  const suite = await buildSuite();
  const tmp = tempDir('exthost');
  const dirs = prepare(tmp.dir);
  const extension = snapshotExtension(join(tmp.dir, 'segdoc'));
  const resultsFile = join(tmp.dir, 'results.json');
  const env = { SEGDOC_EDITOR_RESULTS: resultsFile, ...(grep ? { SEGDOC_EDITOR_GREP: grep } : {}) };
  const log = [];
  const timings = {};
  let server;
  let browser;
  try {
    server = await startCodeServer(dirs, { env });
    timings.codeServerListeningMs = since(t0);
    browser = await launchBrowser();
    const { page } = browser;
    page.on('console', (m) => {
      if (process.env.SEGDOC_EDITOR_DEBUG) log.push(`[page ${m.type()}] ${m.text()}`);
    });
    let exited;
    const exit = new Promise((resolve) => (exited = resolve));
    // Both must exist before the page loads: the workbench looks for them at start-up.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      log.push(text);
      if (process.env.SEGDOC_EDITOR_DEBUG) console.log(`[exthost ${type}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      exited(code);
    });
    const url = workbenchUrl(server, dirs.workspace, { extensionDevelopmentPath: extension, extensionTestsPath: suite });
    await page.goto(url);
    let timer;
    const exitCode = await Promise.race([
      exit,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the extension-host suite did not finish within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]).catch(async (e) => {
      await page.screenshot({ path: join(out, 'timeout.png') }).catch(() => {});
      throw new Error(`${e.message}\n--- extension host log ---\n${log.join('\n')}\n--- code-server log ---\n${server.log()}`);
    });
    clearTimeout(timer);
    timings.suiteFinishedMs = since(t0);
    await page.screenshot({ path: join(out, 'final.png') }).catch(() => {});
    const report = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { results: [], metrics: {} };
    // Another run in the same checkout may have emptied test-results/ meanwhile.
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'log.txt'), `${log.join('\n')}\n`);
    writeFileSync(join(out, 'results.json'), JSON.stringify({ exitCode, timings, ...report }, null, 2));
    return { exitCode, results: report.results, metrics: report.metrics, log, timings };
  } finally {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
    removeSuite(suite);
  }
}
