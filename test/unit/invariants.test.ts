/**
 * Invariants over every rule and every document we have (EXAMPLES.md §4): all Markdown under
 * test/fixtures/ and examples/. For each finding:
 *   - its rule id is registered;
 *   - its span and its LSP range lie inside the document and agree with each other;
 *   - it is not put at the very start of the document when the document has a title to point at;
 *   - its message exists in English and Russian, with every {param} filled, and the two differ
 *     (so nothing falls back to English, and nothing is identified by message text);
 *   - every fix has a title in both languages, edits inside the document that do not overlap,
 *     and, applied, makes the finding go away.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { LineIndex, Position } from '../../server/src/parse/text';
import { ruleById } from '../../server/src/rules/registry';
import { lint, type Finding } from '../../server/src/services/engine';
import { applyFix } from '../fixtures/fixes';

const root = resolve(__dirname, '..', '..');
const NOW = new Date('2026-11-01T00:00:00Z');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function assertInside(lines: LineIndex, p: Position, what: string): void {
  assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} is inside the document`);
  const length = lines.lineEnd(p.line) - lines.lineStart(p.line);
  assert.ok(
    p.character >= 0 && p.character <= length,
    `${what}: character ${p.character} is inside line ${p.line} (length ${length})`,
  );
}

function count(findings: Finding[], f: Finding): number {
  return findings.filter((x) => x.rule === f.rule && x.message === f.message).length;
}

const files = [...markdownFiles(join(root, 'test', 'fixtures')), ...markdownFiles(join(root, 'examples'))];

test('there are documents to check', () => {
  assert.ok(files.length >= 20, `found ${files.length} documents`);
});

describe('invariants of every finding in every fixture and example', () => {
  for (const file of files) {
    const path = relative(root, file);
    test(path, () => {
      const text = readFileSync(file, 'utf8');
      const en = lint(text, { path, now: NOW, locale: 'en' });
      const ru = lint(text, { path, now: NOW, locale: 'ru' });
      const lines = en.doc.lines;
      assert.equal(ru.findings.length, en.findings.length, 'the locale does not change what is found');

      en.findings.forEach((f, i) => {
        const where = `${f.rule} at ${f.range.start.line + 1}:${f.range.start.character + 1}`;
        const r = ru.findings[i]!;
        const rule = ruleById(f.rule);
        assert.ok(rule, `${where}: rule "${f.rule}" is registered`);

        // Position.
        assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${where}: span inside the text`);
        assertInside(lines, f.range.start, where);
        assertInside(lines, f.range.end, where);
        assert.ok(before(f.range.start, f.range.end), `${where}: range starts before it ends`);
        assert.deepEqual(f.range, lines.rangeOf(f.span), `${where}: range agrees with span`);
        if (en.doc.title) {
          assert.ok(f.span.end > 0, `${where}: a document with a title gets no finding at its very start`);
        }

        // Messages.
        assert.equal(r.rule, f.rule);
        assert.deepEqual(r.span, f.span);
        assert.equal(r.messageId, f.messageId);
        assert.ok(rule!.messages[f.messageId], `${where}: message "${f.messageId}" is in the catalogue`);
        for (const m of [f.message, r.message]) {
          assert.ok(m.trim().length > 0, `${where}: message is not empty`);
          assert.doesNotMatch(m, /\{\w+\}/, `${where}: every parameter of "${m}" is filled`);
        }
        assert.notEqual(r.message, f.message, `${where}: "${f.message}" has a Russian translation`);

        // Fixes.
        assert.equal(r.fixes.length, f.fixes.length);
        f.fixes.forEach((fix, j) => {
          assert.ok(fix.title.trim() && r.fixes[j]!.title.trim(), `${where}: fix ${j} has a title`);
          assert.notEqual(r.fixes[j]!.title, fix.title, `${where}: fix "${fix.title}" has a Russian title`);
          assert.ok(fix.edits.length > 0, `${where}: fix "${fix.title}" edits something`);
          const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
          edits.forEach((e, k) => {
            assert.ok(
              0 <= e.span.start && e.span.start <= e.span.end && e.span.end <= text.length,
              `${where}: edit inside the text`,
            );
            assert.deepEqual(e.range, lines.rangeOf(e.span), `${where}: edit range agrees with span`);
            if (k > 0) assert.ok(edits[k - 1]!.span.end <= e.span.start, `${where}: edits of "${fix.title}" do not overlap`);
          });
          const after = lint(applyFix(text, fix), { path, now: NOW, locale: 'en' });
          assert.ok(count(after.findings, f) < count(en.findings, f), `${where}: "${fix.title}" makes "${f.message}" go away`);
        });
      });
    });
  }
});
