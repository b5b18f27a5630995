/**
 * Score tallies over the protocol: code lenses (declared only for clients with code lens
 * support; titles and ranges), `workspace/codeLens/refresh` after a re-check (only for
 * clients that support it), and the `segdoc/scores` request (the Scores object of
 * services/scores.ts, null for other documents). Each test starts its own server over stdio
 * and waits on messages, never on time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { CodeLensRefreshRequest, CodeLensRequest, type ClientCapabilities, type CodeLens } from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/services/engine';
import { computeScores, type Scores } from '../../server/src/services/scores';
import { fullCapabilities, LIMIT, root, TestClient, startInFolder, type Started, type StartOptions } from './client';
import { README } from './docs';

const TALLY = readFileSync(path.join(root, 'test', 'fixtures', 'scores', 'tally.segmentation.md'), 'utf8');

/** A capable client that also has code lenses, with refresh support when asked. */
function lensCapabilities(refreshSupport: boolean): ClientCapabilities {
  const full = fullCapabilities(true);
  return {
    ...full,
    workspace: { ...full.workspace, codeLens: { refreshSupport } },
    textDocument: { ...full.textDocument, codeLens: { dynamicRegistration: false } },
  };
}

interface LensClient extends Started {
  /** Resolves at the next workspace/codeLens/refresh the server sends. */
  nextRefresh(): Promise<void>;
  refreshes(): number;
}

async function start(t: TestContext, options: StartOptions = {}): Promise<LensClient> {
  const started = await startInFolder(t, { settings: { debounceMs: 0 }, capabilities: lensCapabilities(true), ...options });
  const { client } = started;
  let count = 0;
  let waiters: Array<() => void> = [];
  client.connection.onRequest(CodeLensRefreshRequest.type, () => {
    count++;
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  });
  return {
    ...started,
    nextRefresh: () => new Promise<void>((resolve) => waiters.push(resolve)),
    refreshes: () => count,
  };
}

