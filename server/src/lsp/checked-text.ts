/**
 * The check an editor request is answered from. Requests with a position (completion, hover,
 * definition) refer to the text the editor holds when it sends them; the check they use must
 * be of that same text, or the position would land in the wrong place. When an edit has
 * arrived meanwhile they answer nothing rather than something misplaced.
 */
import type { Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../services/engine';

/** What the position-based features ask the server for. */
export interface DocumentHost {
  /** The open document at `uri`, whose text positions refer to. */
  document(uri: string): TextDocument | undefined;
  /** The check of the document's current text (the last one when still current), or undefined. */
  current(uri: string): Promise<LintResult | undefined>;
}

/** The check of `text` (the document's text when the request came), or undefined when the document has moved on. */
export async function checkOfText(host: DocumentHost, uri: string, text: string): Promise<LintResult | undefined> {
  const result = await host.current(uri);
  return result && result.doc.text === text ? result : undefined;
}

/** The check of an open document and the offset of `position` in the text it was made of. */
export async function checkedAt(
  host: DocumentHost,
  uri: string,
  position: Position,
): Promise<{ result: LintResult; offset: number } | undefined> {
  const doc = host.document(uri);
  if (!doc) return undefined;
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const result = await checkOfText(host, uri, text);
  return result ? { result, offset } : undefined;
}
