/**
 * Fuzzing segdoc the way a careless writer would (issue 10, "How it is checked"):
 *
 * 1. random incremental edits through the real server (dist/server.js over stdio): after each
 *    batch, the diagnostics published for the last version are inside the document, carry
 *    that version, and equal a fresh `lint()` of the same text in this process; the server
 *    never crashes and never logs an error;
 * 2. mutated documents through the CLI (in process, `--format json`): exit 0 or 1, every file
 *    listed (in `files` or `skipped`), no internal error.
 *
 * Random configurations through the config loader are test/unit/hostile-config.test.ts.
 *
 * `npm test` runs a few cases with a fixed seed; `npm run fuzz` runs many (FUZZ_RUNS=500).
 * FUZZ_RUNS and FUZZ_SEED choose the count and the seed; a failure prints the seed and the
 * shrunk counterexample to reproduce it with.
 */
import { workspaceModel } from '../../server/src/rules/workspace/model';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { runCli } from '../../server/src/cli/run';
import { lint, type LintResult } from '../../server/src/services/engine';
import { summarizeResult } from '../../server/src/services/symbols';
import { ensureBuilt } from '../cli/run-cli';
import { messageOf, root, startInFolder } from './client';

const RUNS = process.env['FUZZ_RUNS'] !== undefined ? Number(process.env['FUZZ_RUNS']) : undefined;
const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : 20261201;
/** `npm test` runs `small` cases; FUZZ_RUNS runs that many instead. */
const params = (small: number): fc.Parameters<unknown> => ({ numRuns: RUNS ?? small, seed: SEED, endOnFailure: true });
/** The long run gets a timeout to match (a protocol test normally has 30 s). */
const TIMEOUT = { timeout: RUNS !== undefined ? Math.max(60_000, RUNS * 4_000) : 60_000 };

// ---------------------------------------------------------------------------------------
// Documents and the pieces inserted into them

const SOURCES = [
  'test/fixtures/realistic/good-derek.persona.md',
  'test/fixtures/realistic/bad-nadia.persona.md',
  'test/fixtures/realistic/good-shiftly.segmentation.md',
  'test/fixtures/realistic/bad-fieldwise.prioritization.md',
  'test/fixtures/realistic/good-quillmate-regions.gtm.md',
  'examples/en/devops-dana.persona.md',
  'examples/ru/irina-dba.persona.md',
  'examples/ru/severnoe-oblako.segmentation.md',
  'examples/en/stratus-cloud.prioritization.md',
].map((p) => ({ name: path.basename(p), text: readFileSync(path.join(root, p), 'utf8') }));

const ALL_TEXT = SOURCES.map((s) => s.text).join('\n');

const MARKERS = [
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '# ',
  '\n## ',
  '\n### Pain Points\n',
  '\n## Боли\n',
  '- ',
  '\n1. ',
  '**',
  '*',
  '_',
  '`',
  '```\n',
  '\n---\n',
  '---\nsegdoc: persona\n---\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '|',
  '> ',
  '<!-- ',
  ' -->',
  '<!-- segdoc-disable -->',
  '[',
  ']',
  '](https://example.com)',
  '[Placeholder]',
  'TAM $180M',
  '12,000 × $15k',
  '1,5 млн ₽',
  '👩‍💻 ',
  '🚀',
  '\uD83D',
  '\u00A0',
  '\t',
  'Ёжик ',
  'Цели и обязанности',
  '\uFEFF',
];

/** Text to insert: a marker, random unicode, or a slice of another document. */
const insertion: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 600 })).map(([at, len]) => {
      const start = Math.floor(at * ALL_TEXT.length);
      return ALL_TEXT.slice(start, start + len);
    }),
  },
);

/** An edit as fractions of the current text, so that it applies to whatever text there is. */
interface Edit {
  at: number;
  /** Characters deleted, as a share of the text (mostly small). */
  cut: number;
  text: string;
}
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.oneof(
    { weight: 5, arbitrary: fc.constant(0) },
    { weight: 4, arbitrary: fc.double({ min: 0, max: 0.02, noNaN: true }) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 0.5, noNaN: true }) },
  ),
  text: fc.oneof({ weight: 3, arbitrary: insertion }, { weight: 1, arbitrary: fc.constant('') }),
});

function toChange(text: string, e: Edit): TextDocumentContentChangeEvent {
  const doc = TextDocument.create('untitled:x', 'markdown', 0, text);
  const start = Math.floor(e.at * text.length);
  const end = Math.min(text.length, start + Math.floor(e.cut * text.length));
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text };
}

// ---------------------------------------------------------------------------------------
// Invariants

