/** The order entries are listed in, for every client (their `sortText`). */
import type { CompletionEntry } from './types';

/** A zero-padded index, so that sort texts compare as the numbers do. */
export function pad(n: number): string {
  return String(n).padStart(4, '0');
}

/**
 * The order of the groups of entries where headings and fields are both offered (and of each
 * alone): what is required first, what is optional last.
 */
const GROUPS = ['requiredSection', 'requiredField', 'recommendedSection', 'field', 'optionalSection'] as const;

export type Group = (typeof GROUPS)[number];

export function sortKey(group: Group, index: number): string {
  return `${GROUPS.indexOf(group)}.${pad(index)}`;
}

/** Entries in the order of their sort keys (groups first, then their own order). */
export function byGroup(entries: CompletionEntry[]): CompletionEntry[] {
  return entries.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}
