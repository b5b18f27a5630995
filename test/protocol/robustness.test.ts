/**
 * The server stays up and says what went wrong: a rule that throws is logged and the other
 * rules' findings still arrive; and the bundle also runs over node IPC, the transport the
 * VS Code client uses.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { describe, test } from 'node:test';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import {
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  MessageType,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import requiredSection from '../../server/src/rules/required-section';
import { defineRule, type Rule } from '../../server/src/rules/types';
import { startServer } from '../../server/src/lsp/server';
import { fullCapabilities, inMemoryPipes, ofRule, serverPath, TestClient, tempFolder , LIMIT } from './client';
import { MISSING, PAIN_POINTS, PERSONA } from './docs';

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
    const pipes = inMemoryPipes();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(pipes.toServer), new StreamMessageWriter(pipes.toClient));
    startServer(connection, { rules: [requiredSection, boom] as Rule<object>[] });
    const folder = tempFolder();
    const client = await TestClient.start({ settings: { debounceMs: 0 }, transport: pipes.transport });
    t.after(async () => {
      await client.stop();
      connection.dispose();
      folder.cleanup();
    });

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
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    t.after(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
      connection.dispose();
      folder.cleanup();
    });

    const doc = folder.uri('dana.persona.md');
    const published = new Promise<PublishDiagnosticsParams>((res) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === doc) res(p);
      }),
    );
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: fullCapabilities(false) });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'markdown', version: 1, text: PERSONA } });
    assert.equal(ofRule(await published, 'required-section').length, MISSING.length);

    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0, 'exits with 0 after shutdown + exit');
  });
});
