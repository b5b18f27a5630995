/**
 * Hover (README.md "In VS Code"): what belongs where the pointer is, as Markdown with the span it is
 * about. The language server wraps it in a protocol Hover (lsp/hover.ts).
 *
 * - a section heading: the section's title and description from the kind schema, whether it
 *   is required or recommended, and the fields it must contain (those missing marked);
 * - the title (H1): the kind's title and description;
 * - a field label: the field's description and its allowed values (enum) or examples;
 * - a prioritization matrix row: the score breakdown (`9 + 8 + 9 + 8 = 34 → Tier 1`) with the
 *   columns as the table names them, what the row states when it differs, and the tier
 *   thresholds the score-tier rule uses (its options from the config included);
 * - a rule id in a `<!-- segdoc-disable … -->` comment: the rule's description.
 *
 * Texts are in the locale the diagnostics use (the LintResult's); names the document wrote
 * (headings, column headers, segment names) are quoted as written.
 */
import type { Field, Language, Section } from '../model/types';
import type { Range, Span } from '../parse/text';
import { pick, type FieldSpec, type SectionSpec } from '../schemas/kinds';
import { sectionFields } from '../model/items';
import {
  evaluateMatrices,
  formatNumber,
  SCORE_COLUMNS,
  tierRange,
  type MatrixEvaluation,
  type MatrixRowEvaluation,
  type TierThresholds,
} from '../rules/matrix/evaluate';
import { ruleById } from '../rules/registry';
import { ruleDocUrl } from './rules-doc';
import { localize, translator } from '../l10n';
import type { LintResult } from './engine';
import { fieldSpecAt, offeredValues, sectionChain, sectionStatus, valuesOf } from './completion';
import { tierThresholds } from './tiers';
import { readDirectives } from './suppress';

export interface HoverInfo {
  /** Markdown. */
  markdown: string;
  span: Span;
  range: Range;
}

export const texts = {
  requiredSection: 'Required section',
  recommendedSection: 'Recommended section',
  optionalSection: 'Optional section',
  requiredFields: 'Must contain: {fields}',
  missingFields: 'Missing here: {fields}',
  requiredField: 'Required field of {section}',
  optionalField: 'Field of {section}',
  segmentField: 'Segment field',
  allowed: 'Allowed values: {values}',
  examples: 'For example: {values}',
  kind: 'segdoc document: {kind}',
  breakdown: '{sum} = **{total}** → **Tier {tier}**',
  incomplete: '{sum}: a score is missing, so there is no total',
  stated: 'The row states: {stated}',
  statedTotal: 'total {value}',
  statedTier: 'tier {value}',
  thresholds: 'Tiers: {tiers}',
  tier: 'Tier {tier} {range}',
  rule: 'segdoc rule `{id}`',
  unknownRule: 'segdoc has no rule `{id}`.',
  ruleDoc: "[The rule's page]({url}): what it checks and why, with examples and options.",
  takenByWords: 'segdoc reads this heading as the section **{section}**, judging by its words.',
  takenByContent: 'segdoc reads this heading as the section **{section}**, judging by what it holds.',
  unsure: 'This is a guess: rename the heading to make it explicit.',
} satisfies Record<string, string>;

const text = translator(texts);

