/**
 * Completion, hover, document symbols and workspace symbols over a real connection (the
 * built server over stdio). Cursor positions are marked with `‸` in the document text (a `|`
 * would be a table pipe) and stripped before the document is opened. Each test starts its
 * own server and waits on answers, never on time.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test, type TestContext } from 'node:test';
import {
  CompletionItemKind,
  CompletionRequest,
  CompletionTriggerKind,
  DidChangeWorkspaceFoldersNotification,
  DocumentSymbolRequest,
  HoverRequest,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  WorkspaceSymbolRequest,
  type ClientCapabilities,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
  type Position,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { builtinKind } from '../../server/src/schemas/builtin';
import { applyEdits, fullCapabilities, LIMIT, root, TestClient, startInFolder, type Started, type StartOptions } from './client';
import { CURSOR, PERSONA, PERSONA_RU } from '../fixtures/authoring/documents';

/** The Role in Decision values of the persona schema. */
const ROLES = builtinKind('persona')!
  .sections.find((s) => s.id === 'buying-process')!
  .fields.find((f) => f.id === 'role-in-decision')!.enum!;

const FIXTURES = path.join(root, 'test', 'fixtures', 'authoring', 'workspace');

/** A client with completion, hover and symbol support (snippets and hierarchy as asked). */
function authoringCapabilities(
  options: { snippets?: boolean; hierarchical?: boolean; labelDetails?: boolean } = {},
): ClientCapabilities {
  const full = fullCapabilities(true);
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return {
    ...full,
    workspace: { ...full.workspace, workspaceFolders: true, symbol: { symbolKind: { valueSet: range(1, 26) as SymbolKind[] } } },
    textDocument: {
      ...full.textDocument,
      completion: {
        completionItem: {
          snippetSupport: options.snippets ?? true,
          documentationFormat: [MarkupKind.Markdown, MarkupKind.PlainText],
          ...(options.labelDetails === false ? {} : { labelDetailsSupport: true }),
        },
        completionItemKind: { valueSet: range(1, 25) as CompletionItemKind[] },
        contextSupport: true,
      },
      hover: { contentFormat: [MarkupKind.Markdown, MarkupKind.PlainText] },
      documentSymbol: {
        hierarchicalDocumentSymbolSupport: options.hierarchical ?? true,
        symbolKind: { valueSet: range(1, 26) as SymbolKind[] },
      },
    },
  };
}

/** A server whose workspace folder is a copy of test/fixtures/authoring/workspace. */
function start(t: TestContext, options: StartOptions = {}): Promise<Started> {
  return startInFolder(t, (folder) => {
    cpSync(FIXTURES, folder.dir, { recursive: true });
    return {
      settings: { debounceMs: 0 },
      capabilities: authoringCapabilities(),
      workspaceFolders: [{ uri: pathToFileURL(folder.dir).href, name: 'workspace' }],
      ...options,
    };
  });
}

/** Opens a document given with a `‸` cursor mark; returns where the mark was. */
async function openMarked(client: TestClient, uri: string, marked: string): Promise<Position> {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, 'the document marks the cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  const before = text.slice(0, offset).split('\n');
  await client.open(uri, text);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

async function complete(client: TestClient, uri: string, position: Position, trigger?: string): Promise<CompletionItem[]> {
  const context = trigger
    ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger }
    : { triggerKind: CompletionTriggerKind.Invoked };
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

/** `SymbolKind` is a namespace of numbers: its names by number, for readable expectations. */
const SYMBOL_KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, n]) => [n as number, name]));
const kindName = (n: SymbolKind): string => SYMBOL_KIND_NAMES.get(n) ?? String(n);

async function hover(client: TestClient, uri: string, position: Position): Promise<string | undefined> {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return h ? (h.contents as MarkupContent).value : undefined;
}

const MATRIX = [
  '# Segment Prioritization: Acme',
  '',
  '## Prioritization Matrix',
  '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
  '|---------|---------------|-----|---------------|----------------|-------|------|',
  '| SMB Operators | 9 | 8 | 9 | 8 | 34 | 1 |',
  '| Hobbyists | 3 | 4 | 5 | 2 | 14 | 3 |',
  '',
].join('\n');

describe('authoring capabilities', () => {
  test('declared only for clients that support them', LIMIT, async (t) => {
    const { client } = await start(t);
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.completionProvider, { triggerCharacters: ['#', ':', ' '], resolveProvider: false });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.documentSymbolProvider, { label: 'segdoc' });
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.deepEqual(caps.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    const plain = await start(t, { capabilities: fullCapabilities(true) });
    const none = plain.client.initializeResult.capabilities;
    assert.deepEqual(
      [none.completionProvider, none.hoverProvider, none.documentSymbolProvider, none.workspaceSymbolProvider, none.workspace],
      [undefined, undefined, undefined, undefined, undefined],
    );
  });
});

