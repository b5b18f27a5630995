/**
 * The engine: text in, findings out. Used by the language server, the CLI, tests and the
 * benchmark alike. Plain functions over plain data; no protocol types.
 */
import { buildDocument, buildDocumentAsync, type BuildOptions, type ChunkParser, type FragmentCache } from '../model/build';
import type { Language, SegDocument } from '../model/types';
import type { ParseLimits } from '../parse/markdown';
import type { Range, Span } from '../parse/text';
import { builtinKinds } from '../schemas/builtin';
import { detectKind, type Detection } from '../schemas/detect';
import { kindFamily, type KindSchema } from '../schemas/kinds';
import { matchSections, validateKind, type KindMatch } from '../schemas/validate';
import { ruleById, rules as builtinRules } from '../rules/registry';
import { unknownKindReport } from '../rules/unknown-kind';
import type { MessageArgs } from '../l10n';
import type { Report, Rule, Severity, WorkspaceContext } from '../rules/types';
import { extractFacts, Locator, type DocumentFacts } from '../rules/workspace/facts';
import { tierThresholds } from './tiers';
import { ruleMessage } from './rule-message';
import { resolveRule, type RuleSetting } from './settings';
import { Suppressions } from './suppress';
import { kindUsesWorkspace, workspaceFindings, workspaceRuleIds, type RelatedFinding } from './workspace-rules';

export interface FixEdit {
  span: Span;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: FixEdit[];
  preferred: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  messageId: string;
  args: MessageArgs;
  span: Span;
  range: Range;
  fixes: Fix[];
  /** Places in other documents the finding refers to (workspace rules). */
  related?: RelatedFinding[];
}

export interface LintConfig {
  /** Rule settings by id (from the config file). */
  rules?: Record<string, RuleSetting>;
  /** Kind schemas to use (built-in ones, possibly replaced or extended by the config). */
  kinds?: readonly KindSchema[];
  /** Extra file globs per kind, relative to the config file's folder. */
  globs?: Record<string, string[]>;
}

export interface LintOptions {
  path?: string;
  /** Path relative to the config file's folder, for config globs. */
  relativePath?: string;
  config?: LintConfig;
  /** Language of messages; the document's language when absent. */
  locale?: Language;
  now?: Date;
  cache?: FragmentCache | null;
  limits?: ParseLimits;
  /** Rules to run instead of the built-in registry (tests, or a front end's own selection). */
  rules?: readonly Rule<object>[];
  /**
   * What the front end knows about the other documents (rules/workspace/model.ts): the rules
   * that compare documents run when it is given, and stay quiet when not.
   */
  workspace?: WorkspaceContext;
}

export interface LintResult {
  doc: SegDocument;
  /**
   * Undefined when the file is not a segdoc document: it then has no findings, unless its
   * front matter names a kind that does not exist (one unknown-kind finding).
   */
  detection?: Detection;
  match?: KindMatch;
  findings: Finding[];
  /** The language messages were written in. */
  locale: Language;
  /**
   * Rules that threw while checking this document. A failing rule loses only its own
   * findings; the front end says so (the server logs it, the CLI prints it to stderr).
   */
  ruleErrors: Array<{ rule: string; error: unknown }>;
  /** The config the document was checked with, so that tallies use the same rule options. */
  config?: LintConfig;
  /** What the document contributes to the workspace model (segdoc documents only). */
  facts?: DocumentFacts;
}

/**
 * Whether a checked document is one that a rule reading `ctx.workspace` applies to: front
 * ends check such documents again when what they know of the workspace changes.
 */
export function usesWorkspace(result: LintResult, rules: readonly Rule<object>[] = builtinRules): boolean {
  return kindUsesWorkspace(result.detection ? kindFamily(result.detection.kind) : undefined, rules);
}

function buildOptions(options: LintOptions): BuildOptions {
  return {
    ...(options.path !== undefined ? { path: options.path } : {}),
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  };
}

/** Parses and checks one document, on this thread. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return check(buildDocument(text, buildOptions(options)), options);
}

/**
 * Parses one document through `parser` (services/parse-pool.ts: worker threads, a time budget
 * per chunk) and checks it. The front ends use this: the thread that calls it stays free
 * while the document is parsed, and a chunk too slow to parse is a parse-limit finding.
 */
export async function lintAsync(text: string, parser: ChunkParser, options: LintOptions = {}): Promise<LintResult> {
  return check(await buildDocumentAsync(text, parser, buildOptions(options)), options);
}

