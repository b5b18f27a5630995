// Bundles the client, the server and the CLI into CommonJS files under dist/ with esbuild.
// remark and unified are ESM-only; bundling is what lets them run in VS Code's CommonJS
// extension host. Type checking is separate: `npm run typecheck` (tsc -b).
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build (its "main") hides its requires from esbuild; its ESM build does not.
  mainFields: ['module', 'main'],
  // Some dependencies read `import.meta.url`; in CommonJS it is derived from __filename.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // Chunks are parsed in worker threads (server/src/services/parse-pool.ts), which load this
  // file from beside dist/server.js and dist/cli.js.
  { entryPoints: ['server/src/services/parse-worker.ts'], outfile: 'dist/parse-worker.js' },
];

rmSync('dist', { recursive: true, force: true });
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  console.log('esbuild: watching client, server and CLI');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
