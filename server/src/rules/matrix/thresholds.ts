/**
 * The tier thresholds as rule options. score-tier and tier-mismatch both tier a matrix total
 * and take the same two options with the same defaults (the prioritization matrix: 30–40 is
 * tier 1, 20–29 tier 2); each option's description names the other rule, since a config that
 * changes one should change both (the tallies read score-tier's, services/tiers.ts).
 */
import { DEFAULT_THRESHOLDS, type TierThresholds } from './evaluate';

/** `defaults` and `optionsSchema` of a rule whose options are the tier thresholds; `partner` is the rule to keep in step. */
export function tierThresholdOptions(partner: string): { defaults: TierThresholds; optionsSchema: Record<string, unknown> } {
  return {
    defaults: { ...DEFAULT_THRESHOLDS },
    optionsSchema: {
      type: 'object',
      properties: {
        tier1Min: {
          type: 'number',
          description: `The lowest total of Tier 1 (the prioritization matrix: 30). Keep ${partner} in step.`,
        },
        tier2Min: {
          type: 'number',
          description: `The lowest total of Tier 2; lower totals are Tier 3 (the prioritization matrix: 20). Keep ${partner} in step.`,
        },
      },
      additionalProperties: false,
    },
  };
}

/** The thresholds out of a rule's resolved options (which may carry other keys). */
export function thresholdsOf(options: TierThresholds): TierThresholds {
  return { tier1Min: options.tier1Min, tier2Min: options.tier2Min };
}
