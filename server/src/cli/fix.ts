/**
 * `segdoc check --fix` and `--fix-dry-run`: the safe fixes (services/fixes.ts, the same
 * choice as the editor's fix-all) applied until nothing changes, then written atomically or
 * shown as a unified diff. Texts are JavaScript strings as read, BOM and CRLF included, and
 * the engine's offsets index into them, so whatever a fix does not touch stays byte for byte.
 */
import { readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { LintResult } from '../services/engine';
import { applyEdits, chooseSafeFixes } from '../services/fixes';

/** A fix can make another finding appear (or a fixable one): a few rounds settle it. */
export const MAX_FIX_ROUNDS = 10;

export interface FixOutcome {
  text: string;
  /** The check of `text`. */
  result: LintResult;
  /** How many findings' fixes were applied, over all rounds. */
  fixed: number;
}

/**
 * Applies the safe fixes of `result` (the check of `text`) and checks again with `relint`,
 * until no safe fix is left or {@link MAX_FIX_ROUNDS} rounds have run.
 */
export function fixUntilStable(text: string, result: LintResult, relint: (text: string) => LintResult): FixOutcome {
  let fixed = 0;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const chosen = chooseSafeFixes(result.findings);
    const next = applyEdits(text, chosen.edits);
    if (!chosen.edits.length || next === text) break;
    text = next;
    fixed += chosen.fixed;
    result = relint(text);
  }
  return { text, result, fixed };
}

/** Why a fixed text was not written. */
export type WriteProblem = { reason: 'changed' } | { reason: 'failed'; detail: string };

/**
 * Writes `text` over `file`, which held `original` when it was read: into a temporary file in
 * the same folder (so the rename stays on one file system), with the file's permissions, then
 * renamed over it, so a reader never sees half a file. A symbolic link is kept and its target
 * written. Refused when the file no longer holds exactly `original` (changed meanwhile, or
 * bytes that are not UTF-8 and did not survive reading as text).
 */
export function writeAtomically(file: string, original: string, text: string): WriteProblem | undefined {
  let target: string;
  let tmp: string | undefined;
  try {
    target = realpathSync(file);
    if (!readFileSync(target).equals(Buffer.from(original, 'utf8'))) return { reason: 'changed' };
    const mode = statSync(target).mode & 0o7777;
    tmp = path.join(path.dirname(target), `.${path.basename(target)}.segdoc-${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(tmp, text, { encoding: 'utf8', mode, flag: 'wx' });
    renameSync(tmp, target);
    return undefined;
  } catch (e) {
    if (tmp) rmSync(tmp, { force: true });
    return { reason: 'failed', detail: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/** The change as a unified diff (`--- a/path`, `+++ b/path`, three lines of context). */
export function unifiedDiff(shown: string, original: string, text: string): string {
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, original, text, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
