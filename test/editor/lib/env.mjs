// Where the editor tests find their tools, and what they do when a tool is missing: skip
// with a message that says how to install it, or fail when SEGDOC_EDITOR_TESTS=required
// (CI sets it, so that a broken setup cannot pass as "skipped").
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';

export const root = resolve(new URL('../../..', import.meta.url).pathname);
export const editorDir = join(root, 'test/editor');
export const resultsDir = join(root, 'test-results');

export const CODE_SERVER_VERSION = '4.100.3';
export const cacheDir = process.env.SEGDOC_CACHE || join(homedir(), '.cache/segdoc');
export const codeServerBin = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules/.bin/code-server');
export const chromiumBin = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const required = process.env.SEGDOC_EDITOR_TESTS === 'required';

/**
 * Returns undefined when code-server and chromium are installed, else the reason to skip.
 * Throws instead when the editor tests are required, because a CI run that skipped them
 * would look green without having tested the editor at all.
 */
export function missingEditor() {
  const missing = [];
  if (!existsSync(join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, '.segdoc-installed')) || !existsSync(codeServerBin)) {
    missing.push(`code-server ${CODE_SERVER_VERSION} in ${cacheDir}`);
  }
  if (!chromiumBin) missing.push('chromium');
  if (missing.length === 0) return undefined;
  const reason = `${missing.join(' and ')} not installed: run \`npm run setup:editor\` to run the editor tests`;
  if (required) throw new Error(`SEGDOC_EDITOR_TESTS=required, but ${reason}`);
  return reason;
}

/** A fresh temp folder that `cleanup()` removes; kept when SEGDOC_KEEP_TEMP=1, for debugging. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `segdoc-${prefix}-`));
  return {
    dir,
    cleanup() {
      if (process.env.SEGDOC_KEEP_TEMP === '1') console.log(`# kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function ensureResultsDir(sub) {
  const dir = join(resultsDir, sub);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Newest modification time (ms) among the files under `paths`, skipping missing ones. */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) walk(join(root, p));
  return newest;
}

/** Milliseconds since `t0`, rounded, for logs and the performance report. */
export function since(t0) {
  return Math.round(performance.now() - t0);
}

/**
 * Copies the extension as the VSIX would hold it — the files .vscodeignore's allow-list
 * names — into `dest`, and returns `dest`. The extension-host suite loads this snapshot as
 * its development extension rather than the checkout itself, so a build started meanwhile
 * (`npm run build` empties dist/ first) cannot pull the bundles from under a running test.
 */
export function snapshotExtension(dest) {
  const allow = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1));
  const isAllowed = picomatch(allow, { dot: true });
  const skip = new Set(['node_modules', '.git', 'test', 'test-results', '.vscode-test', '.cache']);
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const rel = relative(root, p);
      if (skip.has(rel)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (isAllowed(rel)) {
        mkdirSync(dirname(join(dest, rel)), { recursive: true });
        copyFileSync(p, join(dest, rel));
      }
    }
  };
  walk(root);
  for (const needed of ['package.json', 'dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(dest, needed))) throw new Error(`${needed} is missing: run \`npm run build\` (npm test does)`);
  }
  return dest;
}
