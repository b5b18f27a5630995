/**
 * Acceptance tests against the methodology documents (the "seeds", in ../shared/seeds beside
 * the repository, or SEGDOC_SEEDS_DIR): seed 003 whole (a real Russian segmentation
 * document), seed 004 whole (a team standard, not a segdoc document), and the templates and
 * examples inside the other seeds' ```markdown fences as documents of their kind. The
 * documents are not in the repository; without them this file skips with one line
 * (test/fixtures/methodology-documents.ts). test/fixtures/reading/ holds our own documents
 * that test the same reading in every clone.
 *
 * Each document's findings are compared with a golden file in test/fixtures/seeds/ (its
 * README names each golden's input): `line:col-line:col severity rule message`;
 * `UPDATE_GOLDEN=1` rewrites them — review the diff for sense before committing. Beside the
 * goldens, each test asserts what a marketer would expect of that document, so a golden
 * regenerated blindly cannot hide a regression.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { lint, type LintResult } from '../../server/src/services/engine';
import { SEEDS_ABSENT, seedsDir, seedsPresent } from '../fixtures/methodology-documents';

const repoRoot = path.resolve(__dirname, '..', '..');
const goldenDir = path.join(repoRoot, 'test', 'fixtures', 'seeds');
const update = process.env['UPDATE_GOLDEN'] === '1';
// "Today" for date rules, so that the goldens do not age.
const now = new Date('2026-11-23T12:00:00Z');

interface SeedDoc {
  name: string;
  description: string;
  /** The path the document is checked under (its file name can decide its kind). */
  path: string;
  text: () => string;
}

function seedFile(prefix: string): string {
  const name = readdirSync(seedsDir)
    .sort()
    .find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} not found in ${seedsDir}`);
  return path.join(seedsDir, name);
}

/** The body of the ```markdown fence whose first line is `first`. */
function fence(prefix: string, first: string): string {
  const lines = readFileSync(seedFile(prefix), 'utf8').split('\n');
  const start = lines.findIndex((l, i) => l === '```markdown' && lines[i + 1] === first);
  if (start < 0) throw new Error(`no \`\`\`markdown fence starting with "${first}" in seed ${prefix}`);
  const end = lines.indexOf('```', start + 1);
  return `${lines.slice(start + 1, end).join('\n')}\n`;
}

const docs: SeedDoc[] = [
  {
    name: '000-persona-template',
    description: 'seed 000, "Persona Template" fence, checked as a persona',
    path: 'persona-template.persona.md',
    text: () => fence('000', '# [Persona Name] - [Role]'),
  },
  {
    name: '000-alex',
    description: 'seed 000, "Example Developer Persona" (Alex) fence, checked as a persona',
    path: 'alex.persona.md',
    text: () => fence('000', '# Alex the Application Developer'),
  },
  {
    name: '000-segmentation-template',
    description: 'seed 000, "Сохранение результатов" segmentation template fence',
    path: 'customer-segmentation.md',
    text: () => fence('000', '# Customer Segmentation Analysis'),
  },
  {
    name: '001-gtm-template',
    description: 'seed 001, "Сохранение результатов" GTM template fence',
    path: 'gtm-strategy.md',
    text: () => fence('001', '# GTM Стратегия: [Название Продукта]'),
  },
  {
    name: '002-persona-template',
    description: 'seed 002, "Persona Template (Comprehensive)" fence',
    path: 'persona-comprehensive.md',
    text: () => fence('002', '# Persona: [Persona Name]'),
  },
  {
    name: '002-prioritization-template',
    description: 'seed 002, "Prioritization Template" fence',
    path: 'prioritization.md',
    text: () => fence('002', '# Segment Prioritization: [Company/Product Name]'),
  },
  {
    name: '003-segmentation',
    description: 'seed 003, the whole file (a real Russian segmentation document)',
    path: 'segmentation-003.md',
    text: () => readFileSync(seedFile('003'), 'utf8'),
  },
  {
    name: '004-team-standard',
    description: 'seed 004, the whole file (a team standard, not a segdoc document)',
    path: 'standards-004.md',
    text: () => readFileSync(seedFile('004'), 'utf8'),
  },
];

function check(doc: SeedDoc): LintResult {
  return lint(doc.text(), { path: doc.path, now });
}

