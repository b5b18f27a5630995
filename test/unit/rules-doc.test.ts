import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/rules/registry';
import { withRulesTable } from '../../server/src/services/rules-doc';

test('README.md documents every rule, generated from the registry (run scripts/rules-doc.mjs)', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const next = withRulesTable(readme);
  assert.ok(next, 'README.md has the rules:start / rules:end markers');
  assert.equal(readme, next, 'README.md rule table is stale: run `node --import tsx scripts/rules-doc.mjs`');
  for (const r of rules) assert.ok(readme.includes(`| \`${r.id}\` |`), `${r.id} is documented`);
});