/** Checks an already built document. */
export function check(doc: SegDocument, options: LintOptions = {}): LintResult {
  const locale = options.locale ?? doc.language;
  const kinds = options.config?.kinds ?? builtinKinds();
  const detection = detectKind(doc, kinds, {
    ...(options.config?.globs ? { globs: options.config.globs } : {}),
    ...(options.relativePath !== undefined ? { relativePath: options.relativePath } : {}),
  });
  const ruleList = options.rules ?? builtinRules;
  // Front matter naming no kind is reported whether or not the document has a kind: a
  // document whose kind is unknown has no kind for rules to run with.
  const unknownKind = ruleList.find((r) => r.id === 'unknown-kind');
  const unknownLevel = unknownKind ? resolveRule(unknownKind, options.config?.rules?.[unknownKind.id]).level : 'off';
  const unknown = unknownLevel !== 'off' ? unknownKindReport(doc, kinds) : undefined;
  if (!detection && !unknown) return { doc, findings: [], locale, ruleErrors: [] };
  const suppress = new Suppressions(doc);
  const findings: Finding[] = [];
  if (unknown && unknownLevel !== 'off' && !suppress.isSuppressed(unknownKind!.id, unknown.span.start)) {
    findings.push(toFinding(doc, unknownKind!, unknownLevel, unknown, locale));
  }
  if (!detection)
    return { doc, findings, locale, ruleErrors: [], ...(findings.length && options.config ? { config: options.config } : {}) };

  const match = matchSections(doc, detection.kind);
  const ruleErrors: LintResult['ruleErrors'] = [];
  runRules(doc, detection, match, { options, ruleList, suppress, locale, findings, ruleErrors });
  const facts = extractFacts(doc, detection, match, new Locator(doc, suppress, workspaceRuleIds(ruleList)), {
    thresholds: tierThresholds(options.config),
  });
  if (options.workspace) {
    const pass = workspaceFindings(facts, options.workspace, {
      rules: ruleList,
      locale,
      ...(options.config ? { config: options.config } : {}),
    });
    findings.push(...pass.findings);
    ruleErrors.push(...pass.ruleErrors);
  }
  sortFindings(findings);
  return { doc, detection, match, findings, locale, ruleErrors, facts, ...(options.config ? { config: options.config } : {}) };
}

interface RulePass {
  options: LintOptions;
  ruleList: readonly Rule<object>[];
  suppress: Suppressions;
  locale: Language;
  findings: Finding[];
  ruleErrors: LintResult['ruleErrors'];
}

/** Runs the rules that check one document from its model, adding their findings. */
function runRules(doc: SegDocument, detection: Detection, match: KindMatch, pass: RulePass): void {
  const { options, ruleList, suppress, locale, findings, ruleErrors } = pass;
  const issues = validateKind(doc, match);
  const now = options.now ?? new Date();

  for (const rule of ruleList) {
    if (!rule.check || (rule.kinds && !rule.kinds.includes(kindFamily(detection.kind)))) continue;
    const resolved = resolveRule(rule, ruleSetting(detection.kind, options.config, rule.id));
    if (resolved.level === 'off') continue;
    const severity = resolved.level;
    const report = (r: Report): void => {
      if (suppress.isSuppressed(rule.id, r.span.start)) return;
      findings.push(toFinding(doc, rule, severity, r, locale));
    };
    try {
      rule.check({
        doc,
        kind: detection.kind,
        match,
        issues,
        options: resolved.options,
        language: doc.language,
        now,
        report,
      });
    } catch (error) {
      ruleErrors.push({ rule: rule.id, error });
    }
  }
}

/** A rule's setting for a document of `kind`: an extended kind's own (team standards), else the config's. */
export function ruleSetting(kind: KindSchema | undefined, config: LintConfig | undefined, id: string): RuleSetting | undefined {
  return (kind?.rules?.[id] as RuleSetting | undefined) ?? config?.rules?.[id];
}

/** Sorts findings as every front end reports them: by place, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

function toFinding(doc: SegDocument, rule: Rule<object>, severity: Severity, r: Report, locale: Language): Finding {
  const args = r.args ?? {};
  return {
    rule: rule.id,
    severity,
    message: ruleMessage(rule, r.message, args, locale),
    messageId: r.message,
    args,
    span: r.span,
    range: doc.lines.rangeOf(r.span),
    fixes: (r.fixes ?? []).map((f) => ({
      title: ruleMessage(rule, f.title, f.args ?? {}, locale),
      preferred: f.preferred === true,
      edits: f.edits.map((e) => ({ span: e.span, range: doc.lines.rangeOf(e.span), newText: e.newText })),
    })),
  };
}

export { ruleById };