/** Lines as the protocol counts them (CRLF, CR and LF all end a line), without their ends. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function assertInside(p: PublishDiagnosticsParams, text: string): void {
  const lines = linesOf(text);
  for (const d of p.diagnostics) {
    for (const pos of [d.range.start, d.range.end]) {
      assert.ok(
        pos.line >= 0 && pos.line < lines.length,
        `line ${pos.line} outside ${lines.length} lines (${String(d.code)}: ${messageOf(d)})`,
      );
      assert.ok(
        pos.character >= 0 && pos.character <= lines[pos.line]!.length,
        `character ${pos.character} past line ${pos.line} of ${lines[pos.line]!.length} (${String(d.code)}: ${messageOf(d)})`,
      );
    }
    const s = d.range.start;
    const e = d.range.end;
    assert.ok(
      s.line < e.line || (s.line === e.line && s.character <= e.character),
      `range ends before it starts (${String(d.code)})`,
    );
  }
}

type Seen = Array<[unknown, number, number, number, number, string]>;

function seenOfPublish(p: PublishDiagnosticsParams): Seen {
  return p.diagnostics.map((d) => [
    d.code,
    d.range.start.line,
    d.range.start.character,
    d.range.end.line,
    d.range.end.character,
    messageOf(d),
  ]);
}

function seenOfLint(r: LintResult): Seen {
  return r.findings.map((f) => [
    f.rule,
    f.range.start.line,
    f.range.start.character,
    f.range.end.line,
    f.range.end.character,
    f.message,
  ]);
}

/**
 * A fresh lint of `text` as the server checks its only open document: the path from its URI,
 * no config (the temp folder has none), English, and as the workspace's segments the ones
 * that document defines (the server knows no folder, so its open documents are the
 * workspace; see lsp/workspace-segments.ts).
 */
function freshLint(text: string, file: string): LintResult {
  return freshLintAll([{ text, file }])[0]!;
}

// ---------------------------------------------------------------------------------------
// 1. Random edits through the server

describe('fuzz: random edits through the server', () => {
  test('diagnostics stay inside the document, carry the last version and equal a fresh lint', TIMEOUT, async (t) => {
    ensureBuilt();
    const { client, dir, uri } = await startInFolder(t, { settings: { debounceMs: 0 }, locale: 'en' });
    let opened = 0;
    let republished = 0;
    let findings = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SOURCES),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        async (source, batches) => {
          // A new document for every case, so that a shrunk case starts from the fixture.
          const name = `case-${++opened}-${source.name}`;
          const docUri = uri(name);
          const file = path.join(dir, name);
          await client.open(docUri, source.text);
          try {
            for (const batch of batches) {
              let version = 0;
              for (const e of batch) version = await client.change(docUri, [toChange(client.text(docUri), e)]);
              const text = client.text(docUri);
              let p = await client.diagnosticsFor(docUri, version);
              assert.equal(p.version, version);
              assertInside(p, text);
              const expected = seenOfLint(freshLint(text, file));
              // The workspace's segments are refreshed after a check that changes them and the
              // document is checked again: the same version may be published once more.
              for (let again = 0; again < 3 && JSON.stringify(seenOfPublish(p)) !== JSON.stringify(expected); again++) {
                let timer: NodeJS.Timeout | undefined;
                const next = await Promise.race([
                  client.diagnostics(docUri, (q) => q.version === version),
                  new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), 2000))),
                ]);
                clearTimeout(timer);
                if (!next) break;
                republished++;
                p = next;
                assertInside(p, text);
              }
              findings += expected.length;
              assert.deepStrictEqual(
                seenOfPublish(p),
                expected,
                `server diagnostics differ from a fresh lint of ${JSON.stringify(text)}`,
              );
            }
          } finally {
            await client.close(docUri);
          }
          const errors = client.logs.filter((l) => l.type === 1);
          assert.deepEqual(errors, [], 'the server logged an error');
        },
      ),
      params(20),
    );
    t.diagnostic(`${opened} documents, ${findings} findings compared, ${republished} re-publishes awaited`);
    assert.ok(findings > 0, 'the edited documents had findings to compare');
  });
});

/** Fresh lints of several documents open together: each with the segments all of them define. */
function freshLintAll(docs: Array<{ text: string; file: string }>): LintResult[] {
  // The server's workspace model of its open documents (lsp/workspace-segments.ts): by URI, named by file name.
  const id = (file: string): string => pathToFileURL(file).href;
  const model = workspaceModel(
    docs.flatMap(({ text, file }) => {
      const summary = summarizeResult(lint(text, { path: file, locale: 'en', cache: null }));
      return summary ? [{ id: id(file), source: path.basename(file), facts: summary.facts }] : [];
    }),
  );
  return docs.map(({ text, file }) =>
    lint(text, { path: file, locale: 'en', cache: null, workspace: { model, self: id(file) } }),
  );
}

