/**
 * segdoc-language-server in editors other than VS Code, headless, installed from the npm
 * tarball as a user installs it (test/cli/installed.ts) and started by name from PATH, as
 * docs/editors.md configures it:
 *   - Neovim (0.7+, vim.lsp.start_client): nvim-init.lua
 *   - Emacs with eglot (Debian's emacs-nox and elpa-eglot): eglot-test.el
 * Each opens a Russian persona with a value outside a field's list, receives the diagnostic
 * (message and place, on a Cyrillic line, so the UTF-16 columns must be converted right),
 * applies the quick fix through the editor's own code-action command, and reports the
 * buffer text and the diagnostics after it. Each run is killed after 90 s.
 *
 * An editor that is not installed is skipped with a note, unless SEGDOC_OTHER_EDITORS=required
 * (CI: .ci/other-editors.sh installs them).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cleanEnv, installPackage, npmMissing, type Installed } from '../cli/installed';

const here = __dirname;
const fixture = path.join(here, 'fixtures', 'irina.persona.md');
const original = readFileSync(fixture, 'utf8');
const BAD_LINE = '- **Роль в решении**: Техничский оцнщик';
const FIXED_LINE = '- **Роль в решении**: Технический оценщик';
const LINE = original.split('\n').indexOf(BAD_LINE);
/** UTF-16 columns of the bad value (what the server sends) and the same place in UTF-8 bytes (Neovim's columns). */
const START = BAD_LINE.indexOf('Техничский');
const END = BAD_LINE.length;
const byteStart = Buffer.byteLength(BAD_LINE.slice(0, START));
const byteEnd = Buffer.byteLength(BAD_LINE);
const MESSAGE = /^«Техничский оцнщик» — недопустимое значение поля «Роль в решении»/;
const FIX_TITLE = 'Заменить на «Технический оценщик»';

const required = process.env['SEGDOC_OTHER_EDITORS'] === 'required';

/** Why `cmd` cannot run here, or false. With SEGDOC_OTHER_EDITORS=required a missing editor fails instead. */
function unavailable(cmd: string): string | false {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status === 0) return false;
  const why = `${cmd} is not installed (bash .ci/other-editors.sh installs it)`;
  if (required) throw new Error(`SEGDOC_OTHER_EDITORS=required, but ${why}`);
  return why;
}

const noNpm = npmMissing();
if (noNpm && required) throw new Error(`SEGDOC_OTHER_EDITORS=required, but ${noNpm}`);
const nvim = noNpm || unavailable('nvim');
const emacs = noNpm || unavailable('emacs');

let pkg: Installed | undefined;
before(() => {
  if (!nvim || !emacs) pkg = installPackage();
});
after(() => pkg?.cleanup());

interface Result {
  error?: string;
  version: string;
  text?: string;
  actions?: string[];
}

/** Runs one editor on a fresh copy of the fixture; returns what its script wrote. */
function runEditor(name: string, cmd: string, args: string[]): Result & Record<string, unknown> {
  const dir = path.join(pkg!.tmp, name);
  mkdirSync(dir, { recursive: true });
  const doc = path.join(dir, 'irina.persona.md');
  copyFileSync(fixture, doc);
  const out = path.join(dir, 'result.json');
  const env = cleanEnv({
    // Found by name, as the docs configure it.
    PATH: `${pkg!.binDir}${path.delimiter}${cleanEnv()['PATH']}`,
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    SEGDOC_DOC: doc,
    SEGDOC_OUT: out,
  });
  const r = spawnSync(cmd, args, {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 90_000,
    killSignal: 'SIGKILL',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const context = `${name} exit ${r.status}${r.signal ? ` (${r.signal}: timed out?)` : ''}\n${r.stdout}\n${r.stderr}`;
  let result: Result & Record<string, unknown>;
  try {
    result = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    assert.fail(`${name} wrote no result\n${context}`);
  }
  assert.equal(result.error, undefined, `${result.error}\n${context}`);
  assert.equal(r.status, 0, context);
  // The quick fix was applied to the buffer: that line changed, nothing else.
  assert.equal(result.text?.replace(/\n$/, ''), original.replace(BAD_LINE, FIXED_LINE).replace(/\n$/, ''));
  assert.equal(result.actions?.[0], FIX_TITLE);
  return result;
}

describe('Neovim (vim.lsp.start_client)', { skip: nvim }, () => {
  test('diagnostics on a Cyrillic line, and the quick fix applies', () => {
    const r = runEditor('nvim', 'nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(here, 'nvim-init.lua')]);
    const diagnostics = r['diagnostics'] as Array<{
      lnum: number;
      col: number;
      end_lnum: number;
      end_col: number;
      message: string;
      code: string;
    }>;
    const published = r['published'] as Array<{ diagnostics: Array<{ code: string; range: unknown }> }>;
    const after = r['after'] as unknown[];
    const ours = diagnostics.filter((d) => d.code === 'field-value');
    assert.equal(ours.length, 1, JSON.stringify(diagnostics));
    assert.match(ours[0]!.message, MESSAGE);
    // Neovim's columns are bytes: it converted the server's UTF-16 columns.
    assert.deepEqual([ours[0]!.lnum, ours[0]!.col, ours[0]!.end_lnum, ours[0]!.end_col], [LINE, byteStart, LINE, byteEnd]);
    assert.deepEqual(published[0]!.diagnostics.find((d) => d.code === 'field-value')!.range, {
      start: { line: LINE, character: START },
      end: { line: LINE, character: END },
    });
    assert.deepEqual(after, []);
    assert.equal(r['stopped'], true);
  });
});

describe('Emacs (eglot)', { skip: emacs }, () => {
  test('diagnostics on a Cyrillic line, and the quick fix applies', () => {
    const r = runEditor('emacs', 'emacs', ['--batch', '-l', path.join(here, 'eglot-test.el')]);
    const diagnostics = r['diagnostics'] as Array<{
      line: number;
      column: number;
      endColumn: number;
      code: string;
      message: string;
    }>;
    const ours = diagnostics.filter((d) => d.code === 'field-value');
    assert.equal(ours.length, 1, JSON.stringify(diagnostics));
    // Flymake shows "segdoc [rule]: message".
    assert.match(ours[0]!.message.replace(/^segdoc \[field-value\]: /, ''), MESSAGE);
    // Emacs columns are characters, equal to the UTF-16 ones on this line.
    assert.deepEqual([ours[0]!.line, ours[0]!.column, ours[0]!.endColumn], [LINE, START, END]);
    assert.deepEqual(r['after'], []);
    assert.equal(r['stopped'], true);
  });
});
