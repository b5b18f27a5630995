// Writes the rule table into README.md (between the rules:start / rules:end markers) from the
// rule registry, so the documentation cannot drift from the rules (test/unit/rules-doc.test.ts).
//   node --import tsx scripts/rules-doc.mjs           write README.md
//   node --import tsx scripts/rules-doc.mjs --check   exit 1 when README.md is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../server/src/services/rules-doc.ts';

const file = new URL('../README.md', import.meta.url);
const current = readFileSync(file, 'utf8');
const next = withRulesTable(current);
if (next === undefined) {
  console.error('README.md has no rules:start / rules:end markers.');
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md rule table is stale: run `node --import tsx scripts/rules-doc.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(file, next);
  console.log('wrote the rule table into README.md');
}
