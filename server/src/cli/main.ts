/**
 * Entry of the `segdoc` command (bundled to dist/cli.js, started by bin/segdoc.js).
 */
import { runCli } from './run';

runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    // Setting exitCode instead of calling process.exit lets piped output finish writing.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`segdoc: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
