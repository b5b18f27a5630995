import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/parse/text';

test('LineIndex maps offsets to UTF-16 positions across LF, CRLF and CR', () => {
  const text = 'ab\r\ncd\ne\rf';
  const li = new LineIndex(text);
  assert.equal(li.lineCount, 4);
  assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(li.positionAt(2), { line: 0, character: 2 });
  // An offset between \r and \n is the end of line 0, not a column past it.
  assert.deepEqual(li.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(li.positionAt(9), { line: 3, character: 0 });
  assert.deepEqual(li.positionAt(99), { line: 3, character: 1 });
  assert.equal(li.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(li.offsetAt({ line: 1, character: 50 }), 6);
  assert.equal(li.eol, '\r\n');
});

test('LineIndex columns count UTF-16 code units (emoji are two, Cyrillic one, BOM one)', () => {
  const text = '\uFEFF😀 Боль [X]';
  const li = new LineIndex(text);
  const at = text.indexOf('[X]');
  assert.deepEqual(li.positionAt(at), { line: 0, character: 9 });
  assert.deepEqual(li.rangeOf({ start: at, end: at + 3 }), { start: { line: 0, character: 9 }, end: { line: 0, character: 12 } });
  assert.deepEqual(li.spanOf(li.rangeOf({ start: at, end: at + 3 })), { start: at, end: at + 3 });
});
