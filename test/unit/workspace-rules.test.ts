/**
 * The rules that compare documents, over fixture workspaces: every folder under
 * test/fixtures/workspaces/ is one workspace (its Markdown files, subfolders included, checked
 * together as the CLI checks them), and its `expected.json` maps each file (relative to the
 * folder) to the findings of the workspace rules on it, one string per finding:
 *
 *   "line:col rule-id message  ← other/file.md:line related message"   (1-based; one `←` per related place)
 *
 * A file that is not listed has none. `UPDATE_GOLDEN=1` rewrites the files from the current
 * output (read the diff). The model itself is tested below: built, a document updated,
 * a document removed, and its indexes follow.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { lint, type Finding } from '../../server/src/services/engine';
import { workspaceFindings, workspaceRuleIds } from '../../server/src/services/workspace-rules';
import { workspaceModel, type WorkspaceDocument } from '../../server/src/rules/workspace/model';
import type { DocumentFacts } from '../../server/src/rules/workspace/facts';

const root = join(__dirname, '..', 'fixtures', 'workspaces');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const NOW = new Date('2026-11-01T00:00:00Z');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return markdownFiles(path);
      return name.endsWith('.md') ? [path] : [];
    });
}

/** The documents of a folder as the CLI holds them: by absolute path, named by their file name. */
function documentsOf(dir: string): WorkspaceDocument[] {
  return markdownFiles(dir).flatMap((path) => {
    const facts = lint(readFileSync(path, 'utf8'), { path, now: NOW }).facts;
    return facts ? [{ id: path, source: basename(path), facts }] : [];
  });
}

function show(dir: string, f: Finding): string {
  const at = `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${f.message}`;
  const related = (f.related ?? []).map((r) => `  ← ${relative(dir, r.id)}:${r.range.start.line + 1} ${r.message}`);
  return at + related.join('');
}

/** What the workspace rules say about each file of a folder. */
function findingsOf(dir: string): Record<string, string[]> {
  const docs = documentsOf(dir);
  const model = workspaceModel(docs);
  const out: Record<string, string[]> = {};
  for (const doc of docs) {
    const pass = workspaceFindings(doc.facts, { model, self: doc.id });
    assert.deepEqual(pass.ruleErrors, [], `no rule threw on ${doc.id}`);
    const lines = pass.findings.map((f) => show(dir, f)).sort();
    if (lines.length) out[relative(dir, doc.id)] = lines;
  }
  return out;
}

describe('fixture workspaces', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    test(`${name} matches expected.json`, () => {
      const actual = findingsOf(dir);
      const file = join(dir, 'expected.json');
      if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      assert.ok(existsSync(file), `${file} exists (UPDATE_GOLDEN=1 writes it)`);
      assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
      if (name.endsWith('-good')) assert.deepEqual(actual, {}, 'a good workspace has no findings');
    });
  }

  test('every rule that compares documents is shown failing in some fixture workspace', () => {
    const seen = new Set<string>();
    for (const name of readdirSync(root)) {
      const file = join(root, name, 'expected.json');
      if (!existsSync(file)) continue;
      for (const lines of Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>))
        for (const l of lines) seen.add(l.split(' ')[1]!);
    }
    for (const id of ['matrix-unknown-segment', 'gtm-unknown-segment', 'segment-unscored', 'segment-tier-conflict'])
      assert.ok(seen.has(id), `${id} fails somewhere`);
    assert.ok(workspaceRuleIds().includes('segment-without-persona'));
  });
});

describe('the workspace model', () => {
  const facts = (text: string, path: string): DocumentFacts => lint(text, { path, now: NOW }).facts!;
  const segmentation = (names: string[]): string =>
    [
      '# Customer Segmentation Analysis: Stratus',
      '',
      '## Target Segments',
      ...names.flatMap((n, i) => ['', `### Segment ${i + 1}: ${n}`, '- **Size**: 4,200 companies']),
    ].join('\n');
  const matrix = (rows: Array<[string, number]>): string =>
    [
      '# Segment Prioritization: Stratus',
      '',
      '## Prioritization Matrix',
      '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(
        ([n, score]) =>
          `| ${n} | ${score} | ${score} | ${score} | ${score} | ${score * 4} | ${score * 4 >= 30 ? 1 : score * 4 >= 20 ? 2 : 3} |`,
      ),
    ].join('\n');

  test('is built from the facts, and its indexes follow an update and a removal', () => {
    const model = workspaceModel([
      { id: '/w/s.md', source: 's.md', facts: facts(segmentation(['Cloud-Native Startups', 'Regulated FinTech']), '/w/s.md') },
      { id: '/w/p.md', source: 'p.md', facts: facts(matrix([['Cloud-Native Startups', 8]]), '/w/p.md') },
    ]);
    assert.equal(model.size, 2);
    assert.deepEqual(
      model.segments().map((s) => s.name),
      ['Cloud-Native Startups', 'Regulated FinTech'],
    );
    assert.equal(model.matrixRows().lookup('Cloud-Native Startups')[0]?.row.tier, 1);
    assert.equal(model.matrixRows().has('Regulated FinTech'), false);
    assert.ok(model.definitions().has('Regulated FinTech (EU)'), 'a parenthetical is not part of the name');

    const before = model.fingerprint();
    model.set({
      id: '/w/p.md',
      source: 'p.md',
      facts: facts(
        matrix([
          ['Cloud-Native Startups', 6],
          ['Regulated FinTech', 4],
        ]),
        '/w/p.md',
      ),
    });
    assert.notEqual(model.fingerprint(), before);
    assert.equal(model.matrixRows().lookup('Cloud-Native Startups')[0]?.row.tier, 2, 'the updated total tiers the row');
    assert.equal(model.matrixRows().lookup('Regulated FinTech')[0]?.row.total, 16);

    assert.equal(model.delete('/w/s.md'), true);
    assert.equal(model.segmentIndex().empty, true);
    assert.equal(model.definitions().has('Regulated FinTech'), false);
    assert.equal(model.delete('/w/s.md'), false);
  });

  test('knows the personas of a segment, from persona documents and Buyer Personas lists', () => {
    const persona = [
      '# Persona: Dana — DevOps Lead',
      '',
      '## Executive Summary',
      '**Segment**: Mid-Market Platform Teams',
      '**Priority**: Tier 1',
    ].join('\n');
    const listed = `${segmentation(['Cloud-Native Startups'])}\n\n## Buyer Personas\n- **Felix** (CTO) — Cloud-Native Startups: interviews in progress\n`;
    const model = workspaceModel([
      { id: '/w/dana.md', source: 'dana.md', facts: facts(persona, '/w/dana.md') },
      { id: '/w/s.md', source: 's.md', facts: facts(listed, '/w/s.md') },
    ]);
    assert.deepEqual(
      model
        .personas()
        .lookup('Mid-Market Platform Teams')
        .map((p) => p.how),
      ['persona'],
    );
    assert.deepEqual(
      model
        .personas()
        .lookup('Cloud-Native Startups')
        .map((p) => p.how),
      ['list'],
    );
    assert.equal(model.get('/w/dana.md')?.facts.tiers?.[0]?.stated.tier, 1, "a persona's Priority is a stated tier");
  });
});