describe('fuzz: edits across documents open together', () => {
  test(
    'a segmentation and a persona edited in turn: each ends with a fresh lint against the segments of both',
    TIMEOUT,
    async (t) => {
      ensureBuilt();
      const { client, dir, uri } = await startInFolder(t, { settings: { debounceMs: 0 }, locale: 'en' });
      const pairs = [
        ['good-shiftly.segmentation.md', 'good-derek.persona.md'],
        ['severnoe-oblako.segmentation.md', 'irina-dba.persona.md'],
      ].map(([a, b]) => [SOURCES.find((s) => s.name === a)!, SOURCES.find((s) => s.name === b)!] as const);
      let opened = 0;
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...pairs),
          fc.array(fc.record({ which: fc.constantFrom(0, 1), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) }), {
            minLength: 1,
            maxLength: 4,
          }),
          async (pair, batches) => {
            const n = ++opened;
            const docs = pair.map((source) => ({ name: `pair-${n}-${source.name}`, source }));
            const uris = docs.map((d) => uri(d.name));
            const files = docs.map((d) => path.join(dir, d.name));
            for (const [i, d] of docs.entries()) {
              await client.open(uris[i]!, d.source.text);
              await client.diagnosticsFor(uris[i]!, 1);
            }
            try {
              for (const batch of batches) {
                const target = uris[batch.which]!;
                let version = 0;
                for (const e of batch.edits) version = await client.change(target, [toChange(client.text(target), e)]);
                await client.diagnosticsFor(target, version);
                const expected = freshLintAll(uris.map((u, i) => ({ text: client.text(u), file: files[i]! }))).map(seenOfLint);
                for (const [i, u] of uris.entries()) {
                  // The other document is checked again when the segments it uses change: wait
                  // (a bounded while) for its diagnostics to settle.
                  const latest = (): PublishDiagnosticsParams => client.publishesOf(u).at(-1)!;
                  for (
                    let waited = 0;
                    waited < 30 && JSON.stringify(seenOfPublish(latest())) !== JSON.stringify(expected[i]);
                    waited++
                  ) {
                    await new Promise((r) => setTimeout(r, 100));
                  }
                  const p = latest();
                  assert.equal(p.version, client.version(u));
                  assertInside(p, client.text(u));
                  assert.deepStrictEqual(
                    seenOfPublish(p),
                    expected[i],
                    `${docs[i]!.name} differs from a fresh lint after edits of ${docs[batch.which]!.name}`,
                  );
                  compared += expected[i]!.length;
                }
              }
            } finally {
              for (const u of uris) await client.close(u);
            }
            assert.deepEqual(
              client.logs.filter((l) => l.type === 1),
              [],
              'the server logged an error',
            );
          },
        ),
        params(8),
      );
      t.diagnostic(`${opened} pairs, ${compared} findings compared`);
      assert.ok(compared > 0);
    },
  );
});

// ---------------------------------------------------------------------------------------
// 2. Mutated documents through the CLI

type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'crlf' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    count: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    count: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('swap' as const),
    a: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: insertion }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('crlf' as const) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (f: number): number => Math.min(lines.length - 1, Math.floor(f * lines.length));
  switch (m.kind) {
    case 'delete':
      lines.splice(line(m.at), m.count);
      return lines.join('\n');
    case 'duplicate': {
      const i = line(m.at);
      lines.splice(i, 0, ...lines.slice(i, i + m.count));
      return lines.join('\n');
    }
    case 'swap': {
      const a = line(m.a);
      const b = line(m.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'insert': {
      const at = Math.floor(m.at * text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
  }
}

interface JsonReport {
  files: Array<{
    path: string;
    diagnostics: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
  }>;
  skipped: Array<{ path: string; reason: string }>;
}

describe('fuzz: mutated documents through the CLI', () => {
  test('exit 0 or 1, every file listed, no internal error, ranges inside the file', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...SOURCES), { minLength: 1, maxLength: 4, selector: (s) => s.name }),
        fc.array(fc.array(mutation, { maxLength: 6 }), { minLength: 4, maxLength: 4 }),
        async (sources, mutations) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'segdoc-fuzz-'));
          try {
            const texts = new Map<string, string>();
            sources.forEach((s, i) => {
              const text = mutations[i]!.reduce(mutate, s.text);
              writeFileSync(path.join(dir, s.name), text);
              texts.set(s.name, text);
            });
            let stdout = '';
            let stderr = '';
            const code = await runCli(['check', '--format', 'json', ...sources.map((s) => s.name)], {
              cwd: dir,
              env: { SEGDOC_TODAY: '2026-11-23', LANG: 'C' },
              stdout: { write: (s: string) => (stdout += s) },
              stderr: { write: (s: string) => (stderr += s) },
            });
            assert.ok(code === 0 || code === 1, `exit ${code}; stderr: ${stderr}`);
            assert.doesNotMatch(stderr, /internal error/i);
            const report = JSON.parse(stdout) as JsonReport;
            const listed = [...report.files.map((f) => f.path), ...report.skipped.map((f) => f.path)].sort();
            assert.deepEqual(listed, [...texts.keys()].sort(), 'every file named is listed once');
            for (const f of report.files) {
              const lines = linesOf(texts.get(f.path)!);
              for (const d of f.diagnostics) {
                for (const pos of [d.range.start, d.range.end]) {
                  assert.ok(
                    pos.line < lines.length && pos.character <= lines[pos.line]!.length,
                    `${f.path}: ${JSON.stringify(d)} outside the file`,
                  );
                }
              }
            }
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      params(60),
    );
  });
});
