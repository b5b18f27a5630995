/**
 * The rule documentation is generated from the rule registry (scripts/rules-doc.mjs): the
 * README rule table and the head of every docs/rules/<rule-id>.md. The hand-written rest of a
 * page has a failing and a passing example; both are linted here, so an example that stops
 * showing what its page says fails the build instead of misleading a reader.
 */
import { workspaceModel } from '../../server/src/rules/workspace/model';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { rules } from '../../server/src/rules/registry';
import type { Rule } from '../../server/src/rules/types';
import { loadConfigFile } from '../../server/src/services/config';
import { lint } from '../../server/src/services/engine';
import {
  pageExample,
  readmeWithGenerated,
  rulePagePath,
  ruleDocUrl,
  snippetsTable,
  withGenerated,
  withRulePage,
  type PageExample,
} from '../../server/src/services/rules-doc';

const root = join(__dirname, '..', '..');

/** "Today" for the examples, as the pages say (stale-document's examples depend on it). */
const EXAMPLES_TODAY = new Date('2026-06-01T00:00:00Z');
/**
 * The workspace of the examples, as the pages of the rules that compare documents say: a
 * segmentation defining three segments, a prioritization matrix scoring them (Tier 1, Tier 1,
 * Tier 3) and a persona of the first.
 */
const EXAMPLES_DOCUMENTS: Record<string, string> = {
  'docs/rules/workspace/segments.md': [
    '# Customer Segmentation Analysis: Stratus',
    '',
    '## Target Segments',
    '',
    '### Segment 1: Mid-Market DevOps Teams',
    '- **Size**: 4,200 companies',
    '',
    '### Segment 2: Cloud-Native Startups',
    '- **Size**: 9,500 companies',
    '',
    '### Segment 3: Regulated FinTech',
    '- **Size**: 1,300 companies',
    '',
  ].join('\n'),
  'docs/rules/workspace/matrix.md': [
    '# Segment Prioritization: Stratus',
    '',
    '## Prioritization Matrix',
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
    '|---------|---------------|-----|---------------|----------------|-------|------|',
    '| Mid-Market DevOps Teams | 9 | 8 | 9 | 8 | 34 | 1 |',
    '| Cloud-Native Startups | 8 | 8 | 8 | 8 | 32 | 1 |',
    '| Regulated FinTech | 5 | 4 | 3 | 5 | 17 | 3 |',
    '',
  ].join('\n'),
  'docs/rules/workspace/dana.persona.md': [
    '# Persona: Dana — DevOps Lead',
    '',
    '## Executive Summary',
    '**Segment**: Mid-Market DevOps Teams',
    '**Priority**: Tier 1',
    '',
  ].join('\n'),
};
const EXAMPLES_WORKSPACE = {
  model: workspaceModel(
    Object.entries(EXAMPLES_DOCUMENTS).map(([path, text]) => ({
      id: path,
      source: basename(path),
      facts: lint(text, { path }).facts!,
    })),
  ),
};

/** The findings of one rule for a page's example: a Markdown document or a .segdoc.json. */
function findingsOf(rule: Rule<object>, example: PageExample): string[] {
  if (example.lang === 'jsonc' || example.lang === 'json') {
    const loaded = loadConfigFile(join(root, 'docs', 'rules', '.segdoc.json'), { text: example.text });
    return loaded.diagnostics.filter((d) => d.rule === rule.id).map((d) => d.message);
  }
  assert.equal(example.lang, 'markdown', 'examples are ```markdown (or ```jsonc for .segdoc.json)');
  const result = lint(example.text, { path: 'docs/rules/example.md', now: EXAMPLES_TODAY, workspace: EXAMPLES_WORKSPACE });
  assert.equal(result.ruleErrors.length, 0, `no rule threw: ${JSON.stringify(result.ruleErrors)}`);
  return result.findings.filter((f) => f.rule === rule.id).map((f) => `${f.range.start.line + 1}: ${f.message}`);
}

const readJson = (path: string): never => JSON.parse(readFileSync(join(root, path), 'utf8')) as never;

