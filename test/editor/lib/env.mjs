// Where the editor tests find their tools, and what they do when a tool is missing: skip
// with a message that says how to install it, or fail when SEGDOC_EDITOR_TESTS=required
// (CI sets it, so that a broken setup cannot pass as "skipped").
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
