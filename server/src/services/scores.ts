/**
 * Score tallies: completeness, the five segment criteria, the prioritization matrices with
 * their tier split, checklists and placeholders left, computed from a lint result. One
 * function, one plain JSON-serialisable shape, read by every front end: the CLI prints it
 * (`--format json` `scores`, the stylish tally line), the language server turns it into code
 * lenses and answers `segdoc/scores` with it, and the VS Code status bar shows it.
 *
 * The tallies read the same evaluations as the rules (evaluateSegments, evaluateMatrices)
 * with the same options, config overrides included, so a ✗ or a tier in a tally always
 * agrees with the diagnostics. Positions are LSP-shaped ranges (0-based lines, UTF-16
 * characters), as in the CLI's diagnostics, so the CLI and the server share one shape.
 *
 * Decisions:
 * - completeness is the share of the title, required sections and required fields filled in
 *   (completeness.ts says what counts as filled, and `missing` what is not).
 * - the five criteria are always tallied, whatever the severity of the segment-* rules: a
 *   rule turned off silences a diagnostic, not the methodology's count. Options (minimum,
 *   rates, threshold) come from the rules' settings in the config.
 * - the tier split (`matrices.tiers`) puts every matrix row with a computed tier under that
 *   tier: its segments, and their share of all such rows in percent. Where the document has
 *   tier sections (prioritization), each tier's stated Resource Allocation is added as a
 *   `{ min, max }` percentage (equal bounds for a single value, both bounds of a `60–70%`).
 *   Shares are of segments, allocations as stated: the two are shown side by side, never mixed.
 * - a checklist is a list holding task items (`- [ ]` / `- [x]`) at any depth; `done` and
 *   `total` count its task items only, nested ones included.
 * - placeholders are counted where the placeholder rule looks for them, whatever that rule's
 *   settings (completeness.ts `placeholdersLeft`).
 */
import type { Currency } from '../model/numbers';
import type { Language, List, ListItem, SegDocument } from '../model/types';
import type { Range, Span } from '../parse/text';
import { pick, type KindSchema } from '../schemas/kinds';
import type { KindMatch } from '../schemas/validate';
import { tierAllocations } from '../rules/matrix/allocations';
import { evaluateMatrices, formatNumber, type Tier } from '../rules/matrix/evaluate';
import { CRITERIA, evaluateSegments, type CriterionId, type EvaluationOptions } from '../rules/segments/evaluate';
import { ruleById } from '../rules/registry';
import { counter, translator, type Plural } from '../l10n';
import { documentSpan } from '../rules/util/report';
import { completenessOf, placeholdersLeft, type Completeness } from './completeness';
import type { LintConfig, LintResult } from './engine';
import { resolveRule } from './settings';
import { tierThresholds } from './tiers';

export type { CriterionId } from '../rules/segments/evaluate';
export type { Tier } from '../rules/matrix/evaluate';
export type { Completeness, MissingItem } from './completeness';

export interface SegmentScore {
  /** The segment's name as written. */
  name: string;
  /** The segment's heading, `**Segment**:` line or table row. */
  range: Range;
  criteria: Record<CriterionId, boolean>;
  /** How many of the five criteria hold. */
  met: number;
  of: 5;
}

export interface MatrixRowScore {
  /** The segment name as written in its cell. */
  segment: string;
  /** The whole table row. */
  range: Range;
  /** Sum of the four scores; null when a score cell holds no number. */
  total: number | null;
  /** The tier the total implies; null when the total is. */
  tier: Tier | null;
  /** The number in the Total cell, when the matrix has one and it holds a number. */
  statedTotal?: number;
  /** The tier in the Tier cell, when the matrix has one and it names a tier. */
  statedTier?: number;
}

export interface MatrixScore {
  /** The whole table. */
  range: Range;
  rows: MatrixRowScore[];
}

export interface TierSplit {
  tier: Tier;
  /** Matrix rows whose computed total puts them in this tier, in document order. */
  segments: string[];
  /** Their share of all matrix rows with a computed tier, in percent (rounded). */
  share: number;
  /** The tier section's stated Resource Allocation in percent, when it states one. */
  allocation?: { min: number; max: number };
}

export interface ChecklistScore {
  /** The whole list. */
  range: Range;
  done: number;
  total: number;
}

