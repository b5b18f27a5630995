/**
 * What the editor's commands ask the server for: `segdoc/templates` and `segdoc/template`
 * (New Document), `segdoc/scorecard` (Show Scorecard) and `segdoc/checkWorkspace` (Check
 * Workspace: segdoc documents on disk checked and published, with work-done progress when
 * the client supports it). Each test starts its own server over stdio and waits on
 * messages, never on time.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import {
  CancellationTokenSource,
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type ProgressToken,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import { builtinKind } from '../../server/src/schemas/builtin';
import { lint } from '../../server/src/services/engine';
import { computeScores } from '../../server/src/services/scores';
import type { Scorecard } from '../../server/src/services/scorecard';
import { renderTemplate, type RenderedTemplate, type TemplateEntry } from '../../server/src/services/templates';
import type { CheckWorkspaceResult } from '../../server/src/protocol';
import { fullCapabilities, LIMIT, ofRule, root, TestClient, startInFolder, type Started, type StartOptions } from './client';
import { PERSONA, README } from './docs';

const TALLY = readFileSync(path.join(root, 'test', 'fixtures', 'scores', 'tally.segmentation.md'), 'utf8');

function start(t: TestContext, options: StartOptions = {}): Promise<Started> {
  return startInFolder(t, { settings: { debounceMs: 0 }, ...options });
}

/** A capable client that also declares `window.workDoneProgress`. */
function progressCapabilities(): ClientCapabilities {
  return { ...fullCapabilities(true), window: { workDoneProgress: true } };
}

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** Records the `$/progress` values the server sends for one token. */
function recordProgress(client: TestClient, token: ProgressToken): ProgressValue[] {
  const values: ProgressValue[] = [];
  client.connection.onProgress(WorkDoneProgress.type, token, (v) => {
    values.push(v);
  });
  return values;
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, ...name.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('segdoc/templates and segdoc/template', () => {
  test('the document templates of the kinds, with English and Russian titles, blocks left out', LIMIT, async (t) => {
    const { client } = await start(t);
    const list = await client.connection.sendRequest<TemplateEntry[]>('segdoc/templates');
    assert.deepEqual(
      list.map((e) => `${e.kind}/${e.variant}`),
      ['persona/default', 'persona/comprehensive', 'segmentation/default', 'gtm/default', 'prioritization/default'],
    );
    const full = list.find((e) => e.variant === 'comprehensive')!;
    assert.equal(full.title.en, 'Buyer persona (comprehensive)');
    assert.match(full.title.ru, /[а-яё]/iu);
    assert.match(full.description.ru, /^Подробный шаблон персоны:/);
  });

  test('a template in a language, as text and as a snippet, straight from the kind schema', LIMIT, async (t) => {
    const { client } = await start(t);
    const ru = await client.connection.sendRequest<RenderedTemplate | null>('segdoc/template', {
      kind: 'persona',
      language: 'ru',
    });
    assert.ok(ru);
    assert.deepEqual(ru, renderTemplate(builtinKind('persona')!, 'ru'));
    assert.match(ru.text, /^# Персона: \[Имя персоны\] - \[Роль\]\n/);
    assert.match(ru.snippet, /^# Персона: \$\{1:\[Имя персоны\]\} - \$\{2:\[Роль\]\}\n/);
    assert.equal(ru.variant, 'default');
    // The comprehensive variant has the recommended sections the default one leaves out.
    const full = await client.connection.sendRequest<RenderedTemplate | null>('segdoc/template', {
      kind: 'persona',
      language: 'en',
      variant: 'comprehensive',
    });
    assert.ok(full);
    assert.match(full.text, /^## Objections & Concerns$/m);
    assert.match(full.text, /^## Persona Validation$/m);
    // The template lints as a fresh document should: placeholders and recommended sections only.
    const rules = new Set(lint(full.text, { path: 'untitled:Untitled-1' }).findings.map((f) => f.rule));
    assert.deepEqual(
      [...rules].filter((r) => r !== 'placeholder' && r !== 'recommended-section'),
      [],
    );
  });

  test('null for a kind, language or variant there is no template of', LIMIT, async (t) => {
    const { client } = await start(t);
    const ask = (params: unknown) => client.connection.sendRequest<RenderedTemplate | null>('segdoc/template', params);
    assert.equal(await ask({ kind: 'memo', language: 'en' }), null);
    assert.equal(await ask({ kind: 'persona', language: 'de' }), null);
    assert.equal(await ask({ kind: 'persona', language: 'en', variant: 'nope' }), null);
    // A block is a snippet, not a document of its own.
    assert.equal(await ask({ kind: 'persona', language: 'en', variant: 'pain-point' }), null);
    assert.equal((await ask({ kind: 'persona', language: 'en', variant: 'default' }))?.variant, 'default');
  });
});

describe('segdoc/scorecard', () => {
  test('the tallies plus each matrix row’s four dimension scores and the tier thresholds', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('tally.segmentation.md');
    await client.open(doc, TALLY);
    const card = await client.connection.sendRequest<Scorecard | null>('segdoc/scorecard', { uri: doc });
    assert.ok(card);
    const scores = computeScores(lint(TALLY, { path: 'tally.segmentation.md' }))!;
    // Everything the tallies say, unchanged.
    assert.deepEqual(
      {
        ...card,
        matrices: {
          items: card.matrices.items.map((m) => ({ ...m, rows: m.rows.map(({ dimensions: _d, ...r }) => r) })),
          tiers: card.matrices.tiers,
        },
      },
      scores,
    );
    assert.deepEqual(card.matrices.thresholds, { tier1Min: 30, tier2Min: 20 });
    assert.equal(card.matrices.max, 40);
    const rows = card.matrices.items[0]!.rows;
    assert.deepEqual(
      rows.map((r) => [
        r.segment,
        r.dimensions.attractiveness,
        r.dimensions.fit,
        r.dimensions.accessibility,
        r.dimensions.strategic,
        r.total,
      ]),
      rows.map((r) => [
        r.segment,
        ...TALLY.split('\n')
          .find((l) => l.startsWith(`| ${r.segment} |`))!
          .split('|')
          .slice(2, 6)
          .map((c) => Number(c.trim())),
        r.total,
      ]),
    );
    for (const r of rows)
      assert.equal(
        Object.values(r.dimensions).reduce((a, b) => a! + b!, 0),
        r.total,
      );
  });

  test('thresholds from the config the document is checked with; null for other documents', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    write(dir, '.segdoc.json', JSON.stringify({ rules: { 'score-tier': ['error', { tier1Min: 32, tier2Min: 18 }] } }));
    const doc = uri('tally.segmentation.md');
    await client.open(doc, TALLY);
    const card = await client.connection.sendRequest<Scorecard | null>('segdoc/scorecard', { uri: doc });
    assert.deepEqual(card?.matrices.thresholds, { tier1Min: 32, tier2Min: 18 });
    const readme = uri('README.md');
    await client.open(readme, README);
    assert.equal(await client.connection.sendRequest('segdoc/scorecard', { uri: readme }), null);
    assert.equal(await client.connection.sendRequest('segdoc/scorecard', { uri: uri('closed.persona.md') }), null);
  });
});

describe('segdoc/checkWorkspace', () => {
  /** A small workspace: two segdoc documents, a note, and files the walk must skip. */
  function workspace(dir: string): void {
    write(dir, 'personas/dana.persona.md', PERSONA);
    write(dir, 'analysis/tally.segmentation.md', TALLY);
    write(dir, 'README.md', README);
    write(dir, 'node_modules/pkg/x.persona.md', PERSONA);
    write(dir, '.archive/old.persona.md', PERSONA);
    write(dir, 'notes.txt', PERSONA);
  }

  test('publishes the diagnostics of segdoc documents on disk, skipping node_modules and dot-folders', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    workspace(dir);
    const before = client.publishes.length;
    const result = await client.connection.sendRequest<CheckWorkspaceResult>('segdoc/checkWorkspace', { folders: [uri('')] });
    const published = client.publishes.slice(before);
    assert.deepEqual(published.map((p) => p.uri).sort(), [
      uri('analysis/tally.segmentation.md'),
      uri('personas/dana.persona.md'),
    ]);
    // The same findings the engine reports for the file, at the same places.
    const dana = published.find((p) => p.uri === uri('personas/dana.persona.md'))!;
    const expected = lint(PERSONA, { path: path.join(dir, 'personas/dana.persona.md') }).findings;
    assert.deepEqual(
      dana.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      expected.map((f) => [f.rule, f.range.start.line, f.message]),
    );
    assert.equal(ofRule(dana, 'required-section').length, 7);
    assert.equal(dana.version, undefined, 'diagnostics of a file on disk carry no document version');
    assert.deepEqual(
      { ...result, errors: 0, warnings: 0, others: 0 },
      { files: 3, documents: 2, open: 0, errors: 0, warnings: 0, others: 0, truncated: false, cancelled: false },
    );
    const all = published.flatMap((p) => p.diagnostics);
    assert.equal(result.errors + result.warnings + result.others, all.length);
    assert.equal(result.errors, all.filter((d) => d.severity === 1).length);
  });

  test('each file is checked with the .segdoc.json that applies to it', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    workspace(dir);
    write(dir, 'personas/.segdoc.json', JSON.stringify({ rules: { 'required-section': 'off' } }));
    const before = client.publishes.length;
    await client.connection.sendRequest('segdoc/checkWorkspace', { folders: [uri('')] });
    const dana = client.publishes.slice(before).find((p) => p.uri === uri('personas/dana.persona.md'))!;
    assert.equal(ofRule(dana, 'required-section').length, 0);
    const tally = client.publishes.slice(before).find((p) => p.uri === uri('analysis/tally.segmentation.md'))!;
    assert.ok(ofRule(tally, 'required-section').length > 0, 'the config applies to its own folder only');
  });

  test('an open document keeps its live diagnostics; once closed, its diagnostics from disk come back', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    workspace(dir);
    const dana = uri('personas/dana.persona.md');
    // The editor holds a different text than the disk: a persona with a Goals section added.
    const edited = `${PERSONA}\n## Goals & Responsibilities\n\n- **Primary Goal**: Ship weekly\n`;
    const live = client.diagnosticsFor(dana, 1);
    await client.open(dana, edited);
    const liveRequired = ofRule(await live, 'required-section').length;
    const before = client.publishes.length;
    const result = await client.connection.sendRequest<CheckWorkspaceResult>('segdoc/checkWorkspace', { folders: [uri('')] });
    assert.deepEqual(
      client.publishes.slice(before).map((p) => p.uri),
      [uri('analysis/tally.segmentation.md')],
    );
    assert.deepEqual([result.files, result.documents, result.open], [3, 1, 1]);
    // Closing the edited document: the file on disk applies again (7 missing sections, not 6).
    const fromDisk = client.diagnostics(dana, (p) => p.diagnostics.length > 0);
    await client.close(dana);
    const after = await fromDisk;
    assert.equal(liveRequired, 6);
    assert.equal(ofRule(after, 'required-section').length, 7);
    assert.ok(
      !client
        .publishesOf(dana)
        .slice(-2)
        .some((p) => p.diagnostics.length === 0),
      'never cleared in between',
    );
  });

  test('a file that is no longer there loses its diagnostics at the next check', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    workspace(dir);
    await client.connection.sendRequest('segdoc/checkWorkspace', {});
    // Without `folders` the request walks the initialize folders, and this client sent none.
    assert.equal(client.publishes.length, 0);
    await client.connection.sendRequest('segdoc/checkWorkspace', { folders: [uri('')] });
    rmSync(path.join(dir, 'personas/dana.persona.md'));
    const before = client.publishes.length;
    await client.connection.sendRequest('segdoc/checkWorkspace', { folders: [uri('')] });
    const dana = client.publishes.slice(before).find((p) => p.uri === uri('personas/dana.persona.md'));
    assert.deepEqual(dana?.diagnostics, []);
  });

  test('progress on the token the request carries', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    workspace(dir);
    const values = recordProgress(client, 'check-1');
    await client.connection.sendRequest('segdoc/checkWorkspace', { folders: [uri('')], workDoneToken: 'check-1' });
    assert.equal(values[0]?.kind, 'begin');
    assert.equal((values[0] as WorkDoneProgressBegin).cancellable, true);
    assert.match((values[0] as WorkDoneProgressBegin).title, /segdoc/);
    const reports = values.filter((v): v is WorkDoneProgressReport => v.kind === 'report');
    assert.equal(reports.length, 3, 'one report per Markdown file');
    assert.deepEqual(
      reports.map((r) => r.percentage),
      [0, 33, 66],
    );
    assert.match(reports[2]!.message!, /^3\/3 /);
    assert.equal(values.at(-1)?.kind, 'end');
  });

  test('server-initiated progress when the client supports window/workDoneProgress, none otherwise', LIMIT, async (t) => {
    const capable = await start(t, { capabilities: progressCapabilities() });
    workspace(capable.dir);
    const created: ProgressToken[] = [];
    let values: ProgressValue[] = [];
    capable.client.connection.onRequest(WorkDoneProgressCreateRequest.method, (p: { token: ProgressToken }) => {
      created.push(p.token);
      values = recordProgress(capable.client, p.token);
      return null;
    });
    await capable.client.connection.sendRequest('segdoc/checkWorkspace', { folders: [capable.uri('')] });
    assert.equal(created.length, 1);
    assert.deepEqual([values[0]?.kind, values.at(-1)?.kind], ['begin', 'end']);

    const plain = await start(t);
    workspace(plain.dir);
    let asked = false;
    plain.client.connection.onRequest(WorkDoneProgressCreateRequest.method, () => {
      asked = true;
      return null;
    });
    const result = await plain.client.connection.sendRequest<CheckWorkspaceResult>('segdoc/checkWorkspace', {
      folders: [plain.uri('')],
    });
    assert.equal(result.documents, 2);
    assert.equal(asked, false);
  });

  test('the walk is bounded: symbolic links are not followed', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    workspace(dir);
    const { symlinkSync } = await import('node:fs');
    symlinkSync(dir, path.join(dir, 'loop'), 'dir');
    const result = await client.connection.sendRequest<CheckWorkspaceResult>('segdoc/checkWorkspace', { folders: [uri('')] });
    assert.deepEqual([result.files, result.documents, result.truncated], [3, 2, false]);
  });
});

