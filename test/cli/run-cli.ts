/**
 * Running the built CLI (bin/segdoc.js → dist/cli.js) as a child process, shared by the CLI
 * test files: a neutral English environment and a fixed "today" so outputs do not age.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
const bin = path.join(repoRoot, 'bin', 'segdoc.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function segdoc(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const base: Record<string, string> = { PATH: process.env['PATH'] ?? '', SEGDOC_TODAY: '2026-11-23', LANG: 'en_US.UTF-8' };
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Builds dist/ when a test file runs alone (npm test builds before running the tests). */
export function ensureBuilt(): void {
  if (existsSync(path.join(repoRoot, 'dist', 'cli.js'))) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

/** `--format json` as a CI script reads it: the fields the tests look at. */
export interface JsonReport {
  version: number;
  files: Array<{
    path: string;
    kind: string;
    language: string;
    diagnostics: Array<{
      rule: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }>;
    scores: object;
  }>;
  summary: { files: number; errors: number; warnings: number; infos: number };
}
