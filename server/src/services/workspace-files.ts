/**
 * The Markdown files of the workspace folders, for the features that look past the open
 * documents: workspace symbols and segment-name completion (`WorkspaceIndex`,
 * services/symbols.ts) and Check Workspace (lsp/workspace-check.ts). One walk with one set
 * of rules, so both see the same files:
 *
 * - `*.md` and `*.markdown` files; `node_modules` and dot folders (`.git`, `.vscode`) are
 *   skipped, as `segdoc check` skips them;
 * - symbolic links are never followed, so a link cannot lead the walk out of the workspace
 *   or round in a circle;
 * - breadth first, folders and files in name order, so that when a bound cuts the walk —
 *   files, directories read, depth below a folder — what is left out is the deepest; being
 *   cut short is reported (`truncated`) rather than silent;
 * - an unreadable folder is skipped, never an error;
 * - a folder's listing is cached while its modification time is unchanged, so walking again
 *   after an edit re-reads only the folders that changed.
 *
 * Plain async functions over the file system: no protocol, no configuration.
 */
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';

export interface WalkLimits {
  /** Markdown files found at most. */
  maxFiles: number;
  /** Directories read at most. */
  maxDirectories: number;
  /** Folder depth below a workspace folder (0: only the folder itself). */
  maxDepth: number;
}

export interface WalkedFile {
  /** The file's path. */
  path: string;
  /** The workspace folder it was found under (one of the roots, as given). */
  root: string;
}

export interface WalkResult {
  files: WalkedFile[];
  /** A bound cut the walk short: some files were not looked at. */
  truncated: boolean;
  /** `cancelled()` said stop before the walk was done. */
  cancelled: boolean;
}

/** Markdown file names, whatever the case of the extension (`UPPER.PERSONA.MD`). */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/**
 * Files larger than this are not read, by the CLI or the workspace check: the engine checks
 * documents up to 2 MB (larger ones get one parse-limit finding), so twice that is plenty.
 */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

interface Listing {
  mtimeMs: number;
  dirs: string[];
  files: string[];
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export class WorkspaceFiles {
  private readonly listings = new Map<string, Listing>();

  /** The Markdown files under `roots`, within `limits`; `cancelled` is asked before each folder. */
  async walk(roots: readonly string[], limits: WalkLimits, cancelled: () => boolean = () => false): Promise<WalkResult> {
    const files: WalkedFile[] = [];
    let directories = 0;
    let truncated = false;
    const queue = roots.map((root) => ({ dir: root, root, depth: 0 }));
    const seen = new Set<string>();
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (cancelled()) return { files, truncated, cancelled: true };
      const { dir, root, depth } = next;
      const key = path.resolve(dir);
      if (seen.has(key)) continue;
      seen.add(key);
      if (++directories > limits.maxDirectories) {
        truncated = true;
        break;
      }
      const listing = await this.list(key);
      if (!listing) continue;
      const room = limits.maxFiles - files.length;
      for (const file of listing.files.slice(0, room)) files.push({ path: file, root });
      if (files.length >= limits.maxFiles) {
        // Full: whatever is left in this folder or still to walk is left out.
        if (listing.files.length > room || queue.length || listing.dirs.length) truncated = true;
        break;
      }
      if (depth < limits.maxDepth) for (const d of listing.dirs) queue.push({ dir: d, root, depth: depth + 1 });
      else if (listing.dirs.length) truncated = true;
    }
    // Listings of folders that were not reached this time are dropped: the cache holds at most one walk.
    for (const dir of this.listings.keys()) if (!seen.has(dir)) this.listings.delete(dir);
    return { files, truncated, cancelled: false };
  }

  /** A folder's subfolders and Markdown files, from the cache while its mtime is unchanged. */
  private async list(dir: string): Promise<Listing | undefined> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(dir)).mtimeMs;
    } catch {
      this.listings.delete(dir);
      return undefined;
    }
    const hit = this.listings.get(dir);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      this.listings.delete(dir);
      return undefined;
    }
    const listing: Listing = { mtimeMs, dirs: [], files: [] };
    for (const entry of entries.sort(byName)) {
      // Dirent says what the entry itself is: a symbolic link is neither, so links are never followed.
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) listing.dirs.push(path.join(dir, entry.name));
      } else if (entry.isFile() && MARKDOWN_FILE.test(entry.name)) {
        listing.files.push(path.join(dir, entry.name));
      }
    }
    this.listings.set(dir, listing);
    return listing;
  }
}
