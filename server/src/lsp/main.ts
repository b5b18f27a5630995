/**
 * Entry point of dist/server.js. `createConnection(ProposedFeatures.all)` picks the transport
 * from the command line (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`), so the same
 * bundle serves the VS Code client (node-ipc) and any other editor or test (stdio).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LifecycleGate } from './lifecycle';
import { startServer } from './server';

// Requests before `initialize` or after `shutdown`, and a second `initialize`, are refused
// before they reach a handler (lifecycle.ts).
const lifecycle = new LifecycleGate();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: lifecycle });

// Anything that escapes the handlers is logged where the user can see it (the client's
// output channel) and the server carries on: a silent stop would look like a linter that
// found nothing.
function report(what: string, e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    connection.console.error(`${what} in the segdoc server: ${detail}`);
  } catch {
    // The connection itself is broken; stderr is the last place left to say it.
    process.stderr.write(`${what} in the segdoc server: ${detail}\n`);
  }
}
process.on('uncaughtException', (e) => report('Uncaught exception', e));
process.on('unhandledRejection', (e) => report('Unhandled rejection', e));

startServer(connection, { lifecycle });
