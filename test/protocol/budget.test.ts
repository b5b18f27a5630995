/**
 * Checks off the thread that answers the client (issue 10): chunks are parsed in worker
 * threads (services/parse-pool.ts), each within a budget.
 *
 * - In process, with the pre-parse bounds lifted so that micromark's quadratic paths are
 *   really reached, and a small budget: the slow part is one parse-limit diagnostic at its
 *   heading, the rest of the document is still checked, an edit elsewhere does not pay the
 *   budget again, and while the slow part is read the server answers a hover on another
 *   document first.
 * - The built server over stdio, with its default limits and budget: every pathological
 *   family at 100 KB and 1 MB is answered with a parse-limit diagnostic, and a hover on
 *   another document sent after it is answered (first, for the 1 MB ones).
 *
 * Order and answers are asserted, never times.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { HoverRequest, MarkupKind, MessageType, type Hover } from 'vscode-languageserver-protocol';
import { startServer } from '../../server/src/lsp/server';
import { DEFAULT_LIMITS, type ParseLimits } from '../../server/src/parse/markdown';
import { FAMILIES } from '../fixtures/pathological';
import { fullCapabilities, inMemoryPipes, messageOf, ofRule, startInFolder, tempFolder, TestClient } from './client';

/** The pre-parse bounds lifted: what micromark does with these shapes unbounded. */
const UNBOUNDED: ParseLimits = {
  ...DEFAULT_LIMITS,
  maxSetextCost: Infinity,
  maxEmphasisCost: Infinity,
  maxBracketCost: Infinity,
  maxHtmlCost: Infinity,
  maxCodeCost: Infinity,
};
const BUDGET_MS = 300;
const full = fullCapabilities(true);
const HOVER = { ...full, textDocument: { ...full.textDocument, hover: { contentFormat: [MarkupKind.Markdown] } } };

const GOOD = '# Persona: Mia\n\n## Demographics\n\n- **Job Title**: Office manager\n';
/** A persona whose Notes hold 40 KB of setext headings: about 20 s of micromark unbounded. */
const SLOW =
  '# Persona: Dana\n\n## Notes\n\n' + 'a\n=\n'.repeat(10_000) + '\n## Goals & Motivations\n\n- **Primary Goal**: [Goal]\n';

async function inProcess(t: {
  after(fn: () => Promise<void>): void;
}): Promise<{ client: TestClient; folder: ReturnType<typeof tempFolder> }> {
  const pipes = inMemoryPipes();
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(pipes.toServer),
    new StreamMessageWriter(pipes.toClient),
  );
  startServer(connection, { parseBudgetMs: BUDGET_MS, limits: UNBOUNDED });
  const folder = tempFolder();
  const client = await TestClient.start({ settings: { debounceMs: 0 }, capabilities: HOVER, transport: pipes.transport });
  t.after(async () => {
    await client.stop();
    connection.dispose();
    folder.cleanup();
  });
  return { client, folder };
}

const hoverAt = (client: TestClient, uri: string): Promise<Hover | null> =>
  client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 6 } });

describe('parsing within a budget, off the main thread', () => {
  test(
    'a part too slow to read is one parse-limit at its heading; the rest is checked; the server answers meanwhile',
    { timeout: 120_000 },
    async (t) => {
      const { client, folder } = await inProcess(t);
      const other = folder.uri('mia.persona.md');
      const slow = folder.uri('dana.persona.md');
      await client.open(other, GOOD);
      await client.diagnosticsFor(other, 1);

      const events: string[] = [];
      const published = client.diagnosticsFor(slow, 1).then((p) => {
        events.push('slow diagnostics');
        return p;
      });
      await client.open(slow, SLOW);
      const hover = await hoverAt(client, other);
      events.push('hover');
      assert.ok(hover, 'the hover on the other document is answered');
      const p = await published;
      assert.deepEqual(events, ['hover', 'slow diagnostics'], 'the hover is answered while the slow document is read');

      const limit = ofRule(p, 'parse-limit');
      assert.equal(limit.length, 1, JSON.stringify(p.diagnostics.map(messageOf)));
      const line = limit[0]!.range.start.line;
      const lines = SLOW.split('\n');
      assert.ok(
        line >= lines.indexOf('## Notes') && line < lines.indexOf('## Goals & Motivations'),
        `in the slow section, not line ${line}`,
      );
      assert.match(messageOf(limit[0]!), new RegExp(`longer than ${BUDGET_MS} ms`));
      // The section after the slow part was read and checked: its placeholder is reported.
      const goalsLine = SLOW.split('\n').indexOf('- **Primary Goal**: [Goal]');
      assert.ok(
        ofRule(p, 'placeholder').some((d) => d.range.start.line === goalsLine),
        `a placeholder finding on line ${goalsLine}: ${JSON.stringify(p.diagnostics.map((d) => [d.code, d.range.start.line]))}`,
      );
      const stopped = client.logs.filter((l) => l.type === MessageType.Warning && /took longer than/.test(l.message)).length;
      assert.ok(stopped >= 1, 'the stop is logged');

      // An edit after the slow part: the slow part is not read again (no new stop), and the
      // edit is checked (the placeholder is gone).
      const lastLine = SLOW.split('\n').length - 2;
      const version = await client.change(slow, [
        {
          range: { start: { line: lastLine, character: 20 }, end: { line: lastLine, character: 26 } },
          text: 'Ship a release every week',
        },
      ]);
      const after = await client.diagnosticsFor(slow, version);
      assert.equal(ofRule(after, 'parse-limit').length, 1);
      assert.ok(!ofRule(after, 'placeholder').some((d) => d.range.start.line === goalsLine), 'the edit was checked');
      assert.equal(
        client.logs.filter((l) => l.type === MessageType.Warning && /took longer than/.test(l.message)).length,
        stopped,
        'the slow part did not pay the budget again',
      );
    },
  );
});

describe('pathological documents through the built server', () => {
  for (const size of [96 * 1024, 1024 * 1024]) {
    test(
      `every family at ${size / 1024} KB gets a parse-limit diagnostic, and a hover on another document is answered${size > 100_000 ? ' first' : ''}`,
      { timeout: 180_000 },
      async (t) => {
        const { client, uri } = await startInFolder(t, { settings: { debounceMs: 0 }, capabilities: HOVER });
        const other = uri('mia.persona.md');
        await client.open(other, GOOD);
        await client.diagnosticsFor(other, 1);
        for (const [name, family] of Object.entries(FAMILIES)) {
          const doc = uri(`${name.replace(/\W+/g, '-')}.persona.md`);
          const text = '# Persona: Dana\n\n## Notes\n\n' + family.make(size) + '\n\n## Goals\n\n- **Primary Goal**: ship\n';
          const events: string[] = [];
          const published = client.diagnosticsFor(doc, 1).then((p) => {
            events.push('diagnostics');
            return p;
          });
          await client.open(doc, text);
          assert.ok(await hoverAt(client, other), `${name}: the hover is answered`);
          events.push('hover');
          const p = await published;
          assert.equal(ofRule(p, 'parse-limit').length, 1, `${name}: ${JSON.stringify(p.diagnostics.map(messageOf))}`);
          if (size > 100_000)
            assert.deepEqual(events, ['hover', 'diagnostics'], `${name}: the hover does not wait for the document`);
          await client.close(doc);
        }
      },
    );
  }
});