export interface Scores {
  /** The document kind (`persona`, `segmentation`, …, or a custom kind's id). */
  kind: string;
  /** The kind's title in `locale` (`Buyer persona`, `Персона покупателя`). */
  title: string;
  /** The document language. */
  language: Language;
  /** The language of the texts here (the kind title), the same as the diagnostics'. */
  locale: Language;
  /** Where the document-wide tally goes: the title, else the first heading, else the start. */
  range: Range;
  completeness: Completeness;
  segments: {
    items: SegmentScore[];
    /** Criteria met over all segments, and of how many (5 per segment). */
    met: number;
    of: number;
  };
  matrices: {
    items: MatrixScore[];
    /** The resource split by tier: tiers 1–3 when the document has a matrix row or a tier allocation, else empty. */
    tiers: TierSplit[];
  };
  checklists: {
    items: ChecklistScore[];
    /** Task items done and in all, over every checklist of the document. */
    done: number;
    total: number;
  };
  /** Unfilled template placeholders left. */
  placeholders: number;
}

export interface ScoreOptions {
  /** The config the document was checked with; the result's own when absent. */
  config?: LintConfig;
  /** The language of texts; the result's (the diagnostics') when absent. */
  locale?: Language;
}

/**
 * The tallies of a checked document; null when the document is not a segdoc document (it has
 * no kind, hence nothing to tally).
 */
export function computeScores(result: LintResult, options: ScoreOptions = {}): Scores | null {
  const { doc, detection, match } = result;
  if (!detection || !match) return null;
  const kind = detection.kind;
  const locale = options.locale ?? result.locale;
  const config = options.config ?? result.config;
  const rangeOf = (span: Span): Range => doc.lines.rangeOf(span);

  const placeholders = placeholdersLeft(doc);
  const completeness = completenessOf(result, placeholders, rangeOf);
  const segmentItems = segmentScores(doc, match, kind, config, rangeOf);
  const matrixItems = matrixScores(doc, config, rangeOf);
  return {
    kind: kind.kind,
    title: pick(kind.title, locale),
    language: doc.language,
    locale,
    range: rangeOf(documentSpan(doc)),
    completeness,
    segments: { items: segmentItems, met: segmentItems.reduce((n, s) => n + s.met, 0), of: segmentItems.length * 5 },
    matrices: { items: matrixItems, tiers: tierSplit(matrixItems, result) },
    checklists: checklists(doc),
    placeholders: placeholders.length,
  };
}

/** Each segment's five criteria, from the evaluation the segment-* rules report from, with their options. */
function segmentScores(
  doc: SegDocument,
  match: KindMatch,
  kind: KindSchema,
  config: LintConfig | undefined,
  rangeOf: (span: Span) => Range,
): SegmentScore[] {
  const substantial = ruleOptions(config, 'segment-substantial');
  const differentiable = ruleOptions(config, 'segment-differentiable');
  const evaluation: EvaluationOptions = {};
  if (typeof substantial['minimum'] === 'number') evaluation.minimum = substantial['minimum'];
  if (isRecord(substantial['rates'])) evaluation.rates = substantial['rates'] as Partial<Record<Currency, number>>;
  if (typeof differentiable['threshold'] === 'number') evaluation.threshold = differentiable['threshold'];
  return evaluateSegments(doc, match, kind, evaluation).map((e): SegmentScore => {
    const s = e.segment;
    const criteria = Object.fromEntries(CRITERIA.map((c) => [c, e.criteria[c].ok])) as Record<CriterionId, boolean>;
    return { name: s.name, range: rangeOf(s.headingSpan ?? s.blockSpan ?? s.span), criteria, met: e.met, of: 5 };
  });
}

