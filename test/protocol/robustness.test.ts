/**
 * The server stays up and says what went wrong: a rule that throws is logged and the other
 * rules' findings still arrive; and the bundle also runs over node IPC, the transport the
 * VS Code client uses. It keeps to the protocol's lifecycle: nothing before `initialize`,
 * one `initialize`, nothing after `shutdown` (lsp/lifecycle.ts), in process and over stdio.
 */
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import {
  DocumentSymbolRequest,
  ErrorCodes,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  MessageType,
  PublishDiagnosticsNotification,
  ResponseError,
  ShutdownRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader as ClientReader,
  StreamMessageWriter as ClientWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver-protocol/node';
import requiredSection from '../../server/src/rules/required-section';
import { defineRule, type Rule } from '../../server/src/rules/types';
import { LifecycleGate } from '../../server/src/lsp/lifecycle';
import { startServer } from '../../server/src/lsp/server';
import { fsPathOf, uriOfPath } from '../../server/src/lsp/uri';
import type { CheckWorkspaceResult } from '../../server/src/protocol';
import { fullCapabilities, inMemoryPipes, ofRule, serverPath, TestClient, tempFolder, LIMIT } from './client';
import { MISSING, PAIN_POINTS, PERSONA } from './docs';

/**
 * A raw protocol connection to a server process, closed (and the process killed if it still
 * runs) after the test, with the folder removed.
 */
function connect(
  t: { after(fn: () => Promise<void>): void },
  child: ChildProcess,
  reader: MessageReader,
  writer: MessageWriter,
  folder: { cleanup(): void },
): { connection: ProtocolConnection; exited: Promise<number | null> } {
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const connection = createProtocolConnection(reader, writer);
  connection.listen();
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
    connection.dispose();
    folder.cleanup();
  });
  return { connection, exited };
}

/** The server in this process (with `options`), a client talking to it, and a temp folder; all closed after the test. */
async function inProcess(
  t: { after(fn: () => Promise<void>): void },
  options: Parameters<typeof startServer>[1] = {},
): Promise<{ client: TestClient; folder: ReturnType<typeof tempFolder> }> {
  const pipes = inMemoryPipes();
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(pipes.toServer),
    new StreamMessageWriter(pipes.toClient),
  );
  startServer(connection, options);
  const folder = tempFolder();
  const client = await TestClient.start({ settings: { debounceMs: 0 }, transport: pipes.transport });
  t.after(async () => {
    await client.stop();
    connection.dispose();
    folder.cleanup();
  });
  return { client, folder };
}

const boom = defineRule({
  id: 'boom',
  severity: 'error',
  description: 'Always throws.',
  messages: {},
  check() {
    throw new Error('kaboom');
  },
});

