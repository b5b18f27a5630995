/**
 * Hover over the protocol: textDocument/hover answered from services/hover.ts.
 *
 * The provider is declared only when the client has hover support, and the content is
 * Markdown only when the client lists it in contentFormat (plain text otherwise: the same
 * text, which reads fine unrendered).
 */
import { MarkupKind, type Connection, type Hover, type HoverParams, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../services/engine';
import { hoverAt } from '../services/hover';

export interface HoverHost {
  document(uri: string): TextDocument | undefined;
  /** The check of the document's current text (the last one when still current), or undefined. */
  current(uri: string): Promise<LintResult | undefined>;
  logError(what: string, e: unknown): void;
}

export class HoverFeature {
  private enabled = false;
  private markdown = false;

  constructor(
    private readonly connection: Connection,
    private readonly host: HoverHost,
  ) {}

  /** Reads the client's capabilities; returns the server capabilities to declare. */
  initialize(params: InitializeParams): Partial<ServerCapabilities> {
    const h = params.capabilities.textDocument?.hover;
    this.enabled = h !== undefined;
    this.markdown = h?.contentFormat?.includes(MarkupKind.Markdown) === true;
    return this.enabled ? { hoverProvider: true } : {};
  }

  /** Registers the handler; called before initialize, so it checks the capability itself. */
  listen(): void {
    this.connection.onHover((p) => (this.enabled ? this.hover(p) : null));
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const uri = params.textDocument.uri;
    try {
      const doc = this.host.document(uri);
      if (!doc) return null;
      const text = doc.getText();
      const result = await this.host.current(uri);
      // The position is in the text of the request; a check of newer text would misplace it.
      if (!result || result.doc.text !== text) return null;
      const info = hoverAt(result, doc.offsetAt(params.position));
      if (!info) return null;
      return { contents: { kind: this.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: info.markdown }, range: info.range };
    } catch (e) {
      this.host.logError(`Computing the hover for ${uri} failed`, e);
      return null;
    }
  }
}