test('README.md documents every rule, snippet and setting, generated from their sources (run scripts/rules-doc.mjs)', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const next = readmeWithGenerated(
    readme,
    readJson('snippets/segdoc.code-snippets'),
    readJson('package.json'),
    readJson('package.nls.json'),
  );
  assert.equal(typeof next, 'string', `README.md has the markers of every generated block: ${JSON.stringify(next)}`);
  assert.equal(readme, next, 'README.md is stale: run `node --import tsx scripts/rules-doc.mjs`');
  for (const r of rules)
    assert.ok(readme.includes(`| [\`${r.id}\`](docs/rules/${r.id}.md) |`), `${r.id} is in the table, linked to its page`);
  const snippets = readJson('snippets/segdoc.code-snippets') as Record<string, { prefix: string }>;
  for (const { prefix } of Object.values(snippets))
    assert.ok(readme.includes(`\`${prefix}\``), `the snippet ${prefix} is in the table`);
  assert.ok(readme.includes('| `segdoc.language` | `"auto"` | `auto`, `en`, `ru` |'), 'the settings table');
});

test('a generated block is rewritten between its markers only', () => {
  const text = [
    'intro',
    '<!-- snippets:start (generated by scripts/rules-doc.mjs; do not edit) -->',
    'old',
    '<!-- snippets:end -->',
    'outro',
  ].join('\n');
  const table = snippetsTable({
    'segdoc: Buyer persona': { prefix: 'persona', description: 'A persona.' },
    'segdoc: Персона': { prefix: 'persona-ru', description: 'Персона.' },
  });
  assert.equal(
    withGenerated(text, 'snippets', table),
    [
      'intro',
      '<!-- snippets:start (generated by scripts/rules-doc.mjs; do not edit) -->',
      '| prefix | in Russian | inserts |',
      '| --- | --- | --- |',
      '| `persona` | `persona-ru` | **Buyer persona**: A persona. |',
      '<!-- snippets:end -->',
      'outro',
    ].join('\n'),
  );
  assert.equal(withGenerated('no markers', 'snippets', table), undefined);
});

test('a rule page keeps what is written below its generated head', () => {
  const rule = rules.find((r) => r.id === 'segment-count')!;
  const page = withRulePage(
    rule,
    `${withRulePage(rule).split('<!-- rule:end -->')[0]}<!-- rule:end -->\n\n## Why\n\nHand-written.\n`,
  );
  const stale = page.replace('Default severity: **warning**', 'Default severity: **error**');
  assert.equal(withRulePage(rule, stale), page);
  assert.ok(page.endsWith('## Why\n\nHand-written.\n'));
});

test('every page under docs/rules/ documents a registered rule', () => {
  const ids = new Set(rules.map((r) => r.id));
  const pages = readdirSync(join(root, 'docs', 'rules')).filter((n) => n.endsWith('.md'));
  assert.deepEqual(
    pages.filter((n) => !ids.has(n.slice(0, -3))),
    [],
  );
});

test('rule links point at the page in the repository', () => {
  assert.equal(ruleDocUrl('segment-measurable'), 'https://github.com/segdoc/segdoc/blob/main/docs/rules/segment-measurable.md');
});

describe('rule pages', () => {
  for (const rule of rules) {
    const path = join(root, rulePagePath(rule.id));
    describe(rule.id, () => {
      test('has a page whose generated head is current (run scripts/rules-doc.mjs)', () => {
        assert.ok(existsSync(path), `${rulePagePath(rule.id)} exists`);
        const page = readFileSync(path, 'utf8');
        assert.equal(page, withRulePage(rule, page), `${rulePagePath(rule.id)} is stale`);
        assert.doesNotMatch(page, /\bTODO\b/, 'the page is written');
        assert.match(page, /^## Why$/m);
      });

      test('its failing example gets a finding of the rule', () => {
        const page = readFileSync(path, 'utf8');
        const example = pageExample(page, 'Failing example');
        assert.ok(example, 'the page has a failing example');
        assert.notDeepEqual(findingsOf(rule, example), [], 'the failing example gets a finding of the rule');
      });

      test('its passing example gets none', () => {
        const page = readFileSync(path, 'utf8');
        const example = pageExample(page, 'Passing example');
        assert.ok(example, 'the page has a passing example');
        assert.deepEqual(findingsOf(rule, example), [], 'the passing example gets no finding of the rule');
      });
    });
  }
});