describe('segdoc/checkWorkspace cancellation', () => {
  /** Enough documents that a cancellation sent at the first report arrives before the last one is checked. */
  function many(dir: string, count: number): void {
    for (let i = 0; i < count; i++)
      write(dir, `personas/p${String(i).padStart(3, '0')}.persona.md`, PERSONA.replace('Dana', `Dana ${i}`));
  }

  test('cancelling the request stops the walk; what was checked stays published', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t);
    many(dir, 300);
    const source = new CancellationTokenSource();
    client.connection.onProgress(WorkDoneProgress.type, 'cancel-me', (v) => {
      if (v.kind === 'report') source.cancel();
    });
    const before = client.publishes.length;
    const outcome = await client.connection
      .sendRequest<CheckWorkspaceResult>(
        'segdoc/checkWorkspace',
        { folders: [uri('')], workDoneToken: 'cancel-me' },
        source.token,
      )
      .then(
        (r) => ({ result: r }),
        (e: unknown) => ({ error: e }),
      );
    const published = client.publishes.length - before;
    t.diagnostic(`published ${published} of 300 before the cancellation took effect; ${JSON.stringify(outcome)}`);
    assert.ok(published < 300, 'the walk stopped before the end');
    if ('result' in outcome) assert.equal(outcome.result.cancelled, true);
  });

  test('the cancel button of server-created progress stops the walk too', LIMIT, async (t) => {
    const { client, dir, uri } = await start(t, { capabilities: progressCapabilities() });
    many(dir, 300);
    client.connection.onRequest(WorkDoneProgressCreateRequest.method, (p: { token: ProgressToken }) => {
      client.connection.onProgress(WorkDoneProgress.type, p.token, (v) => {
        if (v.kind === 'report')
          void client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: p.token });
      });
      return null;
    });
    const before = client.publishes.length;
    const result = await client.connection.sendRequest<CheckWorkspaceResult>('segdoc/checkWorkspace', { folders: [uri('')] });
    assert.equal(result.cancelled, true);
    assert.ok(client.publishes.length - before < 300, 'the walk stopped before the end');
    assert.ok(result.documents < 300);
  });
});
