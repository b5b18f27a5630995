/**
 * Completion over the protocol: textDocument/completion answered from services/completion.ts.
 *
 * The client is not assumed to be VS Code: the provider is declared only when the client has
 * completion support; section templates are snippets (tabstops on their placeholders) only
 * when the client declared snippetSupport, plain text otherwise; documentation is Markdown
 * only when the client lists it; item kinds the client does not list fall back to Text. The
 * order is the entries' sortText (required sections first), which every client keeps; the
 * mark beside a required or recommended entry (`required section`) is a label description
 * when the client supports label details; the detail says it in any case (`Required section`).
 *
 * Trigger characters: `#` (a heading), `:` (a field's value) and space (a heading's title, or
 * a value after `**Label**: `). The line is looked at before the document is checked, so a
 * space typed in prose answers at once with nothing.
 */
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import {
  completionEntries,
  completionPlace,
  mayComplete,
  type CompletionEntryKind,
  type SegmentNameSource,
} from '../services/completion';
import { checkOfText, type DocumentHost } from './checked-text';
import { ProtocolFeature } from './feature';

export const TRIGGER_CHARACTERS = ['#', ':', ' '];

export interface CompletionHost extends DocumentHost {
  /** Segment names other documents (open, or files of the workspace) define. */
  segmentNames(uri: string): Promise<SegmentNameSource[]>;
  logError(what: string, e: unknown): void;
}

const KINDS: Record<CompletionEntryKind, CompletionItemKind> = {
  section: CompletionItemKind.Module,
  field: CompletionItemKind.Field,
  enum: CompletionItemKind.EnumMember,
  example: CompletionItemKind.Value,
  segment: CompletionItemKind.Reference,
};

export class CompletionFeature extends ProtocolFeature<CompletionHost> {
  private enabled = false;
  private snippets = false;
  private markdown = false;
  private labelDetails = false;
  /** Item kinds the client listed; undefined means the protocol's first set (Text … Reference). */
  private kinds: Set<number> | undefined;

  /** Reads the client's capabilities; returns the server capabilities to declare. */
  override initialize(params: InitializeParams): Partial<ServerCapabilities> {
    const c = params.capabilities.textDocument?.completion;
    this.enabled = c !== undefined;
    this.snippets = c?.completionItem?.snippetSupport === true;
    this.markdown = c?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) === true;
    this.labelDetails = c?.completionItem?.labelDetailsSupport === true;
    const valueSet = c?.completionItemKind?.valueSet;
    this.kinds = valueSet ? new Set(valueSet) : undefined;
    return this.enabled ? { completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false } } : {};
  }

  /** Registers the handler; called before initialize, so it checks the capability itself. */
  override listen(): void {
    this.connection.onCompletion((p) => (this.enabled ? this.complete(p) : null));
  }

  private kind(k: CompletionEntryKind): CompletionItemKind {
    const kind = KINDS[k];
    const listed = this.kinds ? this.kinds.has(kind) : kind >= CompletionItemKind.Text && kind <= CompletionItemKind.Reference;
    return listed ? kind : CompletionItemKind.Text;
  }

  private async complete(params: CompletionParams): Promise<CompletionItem[]> {
    const uri = params.textDocument.uri;
    try {
      const doc = this.host.document(uri);
      if (!doc) return [];
      const text = doc.getText();
      const offset = doc.offsetAt(params.position);
      const lineStart = doc.offsetAt({ line: params.position.line, character: 0 });
      const trigger =
        params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
      if (!mayComplete(text.slice(lineStart, offset), trigger)) return [];
      const result = await checkOfText(this.host, uri, text);
      if (!result) return [];
      const place = completionPlace(result, offset, trigger);
      if (!place) return [];
      const segmentNames = place.type === 'value' && place.segment ? await this.host.segmentNames(uri) : [];
      return completionEntries(result, place, { snippets: this.snippets, segmentNames }).map((e): CompletionItem => ({
        label: e.label,
        ...(e.tag && this.labelDetails ? { labelDetails: { description: e.tag } } : {}),
        kind: this.kind(e.kind),
        detail: e.detail,
        ...(e.documentation
          ? { documentation: this.markdown ? { kind: MarkupKind.Markdown, value: e.documentation } : e.documentation }
          : {}),
        textEdit: { range: e.range, newText: e.newText },
        insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        filterText: e.filterText,
        sortText: e.sortText,
      }));
    } catch (e) {
      this.host.logError(`Computing completions for ${uri} failed`, e);
      return [];
    }
  }
}
