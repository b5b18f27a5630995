// Bundles the extension-host mocha suite (test/editor/suite/) into one CommonJS file under
// test/editor/out/ that both launchers hand to VS Code as extensionTestsPath. Each run gets
// its own file (several people may run the tests in one checkout at once); it stays inside
// the repository so that `require('mocha')` resolves to its node_modules.
// `vscode` comes from the extension host and `mocha` from the repository's node_modules
// at run time: mocha loads its interfaces and reporters by name, which a bundle would break.
// Run on its own (`node test/editor/build.mjs`) or imported by the launchers.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { editorDir } from './lib/env.mjs';

/**
 * Builds the suite into `entry` (default: out/suite-<pid>.js) and resolves to its path.
 * Stack traces name lines of the bundle: VS Code's extension host formats them itself, so
 * Node's source-map support does not apply; the inline map serves a debugger.
 */
export async function buildSuite(entry = join(editorDir, `out/suite-${process.pid}.js`)) {
  await esbuild.build({
    entryPoints: [join(editorDir, 'suite/index.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    // The engine, bundled in for comparisons, reads `import.meta.url` in places.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return entry;
}

export function removeSuite(entry) {
  rmSync(entry, { force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`built ${await buildSuite(join(editorDir, 'out/suite.js'))}`);
}
