/**
 * Which files `segdoc check` looks at: explicit files as given, folders searched for
 * Markdown (node_modules and dot-folders skipped), and globs expanded with tinyglobby.
 * Whether a file is a segdoc document is decided later, by the engine.
 *
 * - Extensions match whatever their case (`UPPER.PERSONA.MD`).
 * - Each real file is looked at once: a file reached by two paths (a symbolic link, a folder
 *   given twice, a glob matching a file a folder also holds) is kept under the first path.
 * - Symbolic links to folders are followed inside the walk, but a folder already walked (by
 *   its real path) is not walked again, so a `sub/up → ..` link cannot lead the walk round
 *   in a circle.
 * - Files are not read here; `readDocument` reads one, refusing anything that is not a
 *   regular file (a device, a FIFO, a socket, also behind a symbolic link) and anything
 *   too large, before reading a byte.
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  type Dirent,
} from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { MARKDOWN_FILE, MAX_DOCUMENT_BYTES } from '../services/workspace-files';

export interface FileProblem {
  kind: 'not-found' | 'no-match';
  arg: string;
}

export interface FileList {
  /** Absolute paths, without duplicates, sorted. */
  files: string[];
  /** The files among them that were named on the command line (not found in a folder or by a glob). */
  explicit: Set<string>;
  problems: FileProblem[];
}

// Dot-folders are skipped by `dot: false`; node_modules needs saying.
const IGNORE = ['**/node_modules/**'];

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** The Markdown files under `dir`, in name order, each real folder walked once. */
function walk(dir: string, seenDirs: Set<string>, out: string[]): void {
  const real = realPath(dir);
  if (seenDirs.has(real)) return;
  seenDirs.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const dirs: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) dirs.push(full);
    } else if (MARKDOWN_FILE.test(entry.name)) {
      // Anything with a Markdown name but a regular file's: readDocument says why it is not read.
      out.push(full);
    }
  }
  for (const d of dirs) walk(d, seenDirs, out);
}

export async function collectFiles(args: readonly string[], cwd: string): Promise<FileList> {
  const found: string[] = [];
  const explicit = new Set<string>();
  const problems: FileProblem[] = [];
  const seenDirs = new Set<string>();
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let isDir: boolean | undefined;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      isDir = undefined;
    }
    if (isDir === true) {
      const files: string[] = [];
      walk(abs, seenDirs, files);
      found.push(...files);
    } else if (isDir === false) {
      found.push(abs);
      explicit.add(abs);
    } else if (isDynamicPattern(arg)) {
      // Globs use forward slashes, also on Windows.
      const matches = await glob([arg.replace(/\\/g, '/')], {
        cwd,
        absolute: true,
        dot: false,
        ignore: IGNORE,
        onlyFiles: true,
        followSymbolicLinks: false,
      });
      if (!matches.length) problems.push({ kind: 'no-match', arg });
      for (const f of matches.sort()) found.push(path.resolve(f));
    } else {
      problems.push({ kind: 'not-found', arg });
    }
  }
  // One path per real file: the first one found.
  const byReal = new Map<string, string>();
  for (const f of found) {
    const real = realPath(f);
    if (!byReal.has(real)) byReal.set(real, f);
  }
  const files = [...new Set(byReal.values())].sort();
  const kept = new Set(files);
  return { files, explicit: new Set([...explicit].filter((f) => kept.has(f))), problems };
}

export type ReadProblem =
  { reason: 'unreadable'; detail: string } | { reason: 'not-a-file' } | { reason: 'too-large'; size: number; limit: number };

/**
 * A document's text, or why it is not read: only regular files (a symbolic link is followed
 * and its target checked the same way), at most `limit` bytes, both checked before reading.
 * The file is opened without blocking, so a FIFO that slipped in between cannot stall the run.
 */
export function readDocument(file: string, limit = MAX_DOCUMENT_BYTES): { text: string } | ReadProblem {
  try {
    const st = statSync(file);
    if (!st.isFile()) return { reason: 'not-a-file' };
    if (st.size > limit) return { reason: 'too-large', size: st.size, limit };
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const again = fstatSync(fd);
      if (!again.isFile()) return { reason: 'not-a-file' };
      if (again.size > limit) return { reason: 'too-large', size: again.size, limit };
      return { text: readFileSync(fd, 'utf8') };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { reason: 'unreadable', detail: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/** A path as the CLI prints it: relative to the working folder, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file) || path.basename(file);
  return rel.split(path.sep).join('/');
}
