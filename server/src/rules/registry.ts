/**
 * The rule registry: a plain list. Adding a rule takes more than a line here: see the
 * checklist "Adding a rule" in ARCHITECTURE.md (its file, this list, its Russian messages,
 * fixtures in both languages, its page, and `npm run generate`).
 */
import type { Rule } from './types';
import allocationRange from './allocation-range';
import allocationSum from './allocation-sum';
import approvedChecklist from './approved-checklist';
import companySizeBand from './company-size-band';
import config from './config';
import duplicateSection from './duplicate-section';
import emptySection from './empty-section';
import fieldValue from './field-value';
import gtmMotion from './gtm-motion';
import keyMessages from './key-messages';
import launchReview from './launch-review';
import launchTimeline from './launch-timeline';
import listLength from './list-length';
import marketSizing from './market-sizing';
import metadata from './metadata';
import misspelledSection from './misspelled-section';
import parseLimit from './parse-limit';
import personaEvidence from './persona-evidence';
import placeholder from './placeholder';
import positioningStatement from './positioning-statement';
import recommendedSection from './recommended-section';
import requiredField from './required-field';
import requiredSection from './required-section';
import researchSample from './research-sample';
import scoreRange from './score-range';
import scoreTier from './score-tier';
import scoreTotal from './score-total';
import sectionOrder from './section-order';
import segmentAccessible from './segment-accessible';
import segmentActionable from './segment-actionable';
import segmentCount from './segment-count';
import segmentDemographicOnly from './segment-demographic-only';
import segmentDifferentiable from './segment-differentiable';
import segmentMeasurable from './segment-measurable';
import segmentSubstantial from './segment-substantial';
import staleDocument from './stale-document';
import tierMismatch from './tier-mismatch';
import unitEconomics from './unit-economics';
import unknownKind from './unknown-kind';
import unknownSegment from './unknown-segment';
import gtmUnknownSegment from './gtm-unknown-segment';
import matrixUnknownSegment from './matrix-unknown-segment';
import segmentTierConflict from './segment-tier-conflict';
import segmentUnscored from './segment-unscored';
import segmentWithoutPersona from './segment-without-persona';

export const rules: readonly Rule<object>[] = [
  requiredSection,
  recommendedSection,
  emptySection,
  requiredField,
  duplicateSection,
  sectionOrder,
  misspelledSection,
  placeholder,
  metadata,
  fieldValue,
  staleDocument,
  approvedChecklist,
  segmentCount,
  segmentMeasurable,
  segmentSubstantial,
  segmentAccessible,
  segmentDifferentiable,
  segmentActionable,
  segmentDemographicOnly,
  companySizeBand,
  scoreRange,
  scoreTotal,
  scoreTier,
  tierMismatch,
  allocationSum,
  allocationRange,
  personaEvidence,
  researchSample,
  keyMessages,
  listLength,
  unknownSegment,
  matrixUnknownSegment,
  gtmUnknownSegment,
  segmentUnscored,
  segmentTierConflict,
  segmentWithoutPersona,
  positioningStatement,
  marketSizing,
  unitEconomics,
  gtmMotion,
  launchTimeline,
  launchReview,
  parseLimit,
  unknownKind,
  config,
] as Rule<object>[];

export function ruleById(id: string): Rule<object> | undefined {
  return rules.find((r) => r.id === id);
}
