/**
 * segdoc's requests beyond LSP — their method names and the types of their params and
 * results — declared once for both ends: the server's handlers (server/src/lsp) and the
 * client's commands, status bar and scorecard (client/src). The results are the services'
 * own types, so a field the server adds or renames is a type error in the client too.
 *
 * Only type imports and string constants: importing this module brings nothing of the engine
 * into the client bundle (test/unit/architecture.test.ts checks both).
 */
import type { Language } from '../model/types';

export type {
  Scores,
  SegmentScore,
  MatrixScore,
  MatrixRowScore,
  TierSplit,
  ChecklistScore,
  Completeness,
  CriterionId,
} from '../services/scores';
export type { Scorecard, ScorecardMatrix, ScorecardRow, ScoreColumn } from '../services/scorecard';
export type { RenderedTemplate, TemplateEntry } from '../services/templates';
export type { Range, Position } from '../parse/text';

/** `segdoc/scores { uri }` → `Scores | null`: a document's tallies (code lenses, the status bar). */
export const SCORES_METHOD = 'segdoc/scores';
/** `segdoc/scorecard { uri }` → `Scorecard | null`: the tallies plus what the scorecard view draws. */
export const SCORECARD_METHOD = 'segdoc/scorecard';
/** `segdoc/templates` → `TemplateEntry[]`: the document templates, for "New Document". */
export const TEMPLATES_METHOD = 'segdoc/templates';
/** `segdoc/template { kind, language, variant? }` → `RenderedTemplate | null`. */
export const TEMPLATE_METHOD = 'segdoc/template';
/** `segdoc/checkWorkspace { folders? }` → `CheckWorkspaceResult`, with work-done progress. */
export const CHECK_WORKSPACE_METHOD = 'segdoc/checkWorkspace';
/**
 * Notification `segdoc/workspaceTrust { trusted }`, client → server: the user trusted the
 * folder (VS Code's Workspace Trust). The initial state is `initializationOptions.trusted`
 * (trusted when absent, for clients without Workspace Trust).
 */
export const WORKSPACE_TRUST_METHOD = 'segdoc/workspaceTrust';

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** The params of the requests about one open document. */
export interface DocumentParams {
  uri: string;
}

export interface TemplateParams {
  kind: string;
  language: Language;
  /** `default` when absent. */
  variant?: string;
}

export interface CheckWorkspaceParams {
  /** Folder URIs to walk; the workspace folders of `initialize` when absent. */
  folders?: string[];
  /** LSP's work-done progress token (WorkDoneProgressParams), when the client shows progress. */
  workDoneToken?: number | string;
}

export interface CheckWorkspaceResult {
  /** Markdown files looked at (open ones included). */
  files: number;
  /** Of those, segdoc documents (open ones included). */
  documents: number;
  /** Open documents left to their live diagnostics. */
  open: number;
  /** Problems in the documents checked from disk, by severity. */
  errors: number;
  warnings: number;
  /** Other findings (information and hints). */
  others: number;
  /** The walk stopped at a bound (too many files or folders too deep). */
  truncated: boolean;
  cancelled: boolean;
}
