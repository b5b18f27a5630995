/**
 * The workspace rules' pass over one document: each rule with `checkWorkspace` that applies to
 * the document's kind runs against its facts and the workspace model, with the same settings,
 * disable comments and message catalogue as the document's own rules (services/engine.ts).
 * It needs no tree and no text, so a front end can run it long after the document was parsed,
 * on another thread, from facts it kept or cached.
 */
import type { Language } from '../model/types';
import type { DocumentFacts, Located } from '../rules/workspace/facts';
import type { Rule, WorkspaceContext, WorkspaceReport } from '../rules/types';
import { rules as builtinRules } from '../rules/registry';
import type { Finding, LintConfig } from './engine';
import { ruleMessage } from './rule-message';
import { resolveRule } from './settings';

/** A related place of a workspace finding: the other document (by its id in the model) and a message. */
export interface RelatedFinding {
  id: string;
  range: Located['range'];
  message: string;
}

export interface WorkspacePassOptions {
  config?: LintConfig;
  rules?: readonly Rule<object>[];
  /** Language of messages; the document's language when absent. */
  locale?: Language;
}

/** The ids of the rules that read the workspace (their disable comments are kept in the facts). */
export function workspaceRuleIds(rules: readonly Rule<object>[] = builtinRules): string[] {
  return rules.filter((r) => r.checkWorkspace).map((r) => r.id);
}

/** Whether a rule that reads the workspace applies to documents of `kind`. */
export function kindUsesWorkspace(kind: string | undefined, rules: readonly Rule<object>[] = builtinRules): boolean {
  return kind !== undefined && rules.some((r) => r.checkWorkspace && (!r.kinds || r.kinds.includes(kind)));
}

/**
 * The findings of the workspace rules for the document whose facts are given. Rules that
 * throw lose only their own findings and are returned in `ruleErrors`.
 */
export function workspaceFindings(
  facts: DocumentFacts,
  workspace: WorkspaceContext,
  options: WorkspacePassOptions = {},
): { findings: Finding[]; ruleErrors: Array<{ rule: string; error: unknown }> } {
  const locale = options.locale ?? facts.language;
  const findings: Finding[] = [];
  const ruleErrors: Array<{ rule: string; error: unknown }> = [];
  for (const rule of options.rules ?? builtinRules) {
    if (!rule.checkWorkspace || (rule.kinds && !rule.kinds.includes(facts.kind))) continue;
    const resolved = resolveRule(rule, options.config?.rules?.[rule.id]);
    if (resolved.level === 'off') continue;
    const severity = resolved.level;
    const report = (r: WorkspaceReport): void => {
      if (r.at.off?.includes(rule.id)) return;
      findings.push(toFinding(rule, severity, r, locale));
    };
    try {
      rule.checkWorkspace({
        facts,
        ...(workspace.self !== undefined ? { self: workspace.self } : {}),
        model: workspace.model,
        options: resolved.options,
        language: facts.language,
        report,
      });
    } catch (error) {
      ruleErrors.push({ rule: rule.id, error });
    }
  }
  return { findings, ruleErrors };
}

function toFinding(rule: Rule<object>, severity: Finding['severity'], r: WorkspaceReport, locale: Language): Finding {
  const args = r.args ?? {};
  const finding: Finding = {
    rule: rule.id,
    severity,
    message: ruleMessage(rule, r.message, args, locale),
    messageId: r.message,
    args,
    span: r.at.span,
    range: r.at.range,
    fixes: (r.fixes ?? []).map((f) => ({
      title: ruleMessage(rule, f.title, f.args ?? {}, locale),
      preferred: f.preferred === true,
      edits: f.edits.map((e) => ({ span: e.at.span, range: e.at.range, newText: e.newText })),
    })),
  };
  if (r.related?.length)
    finding.related = r.related.map((x) => ({
      id: x.id,
      range: x.range,
      message: ruleMessage(rule, x.message, x.args ?? {}, locale),
    }));
  return finding;
}