describe('robustness', () => {
  test('a rule that throws is logged, and the other findings are still published', LIMIT, async (t) => {
    const { client, folder } = await inProcess(t, { rules: [requiredSection, boom] as Rule<object>[] });

    const doc = folder.uri('dana.persona.md');
    const published = client.diagnosticsFor(doc, 1);
    const logged = client.log((m) => m.type === MessageType.Error && m.message.includes('Rule "boom" failed'));
    await client.open(doc, PERSONA);
    const p = await published;
    assert.equal(ofRule(p, 'required-section').length, MISSING.length);
    const log = await logged;
    assert.match(log.message, /kaboom/);
    assert.ok(log.message.includes(doc), 'the log line names the document');

    // Still alive: the next change is checked too.
    const next = client.diagnosticsFor(doc, 2);
    const end = { line: PERSONA.split('\n').length - 1, character: 0 };
    await client.change(doc, [{ range: { start: end, end }, text: `\n${PAIN_POINTS}` }]);
    assert.equal(ofRule(await next, 'required-section').length, MISSING.length - 1);
  });

  test('dist/server.js runs over --node-ipc', LIMIT, async (t) => {
    const folder = tempFolder();
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const { connection, exited } = connect(t, child, new IPCMessageReader(child), new IPCMessageWriter(child), folder);

    const doc = folder.uri('dana.persona.md');
    const published = new Promise<PublishDiagnosticsParams>((res) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === doc) res(p);
      }),
    );
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: fullCapabilities(false),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: doc, languageId: 'markdown', version: 1, text: PERSONA },
    });
    assert.equal(ofRule(await published, 'required-section').length, MISSING.length);

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0, 'exits with 0 after shutdown + exit');
  });

  /** The error code a request is answered with, or undefined when it succeeds. */
  async function errorOf(request: Promise<unknown>): Promise<number | undefined> {
    try {
      await request;
      return undefined;
    } catch (e) {
      assert.ok(e instanceof ResponseError, String(e));
      return e.code;
    }
  }

  /** The lifecycle, step by step, over a raw connection (no TestClient: it initializes). */
  async function lifecycle(connection: ProtocolConnection, uri: string): Promise<void> {
    const init = { processId: null, rootUri: null, capabilities: fullCapabilities(false) };
    const hover = () => connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 2 } });
    const symbols = () => connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });

    assert.equal(await errorOf(hover()), ErrorCodes.ServerNotInitialized, 'a request before initialize');
    assert.equal(
      await errorOf(connection.sendRequest('segdoc/checkWorkspace', {})),
      ErrorCodes.ServerNotInitialized,
      'a custom request before initialize',
    );
    // A notification before initialize is dropped: the document is not open afterwards.
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: PERSONA },
    });

    const result = await connection.sendRequest(InitializeRequest.type, init);
    assert.ok(result.capabilities.textDocumentSync, 'initialize answers with the capabilities');
    assert.equal(
      await errorOf(connection.sendRequest(InitializeRequest.type, init)),
      ErrorCodes.InvalidRequest,
      'a second initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    assert.equal(await errorOf(symbols()), undefined, 'requests are answered once initialized');
    assert.equal(await symbols(), null, 'the document opened before initialize was dropped');

    const opened = new Promise<void>((res) => {
      connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === uri) res();
      });
    });
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: PERSONA },
    });
    await opened;
    assert.equal(await errorOf(hover()), undefined);

    await connection.sendRequest(ShutdownRequest.type);
    assert.equal(await errorOf(hover()), ErrorCodes.InvalidRequest, 'a request after shutdown');
    assert.equal(await errorOf(connection.sendRequest(ShutdownRequest.type)), ErrorCodes.InvalidRequest, 'a second shutdown');
    assert.equal(
      await errorOf(connection.sendRequest(InitializeRequest.type, init)),
      ErrorCodes.InvalidRequest,
      'initialize after shutdown',
    );
  }

  test(
    'lifecycle: ServerNotInitialized before initialize, one initialize, InvalidRequest after shutdown (in process)',
    LIMIT,
    async (t) => {
      const pipes = inMemoryPipes();
      const gate = new LifecycleGate();
      const server = createConnection(
        ProposedFeatures.all,
        new StreamMessageReader(pipes.toServer),
        new StreamMessageWriter(pipes.toClient),
        { messageStrategy: gate },
      );
      startServer(server, { lifecycle: gate });
      const folder = tempFolder();
      const connection = createProtocolConnection(pipes.transport.reader, pipes.transport.writer);
      connection.listen();
      t.after(() => {
        connection.dispose();
        server.dispose();
        pipes.transport.dispose();
        folder.cleanup();
      });
      await lifecycle(connection, folder.uri('dana.persona.md'));
    },
  );

  test('lifecycle: the same over stdio (dist/server.js), and exit after shutdown is 0', LIMIT, async (t) => {
    const folder = tempFolder();
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const { connection, exited } = connect(t, child, new ClientReader(child.stdout!), new ClientWriter(child.stdin!), folder);
    await lifecycle(connection, folder.uri('dana.persona.md'));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  });

  test('Check Workspace: one URI per file however it is spelt, `%` in paths, unknown kinds reported', LIMIT, async (t) => {
    const { client, folder } = await inProcess(t);
    const write = (name: string, text: string) => {
      mkdirSync(dirname(join(folder.dir, name)), { recursive: true });
      writeFileSync(join(folder.dir, name), text);
    };
    write('a&b (1)/dana.persona.md', PERSONA);
    write('100%/sam.persona.md', PERSONA);
    write('notes.md', '---\nsegdoc: personna\n---\n# Notes\n');
    // The editor has dana open under a spelling of its URI other than the server's own.
    const nodeSpelling = pathToFileURL(join(folder.dir, 'a&b (1)/dana.persona.md')).href;
    assert.notEqual(nodeSpelling, uriOfPath(join(folder.dir, 'a&b (1)/dana.persona.md')));
    const live = client.diagnosticsFor(nodeSpelling, 1);
    await client.open(nodeSpelling, PERSONA);
    assert.equal(ofRule(await live, 'required-section').length, MISSING.length);

    const before = client.publishes.length;
    const result = await client.connection.sendRequest<CheckWorkspaceResult>('segdoc/checkWorkspace', {
      folders: [pathToFileURL(folder.dir).href],
    });
    const published = client.publishes.slice(before);
    assert.deepEqual([result.files, result.documents, result.open], [3, 2, 1]);
    assert.deepEqual(published.map((p) => fsPathOf(p.uri)).sort(), [
      join(folder.dir, '100%/sam.persona.md'),
      join(folder.dir, 'notes.md'),
    ]);
    const sam = published.find((p) => p.uri.endsWith('sam.persona.md'))!;
    assert.ok(sam.uri.includes('/100%25/'), sam.uri);
    assert.equal(ofRule(sam, 'required-section').length, MISSING.length);
    const notes = published.find((p) => p.uri.endsWith('notes.md'))!;
    assert.deepEqual(
      notes.diagnostics.map((d) => d.code),
      ['unknown-kind'],
    );

    // Closed: the file on disk applies again, under the URI the editor used.
    const fromDisk = client.diagnostics(nodeSpelling, (p) => p.version === undefined && p.diagnostics.length > 0);
    await client.close(nodeSpelling);
    await fromDisk;
    // Checked again, closed: still that one URI.
    const again = client.publishes.length;
    await client.connection.sendRequest('segdoc/checkWorkspace', { folders: [pathToFileURL(folder.dir).href] });
    assert.ok(client.publishes.slice(again).some((p) => p.uri === nodeSpelling));
    const danaUris = new Set(client.publishes.filter((p) => fsPathOf(p.uri)?.endsWith('dana.persona.md')).map((p) => p.uri));
    assert.deepEqual([...danaUris], [nodeSpelling], 'dana is published under one URI only');
  });
});
