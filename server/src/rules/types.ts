/**
 * A rule is metadata plus a function (markdownlint, remark-lint). Severity, enabling,
 * disable comments and option defaults are handled once, by the engine, never by a rule.
 * Rules report offsets and message ids with parameters; they never build LSP objects and
 * never concatenate English.
 */
import type { KindMatch, SchemaIssue } from '../schemas/validate';
import type { KindSchema } from '../schemas/kinds';
import type { Language, SegDocument } from '../model/types';
import type { Range, Span } from '../parse/text';
import type { DocumentFacts, Located } from './workspace/facts';
import type { WorkspaceModel } from './workspace/model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

import type { MessageArgs } from '../l10n';

export type { MessageArgs };

/** A text edit in document offsets. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface FixSpec {
  /** Message id in the rule's catalogue for the fix title. */
  title: string;
  args?: MessageArgs;
  edits: TextEdit[];
  /** The fix VS Code applies with "Fix all" / auto-fix. */
  preferred?: boolean;
}

export interface Report {
  /** Message id in the rule's catalogue. */
  message: string;
  args?: MessageArgs;
  span: Span;
  fixes?: FixSpec[];
}

/** A segment defined by a segdoc document of the workspace (or of the files the CLI checks). */
export interface KnownSegment {
  name: string;
  /** Where it is defined: a file name or a document title, for messages. */
  source: string;
  /** The defining document's id in the workspace model, and the name's range there. */
  id?: string;
  range?: Range;
}

/**
 * What a front end knows about the other documents: the language server the workspace's,
 * the CLI the files it checks. Undefined when it knows nothing (a rule that needs it stays
 * quiet rather than guess).
 */
export interface WorkspaceContext {
  model: WorkspaceModel;
  /** The checked document's own id in the model, when it is in it. */
  self?: string;
}

/** A place in another document that a workspace finding refers to (LSP related information). */
export interface RelatedSpec {
  /** The other document's id in the workspace model. */
  id: string;
  range: Range;
  /** Message id in the rule's catalogue. */
  message: string;
  args?: MessageArgs;
}

/** What a workspace rule reports: like {@link Report}, at a place of the document's facts. */
export interface WorkspaceReport {
  message: string;
  args?: MessageArgs;
  at: Located;
  fixes?: Array<Omit<FixSpec, 'edits'> & { edits: Array<{ at: Located; newText: string }> }>;
  related?: RelatedSpec[];
}

/**
 * What a workspace rule sees: the checked document's facts and the workspace model —
 * never a document's tree, so that it can run where only the facts are kept (the CLI's
 * workspace pass, a worker's results).
 */
export interface WorkspaceRuleContext<O> {
  facts: DocumentFacts;
  self?: string;
  model: WorkspaceModel;
  options: O;
  /** The document's language, for texts a fix inserts. */
  language: Language;
  report(report: WorkspaceReport): void;
}

export interface RuleContext<O> {
  doc: SegDocument;
  kind: KindSchema;
  match: KindMatch;
  /** Every schema validation issue of the document; a rule picks those with its id. */
  issues: SchemaIssue[];
  options: O;
  /** The user's language for texts a fix inserts (the document language). */
  language: Language;
  /** "Today", injectable so that date rules are testable. */
  now: Date;
  report(report: Report): void;
}

export interface Rule<O extends object = Record<string, unknown>> {
  id: string;
  severity: Severity;
  /** What the rule checks, in English; l10n/ bundles translate it. */
  description: string;
  /** Message catalogue: id → English text with `{param}` placeholders; l10n/ bundles translate it. */
  messages: Record<string, string>;
  /** Option defaults; the config file may override any of them. */
  defaults?: O;
  /** JSON schema of the options object, used to validate the config file. */
  optionsSchema?: Record<string, unknown>;
  /** Kinds the rule applies to; every kind when absent. */
  kinds?: string[];
  /** Checks one document from its model. */
  check?(ctx: RuleContext<O>): void;
  /**
   * Checks one document against the other documents of the workspace, from the facts alone
   * (rules/workspace/facts.ts). Front ends that know the other documents run it; a rule
   * that has it compares documents, and front ends check its documents again when the
   * workspace changes.
   */
  checkWorkspace?(ctx: WorkspaceRuleContext<O>): void;
}

/** Declares a rule with its option type inferred. */
export function defineRule<O extends object = Record<string, unknown>>(rule: Rule<O>): Rule<O> {
  return rule;
}