describe('completion over stdio', () => {
  test(
    'on an empty line: the missing sections, required ones first and marked, as snippets with the document heading depth',
    LIMIT,
    async (t) => {
      const { client, uri } = await start(t);
      const doc = uri('dana.persona.md');
      const at = await openMarked(client, doc, `${PERSONA}\n${CURSOR}`);
      // In the order of their sortText, as a client lists them.
      const items = (await complete(client, doc, at))
        .filter((i) => i.kind === CompletionItemKind.Module)
        .sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      const present = new Set(['executive-summary', 'demographics', 'buying-process']);
      const missing = builtinKind('persona')!.sections.filter((s) => !present.has(s.id));
      assert.deepEqual(labels(items), [
        ...missing.filter((s) => s.required).map((s) => s.title.en),
        ...missing.filter((s) => !s.required && s.recommended).map((s) => s.title.en),
        ...missing.filter((s) => !s.required && !s.recommended).map((s) => s.title.en),
      ]);
      const goals = items.find((i) => i.label === 'Goals & Responsibilities')!;
      assert.equal(items[0], goals);
      assert.equal(goals.detail, 'Required section');
      assert.deepEqual(goals.labelDetails, { description: 'required section' });
      assert.deepEqual(items.find((i) => i.label === 'Quote')!.labelDetails, { description: 'recommended section' });
      assert.equal(items.find((i) => i.label === 'Psychographics')!.labelDetails, undefined);
      assert.equal(goals.insertTextFormat, InsertTextFormat.Snippet);
      const edit = goals.textEdit as TextEdit;
      assert.deepEqual(edit.range, { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } });
      assert.match(edit.newText, /^## Goals & Responsibilities\n\n- \*\*Primary Goal\*\*: \$\{1:\[What success looks like\]\}/);
      assert.equal((goals.documentation as MarkupContent).kind, MarkupKind.Markdown);
    },
  );

  test(
    'after `#`: headings only; plain text for a client without snippets, no label details for a client without them',
    LIMIT,
    async (t) => {
      const { client, uri } = await start(t, { capabilities: authoringCapabilities({ snippets: false, labelDetails: false }) });
      const doc = uri('dana.persona.md');
      const at = await openMarked(client, doc, `${PERSONA}\n#${CURSOR}`);
      const items = await complete(client, doc, at, '#');
      assert.ok(items.length > 0 && items.every((i) => i.kind === CompletionItemKind.Module));
      const pains = items.find((i) => i.label === 'Pain Points')!;
      assert.equal(pains.insertTextFormat, InsertTextFormat.PlainText);
      assert.deepEqual([pains.labelDetails, pains.detail], [undefined, 'Required section']);
      assert.equal(pains.filterText, '# Pain Points');
      const text = applyEdits(client.text(doc), [pains.textEdit as TextEdit]);
      assert.ok(
        text.endsWith(`\n## Pain Points\n\n${builtinKind('persona')!.sections.find((s) => s.id === 'pain-points')!.template.en}`),
        text,
      );
    },
  );

  test('field names the section lacks, with their descriptions', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('dana.persona.md');
    const at = await openMarked(
      client,
      doc,
      PERSONA.replace('- **Company Size**: Mid-Market\n', `- **Company Size**: Mid-Market\n- ${CURSOR}\n`),
    );
    const items = await complete(client, doc, at);
    assert.deepEqual(labels(items), ['Industry', 'Reporting To', 'Team Size', 'Experience']);
    assert.equal(items[0]!.kind, CompletionItemKind.Field);
    assert.equal(items[0]!.detail, 'Required field · Demographics');
    assert.deepEqual(items[0]!.documentation, {
      kind: MarkupKind.Markdown,
      value: 'The verticals where this persona is common.',
    });
    assert.deepEqual(items[0]!.textEdit, { range: { start: at, end: at }, newText: '**Industry**: ' });
    // A space after a list marker does not pop field names up.
    assert.deepEqual(await complete(client, doc, at, ' '), []);
  });

  test('enum values in English and in Russian documents', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const en = uri('dana.persona.md');
    const enAt = await openMarked(
      client,
      en,
      PERSONA.replace('- **Role in Decision**: Economic buyer', `- **Role in Decision**:${CURSOR}`),
    );
    const enItems = await complete(client, en, enAt, ':');
    // Every role the persona schema allows, in its order (the six of the persona template first).
    assert.deepEqual(labels(enItems), ROLES);
    assert.equal(enItems[0]!.kind, CompletionItemKind.EnumMember);
    assert.deepEqual(enItems[0]!.textEdit, { range: { start: enAt, end: enAt }, newText: ' Economic buyer' });

    const ru = uri('irina.persona.md');
    const ruAt = await openMarked(client, ru, PERSONA_RU.replace('- **Роль в решении**: ЛПР', `- **Роль в решении**: ${CURSOR}`));
    const ruItems = await complete(client, ru, ruAt, ' ');
    assert.deepEqual(labels(ruItems).slice(0, 6), [
      'Экономический покупатель',
      'Технический оценщик',
      'Влияющий',
      'Пользователь',
      'ЛПР',
      'Привратник',
    ]);
    assert.deepEqual(labels(ruItems).slice(ROLES.length), ROLES);
    assert.equal(ruItems[0]!.detail, 'Роль в решении · Economic buyer');
  });

  test('segment names from another open document and from a workspace file', LIMIT, async (t) => {
    const { client, uri, dir } = await start(t);
    // A segmentation document open in the editor, not saved anywhere.
    await client.open(
      'untitled:Untitled-1',
      [
        '# Customer Segmentation Analysis: Draft',
        '',
        '## Target Segments',
        '',
        '### Segment 1: Solo Consultants',
        '- **Size**: 40,000 consultants',
        '',
      ].join('\n'),
    );
    // Files the walk must skip.
    for (const skipped of ['node_modules/pkg', '.archive']) {
      mkdirSync(path.join(dir, skipped), { recursive: true });
      writeFileSync(
        path.join(dir, skipped, 'x.segmentation.md'),
        '# Customer Segmentation Analysis: X\n\n## Target Segments\n\n### Segment 1: Hidden Segment\n',
      );
    }
    const doc = uri('personas/new.persona.md');
    const at = await openMarked(client, doc, PERSONA.replace('**Segment**: Mid-Market Platform Teams', `**Segment**: ${CURSOR}`));
    const items = await complete(client, doc, at, ' ');
    assert.deepEqual(labels(items), ['Solo Consultants', 'Cloud-Native Startups', 'Regulated FinTech']);
    assert.equal(items[0]!.kind, CompletionItemKind.Reference);
    assert.equal(items[1]!.detail, 'Segment · stratus.segmentation.md');
    assert.deepEqual(items[1]!.textEdit, {
      range: { start: at, end: { line: at.line, character: at.character } },
      newText: 'Cloud-Native Startups',
    });
  });

  test('workspace folders added later are walked too', LIMIT, async (t) => {
    const { client, uri, dir } = await start(t, { workspaceFolders: [] });
    const doc = uri('dana2.persona.md');
    const at = await openMarked(client, doc, PERSONA.replace('**Segment**: Mid-Market Platform Teams', `**Segment**: ${CURSOR}`));
    assert.deepEqual(await complete(client, doc, at, ' '), []);
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(path.join(dir, 'analysis')).href, name: 'analysis' }], removed: [] },
    });
    assert.deepEqual(labels(await complete(client, doc, at, ' ')), ['Cloud-Native Startups', 'Regulated FinTech']);
  });
});

