/**
 * The language server's list of the workspace's segments (server/src/lsp/workspace-segments.ts),
 * with a fake host: when it walks the files, when it only recombines the open documents,
 * that it re-checks the documents using it only when the list changes, and that a run which
 * never awaits still lets the next one run.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { lint } from '../../server/src/services/engine';
import { WorkspaceSegments } from '../../server/src/lsp/workspace-segments';
import type { SummarySource } from '../../server/src/services/symbols';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const source = (path: string, ...segments: string[]): SummarySource => ({
  path,
  summary: {
    kind: 'segmentation',
    title: path,
    personas: [],
    segments: segments.map((name) => ({ name, range })),
    facts: {
      kind: 'segmentation',
      title: path,
      language: 'en',
      segments: segments.map((name) => ({ name, at: { text: name, span: { start: 0, end: name.length }, range } })),
      segmentRefs: [],
    },
  },
});

function fakeHost() {
  const state = { open: [] as SummarySource[], disk: [] as SummarySource[], walks: 0, rechecks: [] as string[][] };
  const host = {
    openSources: () => state.open,
    files: async () => {
      state.walks++;
      return state.disk;
    },
    recheck: (uris: string[]) => state.rechecks.push(uris),
    users: () => ['file:///dana.persona.md'],
    logError: (what: string, e: unknown) => assert.fail(`${what}: ${String(e)}`),
  };
  return { state, host };
}

const names = (ws: WorkspaceSegments): string[] | undefined =>
  ws
    .context()
    ?.model.segments()
    .map((s) => s.name);

describe('WorkspaceSegments', () => {
  test('unknown until the first refresh; then the files and the open documents, an open document over its file', async () => {
    const { state, host } = fakeHost();
    const ws = new WorkspaceSegments(host);
    assert.equal(ws.context(), undefined);
    state.disk = [source('/w/a.segmentation.md', 'Fintech'), source('/w/b.segmentation.md', 'Retail')];
    state.open = [source('/w/b.segmentation.md', 'Retail Chains')];
    await ws.refresh(true);
    assert.deepEqual(names(ws), ['Retail Chains', 'Fintech']);
    assert.equal(state.walks, 1);
    assert.deepEqual(state.rechecks, [['file:///dana.persona.md']]);
  });

  test('an open document editing its segments recombines without a walk; an unchanged list re-checks nothing', async () => {
    const { state, host } = fakeHost();
    const ws = new WorkspaceSegments(host);
    state.open = [source('/w/a.segmentation.md', 'Fintech')];
    await ws.refresh(true);
    state.open = [source('/w/a.segmentation.md', 'Fintech Startups')];
    // Two refreshes in a row that need no walk: neither awaits, and the second must still run.
    await ws.refresh(false);
    state.open = [source('/w/a.segmentation.md', 'Fintech Scaleups')];
    await ws.refresh(false);
    assert.deepEqual(names(ws), ['Fintech Scaleups']);
    assert.equal(state.walks, 1);
    assert.equal(state.rechecks.length, 3);
    await ws.refresh(false);
    assert.equal(state.rechecks.length, 3, 'the same list: nothing to re-check');
  });

  test('a change of any fact (a matrix row) re-checks the users; facts that only moved do not', async () => {
    const { state, host } = fakeHost();
    const ws = new WorkspaceSegments(host);
    const matrix = (name: string, line: number): SummarySource => {
      const src = source('/w/p.prioritization.md');
      const at = {
        text: name,
        span: { start: line * 10, end: line * 10 + name.length },
        range: { start: { line, character: 2 }, end: { line, character: 2 + name.length } },
      };
      src.summary.facts.matrixRows = [{ name: at, total: 31, tier: 1 }];
      return src;
    };
    state.disk = [source('/w/a.segmentation.md', 'Fintech')];
    state.open = [matrix('Fintech', 4)];
    await ws.refresh(true);
    assert.equal(state.rechecks.length, 1);
    state.open = [matrix('Fintech', 9)];
    await ws.refresh(false);
    assert.equal(state.rechecks.length, 1, 'the row moved: nothing to re-check');
    state.open = [matrix('Public Sector', 9)];
    await ws.refresh(false);
    assert.equal(state.rechecks.length, 2, 'the row names another segment: the users are checked again');
    assert.deepEqual(names(ws), ['Fintech'], 'the segments themselves did not change');
  });

  test("a check re-combines the model only when the document's facts changed, not their positions", async () => {
    const { state, host } = fakeHost();
    const ws = new WorkspaceSegments(host);
    await ws.refresh(true);
    const walks = state.walks;
    const persona = readFileSync('test/fixtures/realistic/good-maya.persona.md', 'utf8');
    const segment = /\*\*Segment\*\*:\s*(.+)/.exec(persona)![1]!.trim();
    const result = (prefix: string, value: string) =>
      lint(prefix + persona.replace(segment, value), { path: '/w/maya.persona.md' });
    let refreshes = 0;
    const refresh = ws.refresh.bind(ws);
    ws.refresh = (walk?: boolean) => {
      refreshes++;
      return refresh(walk);
    };
    ws.checked('file:///w/maya.persona.md', result('', 'Fintech'));
    ws.checked('file:///w/maya.persona.md', result('\n\n', 'Fintech'));
    assert.equal(refreshes, 1, 'the same facts, moved: no refresh');
    ws.checked('file:///w/maya.persona.md', result('\n\n', 'Retail'));
    assert.equal(refreshes, 2);
    assert.equal(state.walks, walks, 'no walk: only the open documents are recombined');
  });

  test('concurrent refreshes share one run and one more after it, walking if any of them asked to', async () => {
    const { state, host } = fakeHost();
    const ws = new WorkspaceSegments(host);
    const first = ws.refresh(true);
    state.disk = [source('/w/a.segmentation.md', 'Fintech')];
    const second = ws.refresh(true);
    const third = ws.refresh(false);
    await Promise.all([first, second, third]);
    assert.equal(state.walks, 2);
    assert.deepEqual(names(ws), ['Fintech']);
  });
});
