// Runs every generator, in the order their inputs need (snippets before the README tables
// that list them):
//   npm run generate              write every generated file
//   npm run generate -- --check   exit 1 when any generated file is stale (CI: test/unit/generate.test.ts)
//
//   scripts/gen-snippets.ts    snippets/segdoc.code-snippets        from the kind schemas
//   scripts/config-schema.mjs  schemas/config.schema{,.ru}.json     from the rule registry and the kinds
//   scripts/rules-doc.mjs      README.md tables, docs/rules/*.md    from the registry, snippets and settings
//   scripts/l10n.ts            l10n/bundle.l10n.json                from the message catalogues
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const generators = ['scripts/gen-snippets.ts', 'scripts/config-schema.mjs', 'scripts/rules-doc.mjs', 'scripts/l10n.ts'];

const stale = [];
for (const script of generators) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...(check ? ['--check'] : [])], {
    cwd: root,
    encoding: 'utf8',
  });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) stale.push(script);
}
if (stale.length) {
  console.error(
    check
      ? `Stale generated files: run \`npm run generate\` (${stale.join(', ')} reported them).`
      : `Failed: ${stale.join(', ')}`,
  );
  process.exit(1);
}
if (check) console.log('Every generated file is current.');