describe('hover over stdio', () => {
  test('a heading, a field, a matrix row and a rule id in a disable comment', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const persona = uri('dana.persona.md');
    const text = PERSONA.replace('## Buying Process', '<!-- segdoc-disable-next-line required-field -->\n## Buying Process');
    await client.open(persona, text);
    const heading = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: persona },
      position: { line: 6, character: 5 },
    });
    assert.ok(heading);
    assert.deepEqual(heading.range, { start: { line: 6, character: 3 }, end: { line: 6, character: 15 } });
    assert.equal((heading.contents as MarkupContent).kind, MarkupKind.Markdown);
    assert.match(
      (heading.contents as MarkupContent).value,
      /^\*\*Demographics\*\* · Required section\n\n.*\n\nMust contain: \*\*Job Title\*\*, \*\*Company Size\*\*, \*\*Industry\*\*\n\nMissing here: Industry$/s,
    );
    assert.match(
      (await hover(client, persona, { line: 12, character: 8 }))!,
      /^\*\*Role in Decision\*\* · Required field of Buying Process\n\n[^]*Allowed values: Economic buyer, /,
    );
    assert.match((await hover(client, persona, { line: 10, character: 40 }))!, /^\*\*segdoc rule `required-field`\*\*\n\n/);
    assert.equal(await hover(client, persona, { line: 7, character: 25 }), undefined);

    const matrix = uri('acme.prioritization.md');
    await client.open(matrix, MATRIX);
    assert.equal(
      await hover(client, matrix, { line: 5, character: 20 }),
      [
        '**SMB Operators**',
        '',
        '9 + 8 + 9 + 8 = **34** → **Tier 1**',
        '',
        'Attractiveness: 9 · Fit: 8 · Accessibility: 9 · Strategic Value: 8',
        '',
        'Tiers: Tier 1 ≥ 30 · Tier 2 20–29 · Tier 3 < 20',
      ].join('\n'),
    );
  });

  test('in Russian for a Russian locale', LIMIT, async (t) => {
    const { client, uri } = await start(t, { locale: 'ru' });
    const persona = uri('dana.persona.md');
    await client.open(persona, PERSONA);
    assert.match(
      (await hover(client, persona, { line: 6, character: 5 }))!,
      /^\*\*Демография\*\* · Обязательный раздел\n\n[^]*Здесь не хватает: Отрасль$/,
    );
    const matrix = uri('acme.prioritization.md');
    await client.open(matrix, MATRIX);
    assert.match(
      (await hover(client, matrix, { line: 6, character: 3 }))!,
      /3 \+ 4 \+ 5 \+ 2 = \*\*14\*\* → \*\*Уровень 3\*\*[^]*Уровни: Уровень 1 ≥ 30 · Уровень 2 20–29 · Уровень 3 < 20$/,
    );
  });
});