function render(doc: SeedDoc, result: LintResult): string {
  const head = [
    `# ${doc.description}`,
    `# kind: ${result.detection?.kind.kind ?? 'none (not a segdoc document)'}, language: ${result.doc.language}, findings: ${result.findings.length}`,
  ];
  const rows = result.findings.map((f) => {
    const r = f.range;
    return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${f.severity} ${f.rule} ${f.message}`;
  });
  return `${[...head, ...rows].join('\n')}\n`;
}

function golden(doc: SeedDoc, result: LintResult): void {
  const file = path.join(goldenDir, `${doc.name}.golden`);
  const actual = render(doc, result);
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(
    actual,
    readFileSync(file, 'utf8'),
    `${doc.name}: findings differ from the golden file (UPDATE_GOLDEN=1 to rewrite, then review the diff)`,
  );
}

const rulesOf = (r: LintResult, rule: string) => r.findings.filter((f) => f.rule === rule);
const placeholderTexts = (r: LintResult) => rulesOf(r, 'placeholder').map((f) => r.doc.text.slice(f.span.start, f.span.end));

/** What a marketer expects of each seed document, beyond the exact golden list. */
const expectations: Record<string, (r: LintResult) => void> = {
  '000-persona-template': (r) => {
    assert.equal(r.detection?.kind.kind, 'persona');
    // The template has every required section; what is wrong with it is that it is unfilled.
    assert.deepEqual(rulesOf(r, 'required-section'), []);
    const texts = placeholderTexts(r);
    for (const p of ['[Persona Name]', '[Role]', '[Specific titles]', '[One-sentence pitch]']) assert.ok(texts.includes(p), p);
    assert.ok(!r.findings.some((f) => f.severity === 'error'), 'an unfilled template has warnings, not errors');
  },
  '000-alex': (r) => {
    assert.equal(r.detection?.kind.kind, 'persona');
    // A filled-in example persona: every required section is there, nothing is an error.
    assert.deepEqual(rulesOf(r, 'required-section'), []);
    assert.ok(!r.findings.some((f) => f.severity === 'error'));
    // The seed 002 sections it lacks are only recommended.
    assert.ok(rulesOf(r, 'recommended-section').some((f) => f.args['section'] === 'Persona Validation'));
  },
  '000-segmentation-template': (r) => {
    assert.equal(r.detection?.kind.kind, 'segmentation');
    assert.deepEqual(rulesOf(r, 'required-section'), []);
    // The unfilled date is one placeholder finding, not also an invalid-date metadata error.
    assert.ok(placeholderTexts(r).includes('YYYY-MM-DD'));
    assert.ok(placeholderTexts(r).includes('[Draft/Approved]'));
    assert.deepEqual(rulesOf(r, 'metadata'), []);
  },
  '001-gtm-template': (r) => {
    assert.equal(r.detection?.kind.kind, 'gtm');
    assert.equal(r.doc.language, 'ru');
    // All ten numbered sections, the summary and the appendices are there, in order.
    assert.deepEqual(rulesOf(r, 'required-section'), []);
    assert.deepEqual(rulesOf(r, 'section-order'), []);
    assert.ok(placeholderTexts(r).includes('[Название Продукта]'));
    assert.ok(!r.findings.some((f) => f.severity === 'error'));
  },
  '002-persona-template': (r) => {
    assert.equal(r.detection?.kind.kind, 'persona');
    const texts = placeholderTexts(r);
    for (const p of ['[Persona Name]', '[X:1]', '$[Amount]', '[High/Medium/Low]']) assert.ok(texts.includes(p), p);
  },
  '002-prioritization-template': (r) => {
    assert.equal(r.detection?.kind.kind, 'prioritization');
    // The template's arithmetic is right (34, 32, 26, 21, 17 → tiers 1, 1, 2, 2, 3; 65 + 30 + 5 = 100%):
    // only its placeholders are to be filled.
    assert.ok(!r.findings.some((f) => f.severity === 'error'), JSON.stringify(r.findings.filter((f) => f.severity === 'error')));
    assert.ok(placeholderTexts(r).includes('[Segment 1]'));
    assert.deepEqual(
      [...new Set(r.findings.map((f) => f.rule))].filter((id) => id !== 'placeholder'),
      [],
    );
  },
  '003-segmentation': (r) => {
    assert.equal(r.detection?.kind.kind, 'segmentation');
    assert.equal(r.doc.language, 'ru');
    // Seed 003 has data sources, an approach and five segments, but no metadata, personas,
    // segment strategy or ICP (the sections seed 000's save template requires).
    assert.deepEqual(
      rulesOf(r, 'required-section')
        .map((f) => f.args['section'])
        .sort(),
      ['Метаданные', 'Определение ICP', 'Персоны', 'Стратегия по сегментам'].sort(),
    );
    assert.deepEqual(rulesOf(r, 'placeholder'), []);
  },
  '004-team-standard': (r) => {
    // "Customer Segmentation Standards" is a team's methodology, not a segmentation analysis.
    assert.equal(r.detection, undefined);
    assert.deepEqual(r.findings, []);
  },
};

describe('acceptance: the methodology documents', { skip: seedsPresent ? false : SEEDS_ABSENT }, () => {
  for (const doc of docs) {
    test(`${doc.name}: ${doc.description}`, () => {
      const result = check(doc);
      expectations[doc.name]!(result);
      golden(doc, result);
    });
  }
});
