/**
 * The npm package installed as a user installs it, for the tests that run its commands
 * (package.test.ts, test/other-editors/): `npm pack` of the dist/ bundles already built,
 * then `npm install -g --offline` of the tarball into a temporary prefix. --ignore-scripts
 * keeps the `prepare` build from replacing dist/ under test files running at the same time.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, repoRoot } from './run-cli';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The environment of child processes: no npm_* variables inherited from `npm test`, this node first on PATH. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/i.test(k)) env[k] = v;
  env['PATH'] = `${path.dirname(process.execPath)}${path.delimiter}${env['PATH'] ?? ''}`;
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

/** Runs a command to its end, killed after two minutes so that nothing can hang the suite. */
export function run(cmd: string, args: string[], cwd: string, env = cleanEnv()): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
}

/** Why the package cannot be installed here (npm cannot be run), or false. */
export function npmMissing(): string | false {
  const r = run(npm, ['--version'], repoRoot);
  return r.status === 0 ? false : `npm cannot be run here (${r.error?.message ?? r.stderr.trim()})`;
}

export interface Installed {
  /** The temporary folder holding the tarball and the prefix; removed by cleanup(). */
  tmp: string;
  /** Paths in the tarball, sorted. */
  packed: string[];
  /** The folder of the installed commands (put it first on PATH to run them by name). */
  binDir: string;
  /** The installed package's folder. */
  packageDir: string;
  cleanup(): void;
}

export function installPackage(): Installed {
  ensureBuilt();
  const tmp = mkdtempSync(path.join(tmpdir(), 'segdoc-package-'));
  const r = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], repoRoot);
  assert.equal(r.status, 0, r.stderr);
  const [info] = JSON.parse(r.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const prefix = path.join(tmp, 'prefix');
  const install = run(
    npm,
    ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(tmp, info!.filename)],
    tmp,
  );
  assert.equal(install.status, 0, install.stdout + install.stderr);
  const windows = process.platform === 'win32';
  return {
    tmp,
    packed: info!.files.map((f) => f.path).sort(),
    binDir: windows ? prefix : path.join(prefix, 'bin'),
    packageDir: windows ? path.join(prefix, 'node_modules', 'segdoc') : path.join(prefix, 'lib', 'node_modules', 'segdoc'),
    cleanup: () => rmSync(tmp, { recursive: true, force: true }),
  };
}
