/**
 * Document URIs and file-system paths. The engine matches kinds by file name and the config
 * loader walks folders, both on paths; only the adapter sees URIs.
 */
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME } from '../services/config';

/** The file-system path of a `file:` URI, else undefined (untitled buffers, remote schemes). */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The path to give the engine for kind detection: the file path when there is one, else the
 * decoded path part of the URI, so that an unsaved `untitled:Untitled-1` or a remote
 * `vscode-vfs://…/dana.persona.md` still matches by its name.
 */
export function enginePathOf(uri: string): string {
  const fs = fsPathOf(uri);
  if (fs !== undefined) return fs;
  const m = /^[a-z][\w+.-]*:(?:\/\/[^/]*)?([^?#]*)/i.exec(uri);
  const raw = m ? m[1]! : uri;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Percent-encodes a path segment as VS Code does: all but letters, digits and `-._~`. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The `file:` URI of a path, encoded the way VS Code encodes it (vscode-uri's `URI.file`):
 * `a&b (1).md` is `a%26b%20%281%29.md`, so a file found on disk gets the URI the editor
 * uses when it opens it. Never decoded again: a `%` in a name is `%25`.
 */
export function uriOfPath(path: string): string {
  let p = path.replace(/\\/g, '/');
  // A Windows drive: `c%3A/…`, lower-case, as VS Code writes it.
  const drive = /^([A-Za-z]):(\/|$)/.exec(p);
  if (drive) p = `/${drive[1]!.toLowerCase()}:${p.slice(2)}`;
  if (p.startsWith('//')) {
    // A UNC path: the server is the authority.
    const end = p.indexOf('/', 2);
    const host = end < 0 ? p.slice(2) : p.slice(2, end);
    return `file://${host.toLowerCase()}${(end < 0 ? '/' : p.slice(end)).split('/').map(encodeSegment).join('/')}`;
  }
  if (!p.startsWith('/')) p = `/${p}`;
  return `file://${p.split('/').map(encodeSegment).join('/')}`;
}

/**
 * A URI in one canonical spelling, for comparing URIs: clients encode differently (`&` or
 * `%26`, `%3A` or `:`, upper- or lower-case escapes). `file:` URIs are compared by the file
 * they name; others keep their text with escapes of unreserved characters decoded.
 */
export function uriKey(uri: string): string {
  if (/^file:/i.test(uri)) {
    const fs = fsPathOf(uri);
    if (fs !== undefined) return uriOfPath(fs);
  }
  return uri.replace(/%([0-9a-fA-F]{2})/g, (m, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : m.toUpperCase();
  });
}

/** Whether two URIs name the same document. */
export function sameUri(a: string, b: string): boolean {
  return a === b || uriKey(a) === uriKey(b);
}

/** Last segment of a URI's path, decoded. */
export function baseName(uri: string): string {
  const p = enginePathOf(uri).replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1);
}

const MARKDOWN_LANGUAGES = new Set(['markdown', 'md', 'mdx']);
const MARKDOWN_FILES = /\.(md|markdown|mdown|mkd|mkdn)$/i;

/** Whether the server should check a document: Markdown by language id or by file name. */
export function isMarkdown(uri: string, languageId: string): boolean {
  return MARKDOWN_LANGUAGES.has(languageId.toLowerCase()) || MARKDOWN_FILES.test(baseName(uri));
}

export function isConfigFile(uri: string): boolean {
  return baseName(uri) === CONFIG_FILE_NAME;
}