/** Each matrix row's total and tier, from the evaluation score-total and score-tier report from, with their thresholds. */
function matrixScores(doc: SegDocument, config: LintConfig | undefined, rangeOf: (span: Span) => Range): MatrixScore[] {
  return evaluateMatrices(doc, tierThresholds(config)).map((m): MatrixScore => ({
    range: rangeOf(m.matrix.table.span),
    rows: m.rows.map((r): MatrixRowScore => {
      const row: MatrixRowScore = {
        segment: r.segment,
        range: rangeOf(r.rowSpan),
        total: r.computedTotal ?? null,
        tier: r.computedTier ?? null,
      };
      if (r.statedTotal?.value !== undefined) row.statedTotal = r.statedTotal.value;
      if (r.statedTier?.value !== undefined) row.statedTier = r.statedTier.value;
      return row;
    }),
  }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A rule's options as the engine resolves them: its defaults overlaid with the config's
 * setting. A rule missing from the registry contributes the config's options alone.
 */
function ruleOptions(config: LintConfig | undefined, id: string): Record<string, unknown> {
  const setting = config?.rules?.[id];
  const rule = ruleById(id);
  if (rule) return resolveRule(rule, setting).options;
  return Array.isArray(setting) && isRecord(setting[1]) ? setting[1] : {};
}

function tierSplit(matrices: readonly MatrixScore[], result: LintResult): TierSplit[] {
  const rows = matrices.flatMap((m) => m.rows).filter((r) => r.tier !== null);
  const allocations = result.match ? tierAllocations(result.match, result.doc.language, result.doc) : [];
  if (!rows.length && !allocations.some((a) => a.quantity)) return [];
  return ([1, 2, 3] as const).map((tier): TierSplit => {
    const segments = rows.filter((r) => r.tier === tier).map((r) => r.segment);
    const split: TierSplit = { tier, segments, share: rows.length ? Math.round((segments.length * 100) / rows.length) : 0 };
    const q = allocations.find((a) => a.tier === tier)?.quantity;
    if (q) split.allocation = { min: q.min ?? q.value, max: q.max ?? q.value };
    return split;
  });
}

function tasks(items: readonly ListItem[]): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const item of items) {
    if (item.checked !== null) {
      total++;
      if (item.checked) done++;
    }
    const inner = tasks(item.children);
    done += inner.done;
    total += inner.total;
  }
  return { done, total };
}

function checklists(doc: SegDocument): Scores['checklists'] {
  const lists: List[] = [...doc.preamble.lists, ...doc.allSections.flatMap((s) => s.lists)].sort(
    (a, b) => a.span.start - b.span.start,
  );
  const items: ChecklistScore[] = [];
  for (const list of lists) {
    const t = tasks(list.items);
    if (t.total) items.push({ range: doc.lines.rangeOf(list.span), ...t });
  }
  return { items, done: items.reduce((n, c) => n + c.done, 0), total: items.reduce((n, c) => n + c.total, 0) };
}

// ---------------------------------------------------------------------------------------
// Texts: the tallies in words, for the CLI's tally line and the editor's code lenses.

export const texts = {
  measurable: 'Measurable',
  substantial: 'Substantial',
  accessible: 'Accessible',
  differentiable: 'Differentiable',
  actionable: 'Actionable',
  /** A segment's criteria: `Measurable ✓ Substantial ✗ … — 4/5`. */
  segment: '{marks} — {met}/{of}',
  complete: '{kind} · {percent}% complete',
  missing: 'Missing: {missing}',
  /** What the completeness percentage counts, in one sentence (the status bar's tooltip says the same). */
  completenessRule:
    'Completeness is the share of the title, required sections and required fields that are filled in: the title and a section when no placeholder is left in them (a section needs content too), a field when its value is neither empty nor a placeholder; while a placeholder is left anywhere, it stays below 100%.',
  segments: 'segments {list}',
  criteria: '{met}/{of} criteria',
  checklist: 'checklist {done}/{total}',
  checklistLens: 'Done {done}/{total}',
  total: 'Total {total}',
  totalStated: 'Total {total} (stated {stated})',
  totalUnknown: 'Total — (a score is missing)',
  tier: 'Tier {tier}',
  tierStated: 'Tier {tier} (stated {stated})',
  tierSplit: 'Tier {tier}: {segments}',
  tierSplitAllocation: 'Tier {tier}: {segments}, {allocation} of resources',
  /** A tier's rows in the one-line tally: `tier 1: 2`. */
  tierCount: 'tier {tier}: {count}',
} satisfies Record<string, string>;

export const scoreText = translator(texts);

/** Counted nouns: the bundles translate each plural category (1 сегмент, 2 сегмента, 5 сегментов). */
export const nouns = {
  placeholder: { one: '{n} placeholder', other: '{n} placeholders' },
  segment: { one: '{n} segment', other: '{n} segments' },
} satisfies Record<string, Plural>;

/** `2 placeholders`, `1 сегмент`, `5 плейсхолдеров`. */
export const countOf = counter(nouns);

/** `Measurable ✓ Substantial ✗ Accessible ✓ Differentiable ✓ Actionable ✓ — 4/5`. */
export function segmentTitle(segment: SegmentScore, locale: Language): string {
  const marks = CRITERIA.map((c) => `${scoreText(c, locale)} ${segment.criteria[c] ? '✓' : '✗'}`).join(' ');
  return scoreText('segment', locale, { marks, met: segment.met, of: segment.of });
}

/** `Total 34 · Tier 1`, with the stated values when they differ from the computed ones. */
export function matrixRowTitle(row: MatrixRowScore, language: Language, locale: Language): string {
  if (row.total === null || row.tier === null) return scoreText('totalUnknown', locale);
  const total = formatNumber(row.total, language);
  const totalText =
    row.statedTotal !== undefined && Math.abs(row.statedTotal - row.total) > 1e-9
      ? scoreText('totalStated', locale, { total, stated: formatNumber(row.statedTotal, language) })
      : scoreText('total', locale, { total });
  const tierText =
    row.statedTier !== undefined && row.statedTier !== row.tier
      ? scoreText('tierStated', locale, { tier: row.tier, stated: formatNumber(row.statedTier, language) })
      : scoreText('tier', locale, { tier: row.tier });
  return `${totalText} · ${tierText}`;
}

function percentRange(a: { min: number; max: number }, language: Language): string {
  return a.min === a.max
    ? `${formatNumber(a.min, language)}%`
    : `${formatNumber(a.min, language)}–${formatNumber(a.max, language)}%`;
}

/** `Tier 1: 2 segments, 65% of resources · Tier 2: 2 segments, 28% of resources · …`. */
export function tierSplitTitle(tiers: readonly TierSplit[], language: Language, locale: Language): string {
  return tiers
    .map((t) => {
      const segments = countOf(t.segments.length, 'segment', locale);
      return t.allocation
        ? scoreText('tierSplitAllocation', locale, { tier: t.tier, segments, allocation: percentRange(t.allocation, language) })
        : scoreText('tierSplit', locale, { tier: t.tier, segments });
    })
    .join(' · ');
}

/** `Done 4/6`. */
export function checklistTitle(checklist: ChecklistScore, locale: Language): string {
  return scoreText('checklistLens', locale, { done: checklist.done, total: checklist.total });
}

/**
 * `Buyer persona · 88% complete`, `Персона покупателя · заполнено 88%`: the kind in the user's
 * words (its title, in the locale the scores were computed in), not its id.
 */
export function completenessTitle(scores: Scores, locale: Language): string {
  return scoreText('complete', locale, { kind: scores.title, percent: scores.completeness.percent });
}

/** `Missing: Buying Process, Messaging › Value Proposition`; undefined when nothing is missing. */
export function missingText(scores: Scores, locale: Language): string | undefined {
  const { missing } = scores.completeness;
  return missing.length ? scoreText('missing', locale, { missing: missing.map((m) => m.label).join(', ') }) : undefined;
}

/** The completeness lens's tooltip: what is missing, then what the percentage counts. */
export function completenessTooltip(scores: Scores, locale: Language): string {
  const missing = missingText(scores, locale);
  const rule = scoreText('completenessRule', locale);
  return missing ? `${missing}\n\n${rule}` : rule;
}

/**
 * The one-line tally of a document: `persona · 88% complete · segments 3/5, 5/5 · tier 1: 2,
 * tier 2: 2, tier 3: 1 · checklist 4/6 · 2 placeholders`. Parts with nothing to count are left out.
 */
export function tallyLine(scores: Scores, locale: Language): string {
  const parts = [completenessTitle(scores, locale)];
  if (scores.segments.items.length)
    parts.push(scoreText('segments', locale, { list: scores.segments.items.map((s) => `${s.met}/${s.of}`).join(', ') }));
  if (scores.matrices.tiers.some((t) => t.segments.length))
    parts.push(
      scores.matrices.tiers.map((t) => scoreText('tierCount', locale, { tier: t.tier, count: t.segments.length })).join(', '),
    );
  if (scores.checklists.total)
    parts.push(scoreText('checklist', locale, { done: scores.checklists.done, total: scores.checklists.total }));
  if (scores.placeholders) parts.push(countOf(scores.placeholders, 'placeholder', locale));
  return parts.join(' · ');
}
