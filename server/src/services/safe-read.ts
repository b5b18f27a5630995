/**
 * Reading a workspace file that segdoc did not write (`.segdoc.json`, a kind schema) without
 * letting it stall or flood the process: only a regular file is read (symlinks are followed
 * and their target checked the same way), never a device, FIFO or socket (`/dev/stdin`
 * would be the server's own protocol input, `/dev/zero` never ends, a FIFO blocks on open),
 * and never more than a size limit.
 *
 * The path is checked with `stat` before it is opened; it is then opened non-blocking and
 * checked again on the open descriptor (same file, still regular), and read up to the limit
 * plus one byte, so a file that grows after the check is still refused.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'not-file' }
  | { ok: false; reason: 'too-large'; limit: number }
  | { ok: false; reason: 'error'; code: string };

function code(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string' && err.code) return err.code;
  return e instanceof Error ? e.message : String(e);
}

function missing(e: unknown): boolean {
  const c = (e as NodeJS.ErrnoException)?.code;
  return c === 'ENOENT' || c === 'ENOTDIR';
}

/** `n` bytes in words: `256 KB`, `1 MB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} B`;
}

/** Reads a regular file of at most `limit` bytes as UTF-8; never blocks, never reads more than `limit + 1` bytes. */
export function readRegularFile(file: string, limit: number): ReadResult {
  let before: Stats;
  try {
    before = statSync(file);
  } catch (e) {
    return missing(e) ? { ok: false, reason: 'missing' } : { ok: false, reason: 'error', code: code(e) };
  }
  if (!before.isFile()) return { ok: false, reason: 'not-file' };
  if (before.size > limit) return { ok: false, reason: 'too-large', limit };
  let fd: number;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it
    // must not wait for a writer. (Windows has no such flag and no FIFOs at a path.)
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return missing(e) ? { ok: false, reason: 'missing' } : { ok: false, reason: 'error', code: code(e) };
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev) return { ok: false, reason: 'not-file' };
    // The size may be wrong (/proc files say 0, a file may grow): read in a buffer that
    // grows up to the limit plus one byte, and refuse the file once that byte is read.
    let buffer = Buffer.alloc(Math.min(limit, now.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > limit) return { ok: false, reason: 'too-large', limit };
        const bigger = Buffer.alloc(Math.min(limit + 1, buffer.length * 2 + 4096));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return { ok: true, text: buffer.toString('utf8', 0, length) };
      length += n;
    }
  } catch (e) {
    return { ok: false, reason: 'error', code: code(e) };
  } finally {
    closeSync(fd);
  }
}
