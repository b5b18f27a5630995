/**
 * Entry point of dist/server.js. `createConnection(ProposedFeatures.all)` picks the transport
 * from the command line (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`), so the same
 * bundle serves the VS Code client (node-ipc) and any other editor or test (stdio).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// Anything that escapes the handlers is logged where the user can see it (the client's
// output channel) and the server carries on: a silent stop would look like a linter that
// found nothing.
process.on('uncaughtException', (e) => {
  connection.console.error(`Uncaught exception in the segdoc server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
});
process.on('unhandledRejection', (e) => {
  connection.console.error(`Unhandled rejection in the segdoc server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
});

startServer(connection);
