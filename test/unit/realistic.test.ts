/**
 * The realistic corpus (issue 9): documents written from scratch the way B2B marketers write
 * them — numbered and emoji headings, tables for fields and lists, prose values, front
 * matter, Russian and mixed-language headings — under test/fixtures/realistic/. `good-*`
 * documents are complete and correct; `bad-*` documents carry a few realistic mistakes.
 *
 * Beside each `<name>.md` sits `<name>.expected`: the findings of ALL rules, one per line as
 * an editor shows them (the format of test/fixtures/rules, see test/unit/rules.test.ts):
 *
 *   startLine:startCol-endLine:endCol rule-id message      (1-based lines and columns)
 *
 * The expected files are the specification, written by hand from what each document means:
 * a good document expects nothing (or an info hint for content that is really absent), a bad
 * one expects exactly the mistakes planted in it. `UPDATE_GOLDEN=1` rewrites them from the
 * current output — only to review a diff, never to accept a wrong finding.
 *
 * Every document is checked the way `segdoc check test/fixtures/realistic` checks it: each
 * file is linted, the segments the files define are collected (in file name order, named by
 * file), and the documents that use them (a persona's Segment) are checked again with them as
 * the workspace (server/src/cli/run.ts).
 */
import { segmentsWorkspace } from '../../server/src/rules/workspace/model';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { lint, usesWorkspace, type Finding, type LintOptions, type LintResult } from '../../server/src/services/engine';
import { summarize } from '../../server/src/services/symbols';

const root = resolve(__dirname, '..', '..');
const corpusDir = join(root, 'test', 'fixtures', 'realistic');
// The fixed "today" of the rule fixtures: the corpus is dated close to it.
const NOW = new Date('2026-11-01T00:00:00Z');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function show(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.rule} ${f.message}`;
}

// README.md explains the corpus; it is not a segdoc document.
const names = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();

interface Checked {
  name: string;
  path: string;
  text: string;
  options: LintOptions;
  result: LintResult;
}

/** Lints the corpus as the CLI does: every file, then again with the segments they define. */
function checkCorpus(): Map<string, LintResult> {
  const checked: Checked[] = names.map((name) => {
    const path = join(corpusDir, name);
    const text = readFileSync(path, 'utf8');
    const options: LintOptions = { path: relative(root, path), now: NOW };
    return { name, path, text, options, result: lint(text, options) };
  });
  const segments = checked.flatMap(({ path, result }) =>
    (summarize(result.doc, result.detection, result.match)?.segments ?? []).map((s) => ({
      name: s.name,
      source: basename(path),
    })),
  );
  const out = new Map<string, LintResult>();
  for (const c of checked) {
    const again = segments.length > 0 && usesWorkspace(c.result);
    out.set(c.name, again ? lint(c.text, { ...c.options, workspace: { model: segmentsWorkspace(segments) } }) : c.result);
  }
  return out;
}

let corpus: Map<string, LintResult> | undefined;
function resultOf(name: string): LintResult {
  corpus ??= checkCorpus();
  return corpus.get(name)!;
}

test('the corpus has at least 16 documents, about half good and half bad, of every kind', () => {
  const good = names.filter((n) => n.startsWith('good-')).length;
  const bad = names.filter((n) => n.startsWith('bad-')).length;
  assert.equal(good + bad, names.length, 'every document is good-* or bad-*');
  assert.ok(names.length >= 16 && good >= 9 && bad >= 9 && Math.abs(good - bad) <= 2, `${good} good, ${bad} bad`);
  const kinds = names.map((n) => resultOf(n).detection?.kind.kind);
  for (const k of ['persona', 'segmentation', 'gtm', 'prioritization']) {
    assert.ok(kinds.filter((x) => x === k).length >= 4, `at least 4 ${k} documents`);
  }
  assert.ok(
    names.filter((n) => resultOf(n).doc.language === 'ru').length >= names.length / 4,
    'about a third of the corpus is in Russian',
  );
});

describe('realistic corpus', () => {
  for (const name of names) {
    const path = join(corpusDir, name);
    const expectedPath = path.replace(/\.md$/, '.expected');
    test(`${name} matches ${basename(expectedPath)}`, () => {
      const result = resultOf(name);
      assert.ok(result.detection, `${name} is detected as a segdoc document`);
      assert.deepEqual(result.ruleErrors, [], `${name}: no rule throws`);
      const actual = result.findings.map(show);
      if (UPDATE) writeFileSync(expectedPath, actual.map((l) => `${l}\n`).join(''));
      assert.ok(existsSync(expectedPath), `${expectedPath} exists`);
      const expected = readFileSync(expectedPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      assert.deepEqual(actual, expected);
    });
  }
});

test('good documents have no error and no warning; bad documents have findings', () => {
  const problems: string[] = [];
  for (const name of names) {
    const findings = resultOf(name).findings;
    if (name.startsWith('good-')) {
      for (const f of findings.filter((f) => f.severity === 'error' || f.severity === 'warning'))
        problems.push(`${name}: ${f.severity} ${show(f)}`);
    } else if (!findings.length) {
      problems.push(`${name}: no finding for the mistakes planted in it`);
    }
  }
  assert.deepEqual(problems, []);
});
