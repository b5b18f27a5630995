/**
 * "segdoc: Show Scorecard": a webview beside the editor with the scorecard of a segdoc
 * document — its segments' five criteria, a chart of its prioritization matrix,
 * completeness, checklists and placeholders. The numbers come from the server
 * (`segdoc/scorecard`); the HTML from render.ts. The client holds no validation logic.
 *
 * The view follows its document: after each change of the document's diagnostics (the
 * server publishes them after every check) it asks again, debounced, and swaps the new body
 * in without reloading the page. When another Markdown editor becomes active and the server
 * has a scorecard for it, the view follows that document instead; for any other editor it
 * keeps the last one. One view at a time: showing it again reveals the one there is.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { t, type ClientLanguage } from '../messages';
import { SHOW_SCORES } from '../status';
import { renderMessage, renderScorecard, renderScorecardBody, scorecardStrings } from './render';
import { SCORECARD_METHOD } from '../../../server/src/protocol';
import type { Scorecard } from './types';

/** The command the palette lists; status.ts's SHOW_SCORES (the status bar item, the code lenses) opens the same view. */
export const SHOW_SCORECARD = 'segdoc.showScorecard';

const VIEW_TYPE = 'segdoc.scorecard';

/** Delay after a diagnostics change before asking, so that a burst of changes asks once. */
const DEBOUNCE_MS = 150;

/** What a render put on screen; the extension-host tests read it through the API. */
export interface ScorecardRender {
  uri: string;
  /** The body shown (renderScorecardBody), or the message when there is no scorecard. */
  html: string;
  scorecard: Scorecard | null;
}

export interface ScorecardApi {
  /** The last render of the open scorecard view, if one is open. */
  current(): ScorecardRender | undefined;
  /** Fires after every render. */
  readonly onDidRender: vscode.Event<ScorecardRender>;
}

function isMarkdown(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return doc !== undefined && doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

class ScorecardView implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per request, so that an answer for an earlier document or text is dropped. */
  private sequence = 0;
  private nonce = randomBytes(16).toString('base64');
  /** Whether the page holds a scorecard body that an update message can replace. */
  private pageReady = false;
  last: ScorecardRender | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private uri: vscode.Uri,
    private readonly fetch: (uri: vscode.Uri) => Promise<Scorecard | null>,
    private readonly language: () => ClientLanguage,
    private readonly rendered: vscode.EventEmitter<ScorecardRender>,
    private readonly onDispose: () => void,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.received(m)),
      // A hidden webview is discarded; shown again, it gets the whole page.
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) {
          this.pageReady = false;
          void this.refresh();
        }
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const key = this.uri.toString();
        if (e.uris.some((u) => u.toString() === key)) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.follow(editor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('segdoc.language')) {
          this.pageReady = false;
          this.schedule();
        }
      }),
    );
  }

  /** Shows the scorecard of `uri` (the same one again, or another document). */
  show(uri: vscode.Uri, preserveFocus: boolean): Promise<void> {
    if (uri.toString() !== this.uri.toString()) {
      this.uri = uri;
      this.pageReady = false;
    }
    this.panel.reveal(undefined, preserveFocus);
    return this.refresh();
  }

  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    const doc = editor?.document;
    if (!isMarkdown(doc) || doc.uri.toString() === this.uri.toString()) return;
    const sequence = ++this.sequence;
    const card = await this.fetch(doc.uri);
    // Only segdoc documents take the view over; a README keeps the last scorecard on screen.
    if (!card || sequence !== this.sequence) return;
    this.uri = doc.uri;
    this.pageReady = false;
    this.render(card, sequence);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    const sequence = ++this.sequence;
    const card = await this.fetch(this.uri);
    if (sequence !== this.sequence) return;
    this.render(card, sequence);
  }

  private render(card: Scorecard | null, sequence: number): void {
    if (sequence !== this.sequence) return;
    const strings = scorecardStrings(this.language());
    const file = fileName(this.uri);
    this.panel.title = t('cardTitle', strings.language, { name: file });
    let html: string;
    if (!card) {
      html = t('scoresNone', strings.language);
      this.panel.webview.html = renderMessage(html, strings, { nonce: this.nonce });
      this.pageReady = false;
    } else if (this.pageReady) {
      html = renderScorecardBody(card, strings, file);
      void this.panel.webview.postMessage({ type: 'update', html });
    } else {
      html = renderScorecardBody(card, strings, file);
      // A fresh nonce per page: a nonce that never changes would not protect anything.
      this.nonce = randomBytes(16).toString('base64');
      this.panel.webview.html = renderScorecard(card, strings, { nonce: this.nonce, file });
      this.pageReady = true;
    }
    this.last = { uri: this.uri.toString(), html, scorecard: card };
    this.rendered.fire(this.last);
  }

  /** `{ type: 'reveal', line, character }` from a click on a name: go to that place. */
  private async received(message: unknown): Promise<void> {
    const m = message as { type?: unknown; line?: unknown; character?: unknown } | undefined;
    if (m?.type !== 'reveal' || typeof m.line !== 'number' || typeof m.character !== 'number') return;
    const at = new vscode.Position(m.line, m.character);
    const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(this.uri, {
      viewColumn: open?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.sequence++;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

/**
 * Registers `segdoc.showScorecard` and `segdoc.showScores` (both open the view; the second is
 * the one the status bar item and the code lenses run, with a document URI as argument).
 */
export function registerScorecard(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  ready: Promise<void>,
  language: () => ClientLanguage,
): ScorecardApi {
  const rendered = new vscode.EventEmitter<ScorecardRender>();
  let view: ScorecardView | undefined;

  const fetch = async (uri: vscode.Uri): Promise<Scorecard | null> => {
    try {
      await ready;
      if (!client.isRunning()) return null;
      return await client.sendRequest<Scorecard | null>(SCORECARD_METHOD, { uri: client.code2ProtocolConverter.asUri(uri) });
    } catch {
      // The server is restarting or stopped: the view says there is nothing to show.
      return null;
    }
  };

  const show = async (arg?: unknown): Promise<void> => {
    const uri =
      typeof arg === 'string'
        ? vscode.Uri.parse(arg)
        : arg instanceof vscode.Uri
          ? arg
          : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(t('scoresNone', language()));
      return;
    }
    if (view) return view.show(uri, true);
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      t('cardTitle', language(), { name: fileName(uri) }),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Scripts for the reveal links and in-place updates; no local files are loaded.
      { enableScripts: true, localResourceRoots: [] },
    );
    panel.webview.html = renderMessage(t('cardWaiting', language()), scorecardStrings(language()), {
      nonce: randomBytes(16).toString('base64'),
    });
    view = new ScorecardView(panel, uri, fetch, language, rendered, () => {
      view = undefined;
    });
    return view.refresh();
  };

  context.subscriptions.push(
    rendered,
    vscode.commands.registerCommand(SHOW_SCORECARD, show),
    vscode.commands.registerCommand(SHOW_SCORES, show),
    { dispose: () => view?.panel.dispose() },
  );
  return { current: () => view?.last, onDidRender: rendered.event };
}
