/**
 * Every diagnostic links to its rule's page (`codeDescription.href`), and the page is in the
 * repository: the documents opened are the failing examples of every rule page, so nearly
 * every rule reports something and a rule without a page cannot go unnoticed.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/rules/registry';
import { pageExample, repositoryUrl, rulePagePath } from '../../server/src/services/rules-doc';
import { LIMIT, root, startInFolder } from './client';

test('every published diagnostic has a codeDescription.href to a rule page that exists', LIMIT, async (t) => {
  const { client, uri } = await startInFolder(t, { settings: { debounceMs: 0 } });
  const prefix = `${repositoryUrl()}/blob/main/`;
  const seen = new Set<string>();
  let count = 0;
  for (const rule of rules) {
    const example = pageExample(readFileSync(join(root, rulePagePath(rule.id)), 'utf8'), 'Failing example');
    if (!example || example.lang !== 'markdown') continue;
    const doc = uri(`${rule.id}-example.md`);
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, example.text);
    for (const d of (await published).diagnostics) {
      count++;
      seen.add(String(d.code));
      const href = d.codeDescription?.href;
      assert.ok(href, `${String(d.code)}: "${d.message}" has a codeDescription`);
      assert.ok(href.startsWith(prefix), `${href} is in the repository`);
      assert.equal(href, `${prefix}${rulePagePath(String(d.code))}`, `${String(d.code)} links to its own page`);
      assert.ok(existsSync(join(root, href.slice(prefix.length))), `${href.slice(prefix.length)} exists`);
    }
  }
  // The documents have many problems, of most rules: the loop above did check something.
  assert.ok(count > 100, `${count} diagnostics`);
  assert.ok(seen.size >= 30, `diagnostics of ${seen.size} rules: ${[...seen].join(', ')}`);
});
