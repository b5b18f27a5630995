// Writes schemas/config.schema.json (the JSON schema of .segdoc.json) from the rule registry
// and the built-in kinds, so that it never drifts from them (test/unit/config.test.ts checks).
//   node --import tsx scripts/config-schema.mjs           write the file
//   node --import tsx scripts/config-schema.mjs --check   exit 1 when the file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../server/src/services/config.ts';

const file = new URL('../schemas/config.schema.json', import.meta.url);
const text = configJsonSchemaText();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('schemas/config.schema.json is stale: run `node --import tsx scripts/config-schema.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.log('wrote schemas/config.schema.json');
}
