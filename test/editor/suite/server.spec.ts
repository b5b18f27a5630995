/**
 * The server's life cycle as a user meets it: "segdoc: Restart Server", and a crash that
 * the client recovers from on its own. Runs last, because it stops the server.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { ClientState, api, closeAllEditors, codeOf, openCopy, waitForClientState, waitForDiagnostics, withCode } from './helpers';

/**
 * The language server's process: a child of this extension host whose command line runs
 * the bundled server. Found with `ps`, since the client library keeps the handle private.
 */
function serverPids(): number[] {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === process.pid && /server\.js/.test(m[3]!))
    .map((m) => Number(m[1]));
}

/** Diagnostics are back: a fresh publish for `uri` with the two required-section errors. */
function diagnosticsBack(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(
    uri,
    (ds) => ds.filter((d) => codeOf(d) === 'required-section').length === 2,
    'the required-section errors published again',
    { fresh: true },
  );
}

suite('server life cycle', () => {
  teardown(closeAllEditors);

  test('segdoc.restartServer restarts the server and diagnostics come back', async () => {
    const { client } = await api();
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    await waitForDiagnostics(doc.uri, () => withCode(doc.uri, 'required-section').length === 2, 'two required-section errors');
    const running = waitForClientState(client, ClientState.Running, 'running again after segdoc.restartServer');
    const back = diagnosticsBack(doc.uri);
    await vscode.commands.executeCommand('segdoc.restartServer');
    await running.done;
    await back;
  });

  test('a crashed server is restarted by the client and diagnostics come back', async function () {
    if (process.platform === 'win32') this.skip();
    const { client } = await api();
    const { document: doc } = await openCopy('personas/devops-dana.persona.md');
    await waitForDiagnostics(doc.uri, () => withCode(doc.uri, 'required-section').length === 2, 'two required-section errors');
    const pids = serverPids();
    assert.equal(
      pids.length,
      1,
      `one server process under the extension host ${process.pid}; found ${pids.join(', ') || 'none'}`,
    );
    const running = waitForClientState(client, ClientState.Running, 'running again after the server was killed');
    const back = diagnosticsBack(doc.uri);
    process.kill(pids[0]!, 'SIGKILL');
    await running.done;
    await back;
    const after = serverPids();
    assert.equal(after.length, 1, 'a new server process');
    assert.notEqual(after[0], pids[0]);
  });
});
