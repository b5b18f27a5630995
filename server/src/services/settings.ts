/**
 * Resolved rule settings: what the config file (or the defaults) say about each rule.
 * Loading and validating `.segdoc.json` lives in config.ts; this is the plain data the
 * engine consumes.
 */
import type { Rule, Severity } from '../rules/types';

export type RuleLevel = Severity | 'off';

/** As written in the config file: `"off"`, `"warning"`, or `["warning", { …options }]`. */
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

export interface ResolvedRule {
  level: RuleLevel;
  options: Record<string, unknown>;
}

export function resolveRule(rule: Rule<object>, setting: RuleSetting | undefined): ResolvedRule {
  const defaults = { ...((rule.defaults ?? {}) as Record<string, unknown>) };
  if (setting === undefined) return { level: rule.severity, options: defaults };
  if (typeof setting === 'string') return { level: setting, options: defaults };
  const [level, options] = setting;
  return { level, options: { ...defaults, ...(options ?? {}) } };
}
