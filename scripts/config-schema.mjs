// Writes the JSON schema of .segdoc.json, one file per language (schemas/config.schema.json,
// schemas/config.schema.ru.json), from the rule registry and the built-in kinds, so that it
// never drifts from them (test/unit/config.test.ts checks). It is the schema the loader
// validates configs with (server/src/services/config/schema.ts), and the extension serves the
// one in the user's language to VS Code's JSON support (client/src/config-schema.ts).
//   node --import tsx scripts/config-schema.mjs           write the files
//   node --import tsx scripts/config-schema.mjs --check   exit 1 when a file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { LOCALES } from '../server/src/l10n/index.ts';
import { configJsonSchemaPath, configJsonSchemaText } from '../server/src/services/config.ts';

let stale = false;
for (const locale of LOCALES) {
  const relative = configJsonSchemaPath(locale);
  const file = new URL(`../${relative}`, import.meta.url);
  const text = configJsonSchemaText(locale);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // A missing file is stale: it differs from the text it should hold.
    }
    if (current !== text) {
      console.error(`${relative} is stale: run \`node --import tsx scripts/config-schema.mjs\`.`);
      stale = true;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${relative}`);
  }
}
if (stale) process.exit(1);
