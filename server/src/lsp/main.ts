/**
 * Entry point of dist/server.js. `createConnection(ProposedFeatures.all)` picks the transport
 * from the command line (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`), so the same
 * bundle serves the VS Code client (node-ipc) and any other editor or test (stdio);
 * bin/segdoc-language-server.js adds `--stdio` when it is given no transport. A command
 * line without a transport, or with anything else on it, gets one line of usage and exit
 * code 2 (args.ts) before a connection is made.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { validServerArgs } from './args';
import { LifecycleGate } from './lifecycle';
import { message } from './messages';
import { startServer } from './server';
import { languageOfLocale } from './settings';

if (!validServerArgs(process.argv.slice(2))) {
  const env = process.env;
  const locale = languageOfLocale(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG']) ?? 'en';
  // Writes to a terminal, file or pipe are synchronous, so the line is out before the exit.
  process.stderr.write(`${message('usage', locale)}\n`);
  process.exit(2);
}

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
