/**
 * The status bar item with the active document's tallies (`$(checklist) Buyer persona · 88% ·
 * 12/15 criteria`), which opens the scorecard (`segdoc.showScores`), and the `segdoc.goToScore`
 * command that lists the tallies in a quick pick. The numbers come from the server's
 * `segdoc/scores` request; the client only renders them (architecture invariant: no
 * validation logic here).
 *
 * The item follows the active editor: it asks again when the editor changes and, debounced,
 * when the active document's diagnostics change (the server publishes them after every check,
 * so they mark a new set of tallies). It is hidden for anything that is not a segdoc document.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SCORES_METHOD, type CriterionId, type Range, type Scores } from '../../server/src/protocol';
import { t, type ClientLanguage } from './messages';
import { CRITERIA } from './scorecard/types';

export type { Scores };

/** The command the status bar item and the server's code lenses run: it opens the scorecard (scorecard/panel.ts). */
export const SHOW_SCORES = 'segdoc.showScores';

/** The quick pick of the tallies, each leading to its place in the document. */
export const GO_TO_SCORE = 'segdoc.goToScore';

/** Delay after a diagnostics change before asking, so that a burst of changes asks once. */
const DEBOUNCE_MS = 150;

function isMarkdown(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return doc !== undefined && doc.languageId === 'markdown' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

/** `$(checklist) Buyer persona · 88% · 12/15 criteria`. */
export function statusText(scores: Scores, language: ClientLanguage): string {
  const parts = [scores.title, `${scores.completeness.percent}%`];
  if (scores.segments.of) parts.push(t('statusCriteria', language, { met: scores.segments.met, of: scores.segments.of }));
  return `$(checklist) ${parts.join(' · ')}`;
}

function statusTooltip(scores: Scores, language: ClientLanguage): string {
  const lines = [
    `${scores.title} (${scores.kind})`,
    t('scoresCompleteness', language, {
      percent: scores.completeness.percent,
      filled: scores.completeness.filled,
      total: scores.completeness.total,
    }),
  ];
  if (scores.completeness.missing.length) lines.push(t('scoresMissing', language, { missing: missingLabels(scores) }));
  if (scores.segments.of) lines.push(t('statusCriteria', language, { met: scores.segments.met, of: scores.segments.of }));
  if (scores.checklists.total)
    lines.push(t('scoresChecklists', language, { done: scores.checklists.done, total: scores.checklists.total }));
  lines.push(t('scoresPlaceholders', language, { count: scores.placeholders }));
  lines.push('', t('completenessRule', language), '', t('statusClick', language));
  return lines.join('\n');
}

/** `Goals & Responsibilities, Demographics › Job Title`. */
function missingLabels(scores: Scores): string {
  return scores.completeness.missing.map((m) => m.label).join(', ');
}

function marks(criteria: Record<CriterionId, boolean>, language: ClientLanguage): string {
  return CRITERIA.map((c) => `${t(c, language)} ${criteria[c] ? '✓' : '✗'}`).join('  ');
}

interface ScoreItem extends vscode.QuickPickItem {
  range?: Range;
}

/** The quick pick's items: one per tally, grouped under separators, each leading to its place. */
export function scoreItems(scores: Scores, language: ClientLanguage): ScoreItem[] {
  const sep = (label: string): ScoreItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const c = scores.completeness;
  const items: ScoreItem[] = [
    {
      label: `$(checklist) ${scores.title}`,
      description: t('scoresCompleteness', language, { percent: c.percent, filled: c.filled, total: c.total }),
      ...(c.missing.length ? { detail: t('scoresMissing', language, { missing: missingLabels(scores) }) } : {}),
      range: scores.range,
    },
  ];
  if (scores.segments.items.length) {
    items.push(sep(t('scoresSegments', language, { met: scores.segments.met, of: scores.segments.of })));
    for (const s of scores.segments.items) {
      items.push({ label: s.name, description: `${s.met}/${s.of}`, detail: marks(s.criteria, language), range: s.range });
    }
  }
  if (scores.matrices.items.length) {
    items.push(sep(t('scoresMatrix', language)));
    for (const m of scores.matrices.items) {
      for (const r of m.rows) {
        const description =
          r.total === null || r.tier === null
            ? t('scoresRowUnknown', language)
            : t('scoresRow', language, { total: r.total, tier: r.tier });
        items.push({ label: r.segment, description, range: r.range });
      }
    }
    for (const tier of scores.matrices.tiers) {
      const allocation = tier.allocation
        ? tier.allocation.min === tier.allocation.max
          ? `${tier.allocation.min}%`
          : `${tier.allocation.min}–${tier.allocation.max}%`
        : '—';
      items.push({
        label: t('scoresTier', language, { tier: tier.tier }),
        description: t('scoresTierSplit', language, { count: tier.segments.length, share: tier.share, allocation }),
        ...(tier.segments.length ? { detail: tier.segments.join(', ') } : {}),
        range: scores.matrices.items[0]!.range,
      });
    }
  }
  if (scores.checklists.items.length) {
    items.push(sep(t('scoresChecklists', language, { done: scores.checklists.done, total: scores.checklists.total })));
    for (const list of scores.checklists.items) {
      items.push({
        label: t('scoresChecklist', language, { line: list.range.start.line + 1 }),
        description: `${list.done}/${list.total}`,
        range: list.range,
      });
    }
  }
  items.push(sep(''));
  items.push({ label: t('scoresPlaceholders', language, { count: scores.placeholders }) });
  return items;
}

export class ScoresStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('segdoc.scores', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per request, so that an answer for an editor no longer active is dropped. */
  private sequence = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly language: () => ClientLanguage,
  ) {
    this.item.name = 'segdoc';
    this.item.command = SHOW_SCORES;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc === vscode.window.activeTextEditor?.document) this.hide();
      }),
      vscode.commands.registerCommand(GO_TO_SCORE, (uri?: unknown) => this.show(uri)),
    );
    this.ready.then(
      () => this.update(),
      () => this.hide(),
    );
  }

  /** The tallies of a document; null when it is not a segdoc document or the server cannot say. */
  async scoresOf(uri: vscode.Uri): Promise<Scores | null> {
    try {
      await this.ready;
      if (!this.client.isRunning()) return null;
      return await this.client.sendRequest<Scores | null>(SCORES_METHOD, { uri: this.client.code2ProtocolConverter.asUri(uri) });
    } catch {
      // The server is restarting or stopped: there is nothing to show until it answers again.
      return null;
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, DEBOUNCE_MS);
  }

  private hide(): void {
    this.sequence++;
    this.item.hide();
  }

  private async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isMarkdown(doc)) return this.hide();
    const sequence = ++this.sequence;
    const scores = await this.scoresOf(doc.uri);
    if (sequence !== this.sequence) return;
    if (!scores) {
      this.item.hide();
      return;
    }
    const language = this.language();
    this.item.text = statusText(scores, language);
    this.item.tooltip = statusTooltip(scores, language);
    this.item.show();
  }

  /** `segdoc.goToScore [uri]`: the tallies in a quick pick; picking one goes to its place. */
  private async show(arg: unknown): Promise<void> {
    const language = this.language();
    const uri =
      typeof arg === 'string'
        ? vscode.Uri.parse(arg)
        : arg instanceof vscode.Uri
          ? arg
          : vscode.window.activeTextEditor?.document.uri;
    const scores = uri ? await this.scoresOf(uri) : null;
    if (!uri || !scores) {
      void vscode.window.showInformationMessage(t('scoresNone', language));
      return;
    }
    const picked = await vscode.window.showQuickPick(scoreItems(scores, language), {
      title: t('scoresTitle', language, { kind: scores.kind }),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked?.range) return;
    const at = new vscode.Position(picked.range.start.line, picked.range.start.character);
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