describe('symbols over stdio', () => {
  const SEGMENTATION = [
    '# Customer Segmentation Analysis: Acme',
    '',
    '## Target Segments',
    '',
    '### Segment 1: SMB Operators',
    '- **Size**: 8,000 companies',
    '',
    '## Segment Prioritization',
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
    '|---------|---------------|-----|---------------|----------------|-------|------|',
    '| SMB Operators | 9 | 8 | 9 | 8 | 34 | 1 |',
    '',
  ].join('\n');

  test('document symbols: the section tree with segments and matrix rows', LIMIT, async (t) => {
    const { client, uri } = await start(t);
    const doc = uri('acme.segmentation.md');
    await client.open(doc, SEGMENTATION);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: doc },
    })) as DocumentSymbol[];
    const show = (list: DocumentSymbol[], depth = 0): string[] =>
      list.flatMap((s) => [
        `${'  '.repeat(depth)}${kindName(s.kind)} ${s.name}${s.detail ? ` [${s.detail}]` : ''}`,
        ...show(s.children ?? [], depth + 1),
      ]);
    assert.deepEqual(show(symbols), [
      'String Customer Segmentation Analysis: Acme [Segmentation analysis]',
      '  String Target Segments',
      '    Class SMB Operators [1/5 criteria]',
      '  String Segment Prioritization',
      '    Number SMB Operators [Total 34 · Tier 1]',
    ]);
    const segment = symbols[0]!.children![0]!.children![0]!;
    assert.deepEqual(segment.range, { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } });
    assert.deepEqual(segment.selectionRange, { start: { line: 4, character: 15 }, end: { line: 4, character: 28 } });
    const row = symbols[0]!.children![1]!.children![0]!;
    assert.deepEqual(row.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 42 } });
  });

  test('a persona document is the persona; flat symbols for clients without hierarchy', LIMIT, async (t) => {
    const { client, uri } = await start(t, { capabilities: authoringCapabilities({ hierarchical: false }) });
    const doc = uri('dana.persona.md');
    await client.open(doc, PERSONA);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: doc },
    })) as SymbolInformation[];
    assert.deepEqual(
      symbols.map((s) => `${kindName(s.kind)} ${s.name} < ${s.containerName ?? ''} @${s.location.range.start.line}`),
      [
        'Object Dana - Platform Lead <  @0',
        'String Executive Summary < Dana - Platform Lead @2',
        'String Demographics < Dana - Platform Lead @6',
        'String Buying Process < Dana - Platform Lead @10',
      ],
    );
  });

  test(
    'workspace symbols: personas and segments of open documents and workspace files, filtered by the query',
    LIMIT,
    async (t) => {
      const { client, uri, dir } = await start(t);
      const open = uri('acme.segmentation.md');
      await client.open(open, SEGMENTATION);
      const query = async (q: string): Promise<string[]> => {
        const result = ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: q })) ??
          []) as SymbolInformation[];
        return result.map(
          (s) =>
            `${kindName(s.kind)} ${s.name} (${path.relative(dir, new URL(s.location.uri).pathname)}:${s.location.range.start.line})`,
        );
      };
      assert.deepEqual(await query(''), [
        'Class SMB Operators (acme.segmentation.md:4)',
        'Class Cloud-Native Startups (analysis/stratus.segmentation.md:9)',
        'Class Regulated FinTech (analysis/stratus.segmentation.md:16)',
        'Object DevOps Dana - Platform Engineering Lead (personas/dana.persona.md:0)',
      ]);
      assert.deepEqual(await query('fintech'), ['Class Regulated FinTech (analysis/stratus.segmentation.md:16)']);
      assert.deepEqual(await query('dana'), ['Object DevOps Dana - Platform Engineering Lead (personas/dana.persona.md:0)']);
    },
  );
});
