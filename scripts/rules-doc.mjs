// Writes the generated parts of the user documentation, so that they cannot drift from their
// sources (test/unit/rules-doc.test.ts): in README.md, the rule table (from the rule
// registry), the snippets table (snippets/*.code-snippets) and the settings table (package.json
// and package.nls.json), each between its name:start / name:end markers; and the generated
// head of every docs/rules/<rule-id>.md (between the rule:start / rule:end markers; the
// hand-written rest of a page is kept; a missing page is created with headings to fill in).
//   node --import tsx scripts/rules-doc.mjs           write README.md and docs/rules/*.md
//   node --import tsx scripts/rules-doc.mjs --check   exit 1 when any of them is stale
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../server/src/rules/registry.ts';
import { readmeWithGenerated, rulePagePath, withRulePage } from '../server/src/services/rules-doc.ts';

const check = process.argv.includes('--check');
const root = new URL('../', import.meta.url);
let stale = false;
const readJson = (relative) => JSON.parse(readFileSync(new URL(relative, root), 'utf8'));

function update(relative, next, current) {
  if (next === current) return;
  if (check) {
    console.error(`${relative} is stale: run \`node --import tsx scripts/rules-doc.mjs\`.`);
    stale = true;
  } else {
    writeFileSync(new URL(relative, root), next);
    console.log(`wrote ${relative}`);
  }
}

const readme = readFileSync(new URL('README.md', root), 'utf8');
const next = readmeWithGenerated(
  readme,
  readJson('snippets/segdoc.code-snippets'),
  readJson('package.json'),
  readJson('package.nls.json'),
);
if (typeof next !== 'string') {
  console.error(`README.md has no ${next.missing}:start / ${next.missing}:end markers.`);
  process.exit(1);
}
update('README.md', next, readme);

mkdirSync(new URL('docs/rules/', root), { recursive: true });
const ids = new Set(rules.map((r) => r.id));
for (const rule of rules) {
  const relative = rulePagePath(rule.id);
  const file = new URL(relative, root);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  update(relative, withRulePage(rule, current), current);
}
for (const name of readdirSync(new URL('docs/rules/', root))) {
  if (name.endsWith('.md') && !ids.has(name.slice(0, -3))) {
    console.error(`docs/rules/${name} documents no registered rule: delete it.`);
    stale = true;
  }
}
if (stale) process.exit(1);
