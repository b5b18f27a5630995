// `npm run package`: packs the VSIX with vsce, which first runs `vscode:prepublish` (the
// production build).
// What goes into the VSIX is decided by .vscodeignore (an allow-list). Arguments are passed
// on to `vsce package`, e.g. `npm run package -- --out /tmp/segdoc.vsix`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

function run(args) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// vsce runs the `vscode:prepublish` script first (the production build), so a plain
// `npx @vscode/vsce package` makes the same VSIX as this script.
// --no-dependencies: the bundles hold every runtime dependency, so node_modules stays out.
run([vsce, 'package', '--no-dependencies', ...process.argv.slice(2)]);
