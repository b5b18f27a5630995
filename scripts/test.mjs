// `npm test`: type-check, lint, build, then every test file with node's test runner.
//   npm test                     lint (ESLint, Prettier) and all tests (editor tests skip with a note where no editor is set up)
//   npm test -- unit             only files whose path contains "unit" (any substring filter); no lint
//   npm test -- --no-lint        all tests without the lint step;  npm test -- unit --lint  a filtered run with it
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
// Lint checks the whole tree, ~40 s on two cores: a full run includes it, a filtered run
// (someone iterating on a few tests) only when asked.
const lint = args.includes('--lint') || (filters.length === 0 && !args.includes('--no-lint'));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (/\.test\.(ts|mjs)$/.test(name)) out.push(relative(root, p));
  }
  return out;
}

run('npx', ['tsc', '-b']);
// A lint failure does not stop the tests, so one run reports everything; it fails the run at the end.
let lintFailed = false;
if (lint) {
  // What `npm run lint` runs, both even when the first fails.
  for (const [cmd, ...rest] of [
    ['eslint', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'],
    ['prettier', '--check', '--cache', '--log-level=warn', '.'],
  ]) {
    if (spawnSync('npx', [cmd, ...rest], { stdio: 'inherit', cwd: root }).status !== 0) lintFailed = true;
  }
} else {
  console.log('Lint skipped (a filtered or --no-lint run): `npm run lint`, or a full `npm test`, runs ESLint and Prettier.');
}
run('node', ['scripts/build.mjs']);
const files = find(join(root, 'test'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ')}`);
  process.exit(1);
}
// The editor tests drive a real VS Code and a browser, and wait on what the editor shows:
// they run after the others, one file at a time, so that protocol and CLI tests spawning
// servers next to them do not starve the editor of the machine's two cores. Both groups run
// even when the first fails, so one run reports everything.
const isEditor = (f) => f.startsWith('test/editor/') || f.startsWith('test\\editor\\');
const groups = [
  { files: files.filter((f) => !isEditor(f)), concurrency: 2 },
  { files: files.filter(isEditor), concurrency: 1 },
];
let failed = false;
for (const g of groups) {
  if (!g.files.length) continue;
  const r = spawnSync('node', ['--import', 'tsx', '--test', `--test-concurrency=${g.concurrency}`, ...g.files], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) failed = true;
}
if (lintFailed)
  console.error('Lint failed (ESLint or Prettier, above): `npm run lint` repeats it, `npm run format` fixes the formatting.');
process.exit(failed || lintFailed ? 1 : 0);