function inside(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

/** The hover at `offset`, or undefined when there is nothing to say there. */
export function hoverAt(result: LintResult, offset: number): HoverInfo | undefined {
  const { doc } = result;
  const info = (markdown: string, span: Span): HoverInfo => ({ markdown, span, range: doc.lines.rangeOf(span) });

  for (const d of readDirectives(doc)) {
    const r = d.ruleSpans.find((s) => s.start <= offset && offset < s.end);
    if (r) return info(ruleHover(r.id, result.locale), { start: r.start, end: r.end });
  }
  if (!result.detection || !result.match) return undefined;

  const thresholds = tierThresholds(result.config);
  for (const m of evaluateMatrices(doc, thresholds)) {
    const row = m.rows.find((r) => inside(r.rowSpan, offset));
    if (row) return info(matrixRowHover(result, m, row, thresholds), row.rowSpan);
  }

  const chain = sectionChain(doc, offset);
  const section = chain[chain.length - 1] ?? doc.preamble;
  const field = section.fields.find((f) => inside(labelSpan(doc.text, f), offset));
  if (field) {
    const found = fieldSpecAt(result, offset, field.key);
    return found ? info(fieldHover(result, found.spec, found.section), labelSpan(doc.text, field)) : undefined;
  }

  const heading = chain.find((s) => inside(s.heading.span, offset));
  if (!heading) return undefined;
  const span = heading.heading.textSpan.end > heading.heading.textSpan.start ? heading.heading.textSpan : heading.heading.span;
  const kind = result.detection.kind;
  if (heading.key) {
    const spec = kind.sections.find((s) => s.id === heading.key);
    return spec ? info(sectionHover(result, spec, heading), span) : undefined;
  }
  if (doc.title && heading.heading === doc.title) {
    const lines = [
      `**${pick(kind.title, result.locale)}**`,
      '',
      pick(kind.description, result.locale),
      '',
      `_${text('kind', result.locale, { kind: kind.kind })}_`,
    ];
    return info(lines.join('\n'), span);
  }
  return undefined;
}

/** A field's label with its markup and colon (`**Status**:`), where the pointer may rest on any of it. */
function labelSpan(text: string, field: Field): Span {
  const { start, end } = field.label.span;
  const before = field.style === 'bold' && text.slice(start - 2, start) === '**' ? 2 : 0;
  const after = /^(?:\*\*[ \t]*:|:\*\*|:)/.exec(text.slice(end, end + 8))?.[0].length ?? 0;
  return { start: start - before, end: end + after };
}

function ruleHover(id: string, locale: Language): string {
  const rule = ruleById(id);
  if (!rule) return text('unknownRule', locale, { id });
  return [
    `**${text('rule', locale, { id })}**`,
    '',
    localize(locale, rule.description),
    '',
    text('ruleDoc', locale, { url: ruleDocUrl(id) }),
  ].join('\n');
}

function sectionHover(result: LintResult, spec: SectionSpec, section: Section): string {
  const locale = result.locale;
  const lines = [`**${pick(spec.title, locale)}** · ${text(sectionStatus(spec), locale)}`, '', pick(spec.description, locale)];
  const match = result.match?.matches.find((m) => m.section === section);
  if (match && match.how !== 'name') {
    const taken = text(match.how === 'words' ? 'takenByWords' : 'takenByContent', locale, { section: pick(spec.title, locale) });
    lines.push('', match.sure ? taken : `${taken} ${text('unsure', locale)}`);
  }
  const required = spec.fields.filter((f) => f.required);
  if (required.length) {
    lines.push('', text('requiredFields', locale, { fields: required.map((f) => `**${pick(f.title, locale)}**`).join(', ') }));
    const present = new Set(
      sectionFields(section).flatMap((f) => spec.fields.filter((fs) => fs.keys.has(f.key)).map((fs) => fs.id)),
    );
    const missing = required.filter((f) => !present.has(f.id));
    if (missing.length)
      lines.push('', text('missingFields', locale, { fields: missing.map((f) => pick(f.title, locale)).join(', ') }));
  }
  return lines.join('\n');
}

function fieldHover(result: LintResult, spec: FieldSpec, section: SectionSpec | undefined): string {
  const locale = result.locale;
  const where = section
    ? text(spec.required ? 'requiredField' : 'optionalField', locale, { section: pick(section.title, locale) })
    : text('segmentField', locale);
  const lines = [`**${pick(spec.title, locale)}** · ${where}`];
  const description = pick(spec.description, locale);
  if (description) lines.push('', description);
  const values = valuesOf(spec);
  if (values.length) {
    // Each value once, with its spelling in the reader's language next to the canonical one.
    const shown = offeredValues(spec, locale);
    const canonical = [...new Set(values.map((v) => v.value))];
    const names = canonical.map((v) => {
      const local = shown.find((s) => s.value === v && s.name !== v);
      return local ? `${local.name} (${v})` : v;
    });
    lines.push('', text(values[0]!.source === 'enum' ? 'allowed' : 'examples', locale, { values: names.join(', ') }));
  }
  return lines.join('\n');
}

function matrixRowHover(result: LintResult, m: MatrixEvaluation, row: MatrixRowEvaluation, thresholds: TierThresholds): string {
  const locale = result.locale;
  const language = result.doc.language;
  const header = m.matrix.table.header;
  const num = (n: number): string => formatNumber(n, language);
  const sum = SCORE_COLUMNS.map((c) => {
    const v = row.scores[c].value;
    return v === undefined ? '—' : num(v);
  }).join(' + ');
  const lines = [`**${row.segment || '—'}**`, ''];
  if (row.computedTotal !== undefined && row.computedTier !== undefined) {
    lines.push(text('breakdown', locale, { sum, total: num(row.computedTotal), tier: row.computedTier }));
  } else {
    lines.push(text('incomplete', locale, { sum }));
  }
  // The four scores under the table's own column names, as a reader checks them.
  lines.push(
    '',
    SCORE_COLUMNS.map((c) => {
      const i = m.matrix.columns[c];
      const name = i === undefined ? c : (header[i]?.text ?? c);
      const v = row.scores[c].value;
      return `${name}: ${v === undefined ? '—' : num(v)}`;
    }).join(' · '),
  );
  const stated: string[] = [];
  const st = row.statedTotal?.value;
  if (st !== undefined && row.computedTotal !== undefined && Math.abs(st - row.computedTotal) > 1e-9)
    stated.push(text('statedTotal', locale, { value: num(st) }));
  const tier = row.statedTier?.value;
  if (tier !== undefined && row.computedTier !== undefined && tier !== row.computedTier)
    stated.push(text('statedTier', locale, { value: num(tier) }));
  if (stated.length) lines.push('', text('stated', locale, { stated: stated.join(', ') }));
  const tiers = ([1, 2, 3] as const).map((t) => text('tier', locale, { tier: t, range: tierRange(t, thresholds) })).join(' · ');
  lines.push('', text('thresholds', locale, { tiers }));
  return lines.join('\n');
}
