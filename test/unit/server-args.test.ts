/**
 * The language server's command line (server/src/lsp/args.ts): what vscode-languageserver
 * can start with runs, anything else gets the usage line (package.test.ts checks that line
 * and the exit code through the installed commands).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validServerArgs } from '../../server/src/lsp/args';

test('the command lines editors start the server with are accepted', () => {
  for (const args of [
    ['--stdio'],
    // The VS Code client (TransportKind.ipc).
    ['--node-ipc', '--clientProcessId=4242'],
    ['--clientProcessId', '4242', '--stdio'],
    ['--socket=6009'],
    ['--socket', '6009'],
    ['--pipe=/tmp/segdoc.sock'],
    ['--pipe', '/tmp/segdoc.sock'],
  ]) {
    assert.equal(validServerArgs(args), true, args.join(' '));
  }
});

test('anything else is a usage error', () => {
  for (const args of [
    [],
    ['--help'],
    ['-h'],
    ['--version'],
    ['lsp'],
    ['--stdio', '--verbose'],
    ['--stdio', '--node-ipc'],
    ['--socket'],
    ['--socket=0'],
    ['--socket=70000'],
    ['--socket=x'],
    ['--pipe='],
    ['--clientProcessId=1'],
    ['--clientProcessId=abc', '--stdio'],
  ]) {
    assert.equal(validServerArgs(args), false, args.join(' '));
  }
});
