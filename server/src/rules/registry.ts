/**
 * The rule registry: a plain list. Adding a rule = adding its file and one line here.
 */
import type { Rule } from './types';
import config from './config';
import duplicateSection from './duplicate-section';
import emptySection from './empty-section';
import metadata from './metadata';
import misspelledSection from './misspelled-section';
import parseLimit from './parse-limit';
import placeholder from './placeholder';
import recommendedSection from './recommended-section';
import requiredField from './required-field';
import requiredSection from './required-section';
import sectionOrder from './section-order';
import staleDocument from './stale-document';

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
  staleDocument,
  parseLimit,
  config,
] as Rule<object>[];

export function ruleById(id: string): Rule<object> | undefined {
  return rules.find((r) => r.id === id);
}