async function lenses(client: TestClient, uri: string): Promise<CodeLens[]> {
  return (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
}

function scores(client: TestClient, uri: string): Promise<Scores | null> {
  return client.connection.sendRequest<Scores | null>('segdoc/scores', { uri });
}

/** Each lens as `line: title`. */
function titles(list: CodeLens[]): string[] {
  return list.map((l) => `${l.range.start.line}: ${l.command?.title ?? '(unresolved)'}`);
}

const EN_LENSES = [
  '0: Segmentation analysis · 55% complete',
  '9: Measurable ✓ Substantial ✓ Accessible ✓ Differentiable ✓ Actionable ✓ — 5/5',
  '16: Measurable ✓ Substantial ✓ Accessible ✓ Differentiable ✓ Actionable ✓ — 5/5',
  '23: Measurable ✓ Substantial ✗ Accessible ✓ Differentiable ✓ Actionable ✓ — 4/5',
  '36: Tier 1: 1 segment · Tier 2: 1 segment · Tier 3: 1 segment',
  '38: Total 34 · Tier 1',
  '39: Total 27 · Tier 2',
  '40: Total 14 (stated 15) · Tier 3 (stated 2)',
  '43: Done 3/5',
];

describe('code lenses', () => {
  test('declared only when the client supports code lenses', LIMIT, async (t) => {
    const withLenses = await start(t);
    assert.deepEqual(withLenses.client.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
    const without = await start(t, { capabilities: fullCapabilities(true) });
    assert.equal(without.client.initializeResult.capabilities.codeLensProvider, undefined);
  });

  test('tallies above the title, each segment, the matrix and its rows, and the checklist', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('tally.segmentation.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, TALLY);
    await published;
    const list = await lenses(client, doc);
    assert.deepEqual(titles(list), EN_LENSES);
    // Ranges: the title text, each segment heading's text, one line of the table, each row.
    assert.deepEqual(list[0]!.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 41 } });
    assert.deepEqual(list[3]!.range, { start: { line: 23, character: 4 }, end: { line: 23, character: 24 } });
    assert.deepEqual(list[4]!.range, { start: { line: 36, character: 0 }, end: { line: 36, character: 0 } });
    assert.deepEqual(list[7]!.range, { start: { line: 40, character: 0 }, end: { line: 40, character: 38 } });
    assert.equal(list[8]!.range.start.line, 43);
    // What is still missing in the tooltip of the completeness lens, then what the percentage counts.
    const [missing, blank, rule] = list[0]!.command!.tooltip!.toString().split('\n');
    assert.equal(missing, 'Missing: Metadata, Metadata › Author, Segment Strategy, ICP Definition');
    assert.equal(blank, '');
    assert.match(rule!, /^Completeness is the share of the title, required sections and required fields that are filled in/);
    // The client named no command: every lens is plain text, resolved already.
    for (const l of list) assert.deepEqual([l.command!.command, l.command!.arguments], ['', undefined]);
  });

  test('a lens runs the client command the client named at initialization', LIMIT, async (t) => {
    const { client, uri } = await start(t, { initializationOptions: { commands: { showScores: 'segdoc.showScores' } } });
    const doc = uri('tally.segmentation.md');
    await client.open(doc, TALLY);
    const list = await lenses(client, doc);
    assert.equal(list.length, EN_LENSES.length);
    for (const l of list) assert.deepEqual([l.command!.command, l.command!.arguments], ['segdoc.showScores', [doc]]);
  });

  test('titles follow the message language', LIMIT, async (t) => {
    const { client, uri } = await start(t, { settings: { debounceMs: 0, language: 'ru' } });
    const doc = uri('tally.segmentation.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, TALLY);
    await published;
    const list = titles(await lenses(client, doc));
    assert.deepEqual(list.slice(0, 1), ['0: Анализ сегментации · заполнено 55%']);
    assert.equal(list[3], '23: Измеримый ✓ Существенный ✗ Доступный ✓ Различимый ✓ Действенный ✓ — 4/5');
    assert.equal(list[7], '40: Итого 14 (указано 15) · Уровень 3 (указано 2)');
    assert.equal(list[8], '43: Выполнено 3/5');
  });

  test('no lenses for a Markdown file that is not a segdoc document', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('README.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, README);
    await published;
    assert.deepEqual(await lenses(client, doc), []);
  });

  test('a re-check asks the client to refresh, and the lenses show the new text', LIMIT, async (t) => {
    const { client, uri, nextRefresh } = await start(t);
    const doc = uri('tally.segmentation.md');
    const firstRefresh = nextRefresh();
    await client.open(doc, TALLY);
    await firstRefresh;
    // Hobbyists: 100 × $20k = $2M, now substantial.
    const line = TALLY.split('\n').indexOf('- **ACV**: $1k');
    const refreshed = nextRefresh();
    const published = client.diagnosticsFor(doc, 2);
    await client.change(doc, [{ range: { start: { line, character: 11 }, end: { line, character: 14 } }, text: '$20k' }]);
    await published;
    await refreshed;
    assert.equal(
      titles(await lenses(client, doc))[3],
      '23: Measurable ✓ Substantial ✓ Accessible ✓ Differentiable ✓ Actionable ✓ — 5/5',
    );
  });

  test('no refresh for a client without refresh support', LIMIT, async (t) => {
    const { client, uri, refreshes } = await start(t, { capabilities: lensCapabilities(false) });
    const doc = uri('tally.segmentation.md');
    const published = client.diagnosticsFor(doc, 1);
    await client.open(doc, TALLY);
    await published;
    // A request answered after the publish: a refresh, had one been sent, would have come first.
    assert.equal((await lenses(client, doc)).length, EN_LENSES.length);
    assert.equal(refreshes(), 0);
  });
});

describe('segdoc/scores', () => {
  test('the Scores object of the open text, as the engine computes it', LIMIT, async (t) => {
    // Without code lens support: the request does not depend on it.
    const { client, uri } = await start(t, { capabilities: fullCapabilities(true) });
    const doc = uri('tally.segmentation.md');
    await client.open(doc, TALLY);
    const s = await scores(client, doc);
    assert.ok(s);
    assert.deepEqual(s, computeScores(lint(TALLY, { path: 'tally.segmentation.md' })));
    assert.deepEqual([s.completeness.filled, s.completeness.total, s.completeness.percent], [5, 9, 55]);
    assert.deepEqual(
      s.completeness.missing.map((m) => m.label),
      ['Metadata', 'Metadata › Author', 'Segment Strategy', 'ICP Definition'],
    );
    assert.deepEqual([s.segments.met, s.segments.of], [14, 15]);
    assert.deepEqual(
      s.matrices.items[0]!.rows.map((r) => [r.total, r.tier]),
      [
        [34, 1],
        [27, 2],
        [14, 3],
      ],
    );
    assert.deepEqual([s.checklists.done, s.checklists.total, s.placeholders], [3, 5, 1]);
  });

  test('follows edits: the tallies of the newest version', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('tally.segmentation.md');
    await client.open(doc, TALLY);
    const line = TALLY.split('\n').indexOf('- [ ] Segments are differentiable (respond differently)');
    await client.change(doc, [{ range: { start: { line, character: 3 }, end: { line, character: 4 } }, text: 'x' }]);
    const s = await scores(client, doc);
    assert.deepEqual([s?.checklists.done, s?.checklists.total], [4, 5]);
  });

  test('null for a document that is not a segdoc document, or not open', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('README.md');
    await client.open(doc, README);
    assert.equal(await scores(client, doc), null);
    assert.equal(await scores(client, uri('closed.segmentation.md')), null);
  });
});
