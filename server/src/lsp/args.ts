/**
 * The command line of the language server (dist/server.js, started by
 * bin/segdoc-language-server.js or by the VS Code client). vscode-languageserver reads the
 * transport from `process.argv` itself and throws when there is none; this check runs
 * first, so a wrong command line gets one line of usage instead of a stack trace through
 * minified code.
 */

/** The transports vscode-languageserver/node understands, and the exit watchdog it reads. */
const TRANSPORT = /^--(?:stdio|node-ipc)$/;
const WITH_VALUE = /^--(socket|pipe|clientProcessId)(?:=(.*))?$/;

function validValue(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  if (name === 'pipe') return true;
  if (!/^\d+$/.test(value)) return false;
  return name !== 'socket' || (Number(value) >= 1 && Number(value) <= 65535);
}

/**
 * Whether `args` (the arguments after the script) is a command line the server can run
 * with: exactly one transport (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`; the
 * last two also as two arguments) and optionally `--clientProcessId=N`. Anything else —
 * `--help`, `--version`, an unknown word, no transport, two transports — is a usage error.
 */
export function validServerArgs(args: readonly string[]): boolean {
  let transports = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (TRANSPORT.test(arg)) {
      transports++;
      continue;
    }
    const m = WITH_VALUE.exec(arg);
    if (!m) return false;
    const name = m[1]!;
    let value = m[2];
    if (value === undefined) value = args[++i];
    if (!validValue(name, value)) return false;
    if (name !== 'clientProcessId') transports++;
  }
  return transports === 1;
}
