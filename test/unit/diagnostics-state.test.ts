/**
 * The language server's push-diagnostics bookkeeping (server/src/lsp/diagnostics-state.ts),
 * without a connection: what is open, which check is kept, which check is shared, what is
 * published again and what is forgotten on close.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticsState, type Checked } from '../../server/src/lsp/diagnostics-state';
import { lint } from '../../server/src/services/engine';

const URI = 'file:///w/persona.md';
const result = lint('# Buyer Persona: Test\n');
const checkOf = (version: number, generation: number): Checked => ({ version, generation, result });
const diagnostic = (message: string): Diagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  message,
});

describe('DiagnosticsState', () => {
  test('open documents: by URI and path, checkable ones in opening order, the open change seen once', () => {
    const state = new DiagnosticsState();
    state.opened(URI, '/w/persona.md', true);
    state.opened('file:///w/.segdoc.json', '/w/.segdoc.json', false);
    state.opened('file:///w/b.md', undefined, true);
    assert.deepEqual(state.checkable(), [URI, 'file:///w/b.md']);
    assert.deepEqual(state.openUris(), [URI, 'file:///w/.segdoc.json', 'file:///w/b.md']);
    assert.equal(state.openAt('/w/.segdoc.json'), 'file:///w/.segdoc.json');
    assert.equal(state.takeOpening(URI), true, 'the change the open fires');
    assert.equal(state.takeOpening(URI), false, 'a real edit');
    state.closed('file:///w/.segdoc.json');
    assert.equal(state.isOpen('file:///w/.segdoc.json'), false);
    assert.equal(state.openAt('/w/.segdoc.json'), undefined);
  });

  test('a check is kept only while the document is open, and only when it is not older than the kept one', () => {
    const state = new DiagnosticsState();
    assert.equal(state.record(URI, checkOf(1, 0)), false, 'not open');
    state.opened(URI, undefined, true);
    assert.equal(state.record(URI, checkOf(2, 0)), true);
    assert.equal(state.record(URI, checkOf(1, 0)), false, 'an older version finishing late');
    assert.equal(state.record(URI, checkOf(2, 1)), true, 'the same version in a newer generation');
    assert.equal(state.record(URI, checkOf(2, 0)), false, 'the same version in an older generation');
    assert.deepEqual(
      state.lastChecks().map(([uri, c]) => [uri, c.version, c.generation]),
      [[URI, 2, 1]],
    );
  });

  test('up to date means the same version and the current generation', () => {
    const state = new DiagnosticsState();
    state.opened(URI, undefined, true);
    state.record(URI, checkOf(3, state.generation));
    assert.equal(state.upToDate(URI, 3)?.version, 3);
    assert.equal(state.upToDate(URI, 4), undefined, 'the text changed');
    state.outdate();
    assert.equal(state.upToDate(URI, 3), undefined, 'settings or a config changed');
    state.record(URI, checkOf(3, state.generation));
    state.forgetCheck(URI);
    assert.equal(state.upToDate(URI, 3), undefined, 'forgotten, to be checked again');
  });

  test('a check under way is shared by the same version and generation only', async () => {
    const state = new DiagnosticsState();
    let started = 0;
    const start = async (): Promise<Checked> => {
      started++;
      return checkOf(1, 0);
    };
    const a = state.shareCheck(URI, 1, 0, start);
    const b = state.shareCheck(URI, 1, 0, start);
    assert.equal(a, b);
    assert.equal(started, 1);
    const c = state.shareCheck(URI, 1, 1, start);
    assert.notEqual(c, a);
    assert.equal(started, 2);
    await Promise.all([a, c]);
    await state.shareCheck(URI, 1, 1, start);
    assert.equal(started, 3, 'a settled check is not shared');
  });

  test('published: not again for the same version and diagnostics; newer versions win', () => {
    const state = new DiagnosticsState();
    state.opened(URI, undefined, true);
    assert.equal(state.publish(URI, 1, [diagnostic('a')]), true);
    assert.equal(state.publish(URI, 1, [diagnostic('a')]), false, 'a re-check with the same findings');
    assert.equal(state.publish(URI, 1, [diagnostic('b')]), true, 'a re-check with other findings');
    assert.equal(state.publish(URI, 2, [diagnostic('b')]), true, 'a new version always goes out');
    assert.equal(state.publishedVersion(URI), 2);
    assert.equal(state.newerPublished(URI, 1), true);
    assert.equal(state.newerPublished(URI, 2), false);
  });

  test('wanted checks are used up; closing forgets the document but not its config stamps', () => {
    const state = new DiagnosticsState();
    state.opened(URI, '/w/persona.md', true);
    state.want(URI);
    assert.equal(state.takeWanted(URI), true);
    assert.equal(state.takeWanted(URI), false);
    state.want(URI);
    state.record(URI, checkOf(1, 0));
    state.publish(URI, 1, []);
    assert.equal(state.publishConfig('file:///w/.segdoc.json', '\n[]'), true);
    assert.equal(state.publishConfig('file:///w/.segdoc.json', '\n[]'), false, 'the same stamp');
    state.closed(URI);
    assert.equal(state.takeWanted(URI), false);
    assert.equal(state.publishedVersion(URI), undefined);
    assert.deepEqual(state.lastChecks(), []);
    assert.deepEqual(state.checkable(), []);
    assert.deepEqual(state.configUris(), ['file:///w/.segdoc.json']);
    state.forgetConfig('file:///w/.segdoc.json');
    assert.deepEqual(state.configUris(), []);
  });
});
