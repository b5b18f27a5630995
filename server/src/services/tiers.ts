/**
 * The tier thresholds of the prioritization matrix a document is tallied with: the score-tier
 * rule's options (30 and 20 of 40 unless the config says otherwise). The one place the
 * tallies, the scorecard and the hovers read them from, so that they tier a total exactly as
 * the rule that reports it does.
 */
import { DEFAULT_THRESHOLDS, type TierThresholds } from '../rules/matrix/evaluate';
import { ruleById } from '../rules/registry';
import type { LintConfig } from './engine';
import { resolveRule } from './settings';

export function tierThresholds(config: LintConfig | undefined): TierThresholds {
  const rule = ruleById('score-tier');
  const options: Record<string, unknown> = rule ? resolveRule(rule, config?.rules?.['score-tier']).options : {};
  const number = (key: keyof TierThresholds): number => {
    const v = options[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_THRESHOLDS[key];
  };
  return { tier1Min: number('tier1Min'), tier2Min: number('tier2Min') };
}
