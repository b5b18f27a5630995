// Bundles the extension-host mocha suite (test/editor/suite/) into one CommonJS file,
// test/editor/out/suite.js, that both launchers hand to VS Code as extensionTestsPath.
// `vscode` comes from the extension host and `mocha` from the repository's node_modules
// at run time: mocha loads its interfaces and reporters by name, which a bundle would break.
// Run on its own (`node test/editor/build.mjs`) or imported by the launchers.
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { editorDir } from './lib/env.mjs';

export const suiteEntry = join(editorDir, 'out/suite.js');

export async function buildSuite() {
  await esbuild.build({
    entryPoints: [join(editorDir, 'suite/index.ts')],
    outfile: suiteEntry,
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
  return suiteEntry;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildSuite();
  console.log(`built ${suiteEntry}`);
}
