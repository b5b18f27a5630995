/**
 * Hover over the protocol: textDocument/hover answered from services/hover.ts.
 *
 * The provider is declared only when the client has hover support, and the content is
 * Markdown only when the client lists it in contentFormat (plain text otherwise: the same
 * text, which reads fine unrendered).
 */
import { MarkupKind, type Hover, type HoverParams, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import { hoverAt } from '../services/hover';
import { checkedAt, type DocumentHost } from './checked-text';
import { ProtocolFeature } from './feature';

export interface HoverHost extends DocumentHost {
  logError(what: string, e: unknown): void;
}

export class HoverFeature extends ProtocolFeature<HoverHost> {
  private enabled = false;
  private markdown = false;

  /** Reads the client's capabilities; returns the server capabilities to declare. */
  override initialize(params: InitializeParams): Partial<ServerCapabilities> {
    const h = params.capabilities.textDocument?.hover;
    this.enabled = h !== undefined;
    this.markdown = h?.contentFormat?.includes(MarkupKind.Markdown) === true;
    return this.enabled ? { hoverProvider: true } : {};
  }

  /** Registers the handler; called before initialize, so it checks the capability itself. */
  override listen(): void {
    this.connection.onHover((p) => (this.enabled ? this.hover(p) : null));
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const uri = params.textDocument.uri;
    try {
      const at = await checkedAt(this.host, uri, params.position);
      if (!at) return null;
      const info = hoverAt(at.result, at.offset);
      if (!info) return null;
      return {
        contents: { kind: this.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: info.markdown },
        range: info.range,
      };
    } catch (e) {
      this.host.logError(`Computing the hover for ${uri} failed`, e);
      return null;
    }
  }
}
