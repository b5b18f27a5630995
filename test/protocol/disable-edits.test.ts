/**
 * The "disable" edits of the adapter (lsp/convert.ts) on the Markdown shapes where a comment
 * line could break the document: tables, front matter, block quotes, list items, directives
 * already present. Each edit is applied and the document checked again with a rule that
 * reports on a chosen line: the finding must be gone and the structure intact.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { disableFileEdit, disableLineEdit } from '../../server/src/lsp/convert';
import requiredSection from '../../server/src/rules/required-section';
import { defineRule, type Rule } from '../../server/src/rules/types';
import { lint } from '../../server/src/services/engine';
import { applyEdits } from './client';

/** A rule that reports every line containing "FLAG", so the test decides where findings are. */
const flag = defineRule({
  id: 'flag',
  severity: 'warning',
  description: 'Flags lines.',
  messages: { flagged: 'Flagged' },
  check(ctx) {
    const re = /FLAG/g;
    for (let m = re.exec(ctx.doc.text); m; m = re.exec(ctx.doc.text))
      ctx.report({ message: 'flagged', span: { start: m.index, end: m.index + 4 } });
  },
});
const rules = [flag, requiredSection] as Rule<object>[];

function check(text: string) {
  return lint(text, { path: 'x.persona.md', rules, cache: null });
}

function flaggedLines(text: string): number[] {
  return check(text)
    .findings.filter((f) => f.rule === 'flag')
    .map((f) => f.range.start.line);
}

function applied(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'an edit is offered');
  return applyEdits(text, [edit]);
}

const HEAD = '# Persona: Dana\n\n## Demographics\n\n';

