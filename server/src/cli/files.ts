/**
 * Which files `segdoc check` looks at: explicit files as given, folders searched for
 * Markdown (node_modules and dot-folders skipped), and globs expanded with tinyglobby.
 * Whether a file is a segdoc document is decided later, by the engine.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface FileProblem {
  kind: 'not-found' | 'no-match';
  arg: string;
}

export interface FileList {
  /** Absolute paths, without duplicates, sorted. */
  files: string[];
  problems: FileProblem[];
}

const MARKDOWN = ['**/*.md', '**/*.markdown'];
// Dot-folders are skipped by `dot: false`; node_modules needs saying.
const IGNORE = ['**/node_modules/**'];

export async function collectFiles(args: readonly string[], cwd: string): Promise<FileList> {
  const found = new Set<string>();
  const problems: FileProblem[] = [];
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let isDir: boolean | undefined;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      isDir = undefined;
    }
    if (isDir === true) {
      for (const f of await glob(MARKDOWN, { cwd: abs, absolute: true, dot: false, ignore: IGNORE, onlyFiles: true })) found.add(path.resolve(f));
    } else if (isDir === false) {
      found.add(abs);
    } else if (isDynamicPattern(arg)) {
      // Globs use forward slashes, also on Windows.
      const matches = await glob([arg.replace(/\\/g, '/')], { cwd, absolute: true, dot: false, ignore: IGNORE, onlyFiles: true });
      if (!matches.length) problems.push({ kind: 'no-match', arg });
      for (const f of matches) found.add(path.resolve(f));
    } else {
      problems.push({ kind: 'not-found', arg });
    }
  }
  return { files: [...found].sort(), problems };
}

/** A path as the CLI prints it: relative to the working folder, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file) || path.basename(file);
  return rel.split(path.sep).join('/');
}
