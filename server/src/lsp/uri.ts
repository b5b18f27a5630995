/**
 * Document URIs and file-system paths. The engine matches kinds by file name and the config
 * loader walks folders, both on paths; only the adapter sees URIs.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
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

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
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