describe('disable edits', () => {
  test('an ordinary line gets a next-line comment above it, indented like it', () => {
    const text = `${HEAD}Some text\n    FLAG here\n`;
    const line = 5;
    assert.deepEqual(flaggedLines(text), [line]);
    const out = applied(text, disableLineEdit(check(text).doc, line, 'flag'));
    assert.equal(out, `${HEAD}Some text\n    <!-- segdoc-disable-next-line flag -->\n    FLAG here\n`);
    assert.deepEqual(flaggedLines(out), []);
  });

  test('on the first line of a file with a BOM the comment goes after the BOM', () => {
    const text = `\uFEFF# Persona: FLAG\n`;
    const out = applied(text, disableLineEdit(check(text).doc, 0, 'flag'));
    assert.equal(out, `\uFEFF<!-- segdoc-disable-next-line flag -->\n# Persona: FLAG\n`);
    assert.deepEqual(flaggedLines(out), []);
  });

  test('a list item: the comment is indented to the item text, so the list stays one list', () => {
    const text = `${HEAD}1. one\n2. FLAG two\n3. three\n`;
    const out = applied(text, disableLineEdit(check(text).doc, 5, 'flag'));
    assert.equal(out, `${HEAD}1. one\n   <!-- segdoc-disable-next-line flag -->\n2. FLAG two\n3. three\n`);
    assert.deepEqual(flaggedLines(out), []);
    const lists = check(out).doc.allSections.flatMap((s) => s.lists);
    assert.equal(lists.length, 1);
    assert.equal(lists[0]!.items.length, 3);
  });

  test('a block quote line keeps its quote marker', () => {
    const text = `${HEAD}> quoted\n> FLAG quoted\n`;
    const out = applied(text, disableLineEdit(check(text).doc, 5, 'flag'));
    assert.equal(out, `${HEAD}> quoted\n> <!-- segdoc-disable-next-line flag -->\n> FLAG quoted\n`);
    assert.deepEqual(flaggedLines(out), []);
  });

  test('a table body row gets a same-line comment in an extra cell, and the table survives', () => {
    const table = '| Segment | Score |\n| --- | --- |\n| A | 1 |\n| B FLAG | 2 |\n| C | 3 |\n';
    const text = `${HEAD}${table}`;
    const out = applied(text, disableLineEdit(check(text).doc, 7, 'flag'));
    assert.equal(out, `${HEAD}${table.replace('| B FLAG | 2 |', '| B FLAG | 2 | <!-- segdoc-disable-line flag -->')}`);
    assert.deepEqual(flaggedLines(out), []);
    const tables = check(out).doc.allSections.flatMap((s) => s.tables);
    assert.equal(tables.length, 1);
    assert.equal(tables[0]!.rows.length, 3);
  });

  test('a table row without an outer pipe gets one before the comment', () => {
    const text = `${HEAD}Segment | Score\n--- | ---\nB FLAG | 2\n`;
    const out = applied(text, disableLineEdit(check(text).doc, 6, 'flag'));
    assert.equal(out, `${HEAD}Segment | Score\n--- | ---\nB FLAG | 2 | <!-- segdoc-disable-line flag -->\n`);
    assert.deepEqual(flaggedLines(out), []);
  });

  test('a table header or a front matter line offers no line action (a comment would break them)', () => {
    const header = `${HEAD}| Segment FLAG | Score |\n| --- | --- |\n| A | 1 |\n`;
    assert.equal(disableLineEdit(check(header).doc, 4, 'flag'), undefined);
    const fm = `---\nsegdoc: persona\nnote: FLAG\n---\n# Dana\n`;
    assert.equal(disableLineEdit(check(fm).doc, 2, 'flag'), undefined);
  });

  test('a same-line comment already on a table row gets the rule added', () => {
    const text = `${HEAD}| S | N |\n| --- | --- |\n| B FLAG | 2 | <!-- segdoc-disable-line other -->\n`;
    const out = applied(text, disableLineEdit(check(text).doc, 6, 'flag'));
    assert.match(out, /\| B FLAG \| 2 \| <!-- segdoc-disable-line other flag -->\n$/);
    assert.deepEqual(flaggedLines(out), []);
  });

  test('a next-line comment already above gets the rule added; a rule already there offers nothing', () => {
    const text = `${HEAD}<!-- segdoc-disable-next-line other -->\nFLAG\n`;
    const out = applied(text, disableLineEdit(check(text).doc, 5, 'flag'));
    assert.equal(out, `${HEAD}<!-- segdoc-disable-next-line other flag -->\nFLAG\n`);
    assert.deepEqual(flaggedLines(out), []);
    assert.equal(disableLineEdit(check(out).doc, 5, 'flag'), undefined);
  });

  test('the file comment goes after the front matter, or after a BOM, or extends one already there', () => {
    const fm = `---\nsegdoc: persona\n---\n# Dana\n\nFLAG\n`;
    const out = applied(fm, disableFileEdit(check(fm).doc, 'flag'));
    assert.equal(out, `---\nsegdoc: persona\n---\n<!-- segdoc-disable flag -->\n# Dana\n\nFLAG\n`);
    assert.deepEqual(flaggedLines(out), []);
    assert.equal(check(out).doc.frontMatter?.data['segdoc'], 'persona');

    const bom = `\uFEFF${HEAD}FLAG\n`;
    const outBom = applied(bom, disableFileEdit(check(bom).doc, 'flag'));
    assert.equal(outBom, `\uFEFF<!-- segdoc-disable flag -->\n${HEAD}FLAG\n`);
    assert.deepEqual(flaggedLines(outBom), []);

    const twice = applied(outBom, disableFileEdit(check(outBom).doc, 'required-section'));
    assert.equal(twice, `\uFEFF<!-- segdoc-disable flag required-section -->\n${HEAD}FLAG\n`);
    assert.deepEqual(
      check(twice).findings.map((f) => f.rule),
      [],
    );
  });

  test('front matter at the very end of the file gets a line break before the comment', () => {
    const fm = `---\nsegdoc: persona\ntitle: FLAG\n---`;
    const out = applied(fm, disableFileEdit(check(fm).doc, 'required-section'));
    assert.equal(out, `${fm}\n<!-- segdoc-disable required-section -->\n`);
  });
});
