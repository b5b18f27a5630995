/**
 * Which fixes `source.fixAll.segdoc` applies on save (lsp/convert.ts `fixAllAction`, over services/fixes.ts): the
 * preferred replacements of errors and warnings, in document order, an overlapping one
 * skipped; never an insertion, a deletion, a hint's or an info's fix. The protocol test
 * (test/protocol/code-actions.test.ts) applies it to a real document.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllAction, type ActionTarget, type FixCandidate, type FixData } from '../../server/src/lsp/convert';
import { lint } from '../../server/src/services/engine';

const TEXT = 'alpha beta gamma delta\nepsilon zeta\n';

function target(): ActionTarget {
  return { uri: 'file:///x.md', version: 3, doc: lint(TEXT).doc, locale: 'en', documentChanges: false };
}

/** A fix replacing `[from, to)` of line `line` with `newText`. */
function fix(line: number, from: number, to: number, newText: string, preferred = true): FixData {
  return {
    title: newText,
    preferred,
    edits: [{ range: { start: { line, character: from }, end: { line, character: to } }, newText }],
  };
}

/** The text after fix-all, or undefined when it offers nothing. */
function applied(findings: FixCandidate[]): string | undefined {
  const action = fixAllAction(target(), findings);
  if (!action) return undefined;
  const edits = action.edit!.changes!['file:///x.md']!;
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, TEXT), edits);
}

describe('fix-all', () => {
  test('applies the preferred replacements of errors and warnings in one edit', () => {
    assert.equal(
      applied([
        { severity: 'error', fixes: [fix(0, 0, 5, 'ALPHA')] },
        { severity: 'warning', fixes: [fix(1, 8, 12, 'ZETA')] },
      ]),
      'ALPHA beta gamma delta\nepsilon ZETA\n',
    );
  });

  test('leaves insertions, deletions, fixes that are not preferred and the fixes of infos and hints', () => {
    assert.equal(
      applied([
        { severity: 'error', fixes: [fix(0, 0, 0, '## Inserted\n')] },
        { severity: 'error', fixes: [fix(0, 5, 10, '')] },
        { severity: 'error', fixes: [fix(0, 11, 16, 'not preferred', false)] },
        { severity: 'info', fixes: [fix(0, 17, 22, 'DELTA')] },
        { severity: 'hint', fixes: [fix(1, 0, 7, 'EPSILON')] },
      ]),
      undefined,
    );
  });

  test('of two overlapping fixes the earlier finding wins, and the other is skipped whole', () => {
    assert.equal(
      applied([
        { severity: 'error', fixes: [fix(0, 6, 16, 'BETA GAMMA')] },
        // Overlaps the first in "gamma"; its second edit alone would not overlap, but a fix is
        // applied whole or not at all.
        {
          severity: 'error',
          fixes: [
            { title: 'x', preferred: true, edits: [fix(0, 11, 22, 'GAMMA DELTA').edits[0]!, fix(1, 0, 7, 'EPSILON').edits[0]!] },
          ],
        },
        { severity: 'warning', fixes: [fix(1, 8, 12, 'ZETA')] },
      ]),
      'alpha BETA GAMMA delta\nepsilon ZETA\n',
    );
  });

  test('takes the preferred fix of a finding that offers several', () => {
    assert.equal(
      applied([{ severity: 'error', fixes: [fix(0, 0, 5, 'one', false), fix(0, 0, 5, 'two')] }]),
      'two beta gamma delta\nepsilon zeta\n',
    );
  });
});
