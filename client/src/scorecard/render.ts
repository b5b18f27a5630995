/**
 * The scorecard's HTML, as a pure function of the server's scorecard and the labels in the
 * user's language: `renderScorecard(scorecard, strings, options) → string`. No `vscode`
 * import, so it is unit-tested with plain node (test/unit/scorecard.test.ts).
 *
 * What it draws, from top to bottom: completeness (a meter, what it counts, and what is still
 * to fill in, each leading to its place); the
 * segments with their five criteria (✓/✗); each prioritization matrix as a chart — one
 * stacked horizontal bar per segment of its four dimension scores on a 0–40 axis, over
 * bands for the tiers (below 20, 20–29, 30 and up, or the config's thresholds), each bar
 * labelled with its total and tier — and the tier split; checklists; placeholders left.
 *
 * Decisions:
 * - colours come only from VS Code's theme variables (`--vscode-charts-*`, foreground,
 *   borders), so the view follows light, dark and high-contrast themes; high-contrast themes
 *   get outlines from `--vscode-contrastBorder`.
 * - the content security policy allows nothing remote and no inline code but the one style
 *   sheet and the one script carrying the nonce. Inline `style` attributes would need
 *   'unsafe-inline', so bar geometry is written as SVG attributes (percentages), never CSS.
 * - names and every other text from the document are HTML-escaped; the script only posts
 *   "reveal this range" messages and swaps in a new body the extension rendered with this
 *   same function (`renderScorecardBody`).
 * - it fits a narrow side panel: below 560 px the criteria table stacks into one card per
 *   segment (each mark labelled by its criterion) and the chart stacks each row: the name,
 *   its bar across the whole width, its total and tier.
 * - the axis runs to 40 (the prioritization matrix's maximum), or further when a row's scores add up to more,
 *   so that a bar never leaves the chart; a wrong score is the matrix rules' to report.
 */
import { t, type ClientLanguage, type MessageId } from '../messages';
import { SCRIPT, STYLE } from './assets';
import { CRITERIA, DIMENSIONS, type Range, type Scorecard, type ScorecardRow } from './types';

/** The label templates the scorecard uses, in one language (see {@link scorecardStrings}). */
export interface ScorecardStrings {
  language: ClientLanguage;
  text: Record<StringId, string>;
}

const STRING_IDS = [
  'cardCompleteness',
  'cardRequired',
  'scoresMissing',
  'cardAllPresent',
  'completenessRule',
  'cardMissingHeading',
  'cardAbsent',
  'cardEmpty',
  'cardPlaceholderLeft',
  'cardSegments',
  'cardSegmentsSummary',
  'cardSegment',
  'cardMet',
  'cardYes',
  'cardNo',
  'measurable',
  'substantial',
  'accessible',
  'differentiable',
  'actionable',
  'scoresMatrix',
  'cardMatrixNote',
  'attractiveness',
  'fit',
  'accessibility',
  'strategic',
  'scoresTier',
  'cardTotalStated',
  'cardTierStated',
  'cardScoreMissing',
  'cardTierSplit',
  'cardAllocation',
  'cardNone',
  'cardChecklists',
  'cardChecklistsSummary',
  'scoresChecklist',
  'cardPlaceholders',
  'scoresPlaceholders',
  'cardNoPlaceholders',
  'cardGoTo',
] as const satisfies readonly MessageId[];

type StringId = (typeof STRING_IDS)[number];

/** The scorecard's labels in a language, from the client's message catalogue. */
export function scorecardStrings(language: ClientLanguage): ScorecardStrings {
  return { language, text: Object.fromEntries(STRING_IDS.map((id) => [id, t(id, language)])) as Record<StringId, string> };
}

export interface RenderOptions {
  /** The nonce of the one style sheet and the one script (a fresh one per panel). */
  nonce: string;
  /** The document's file name, shown under the title. */
  file?: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fmt(strings: ScorecardStrings, id: StringId, args: Record<string, string | number> = {}): string {
  return strings.text[id].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** A number as the document's language writes it: a decimal comma in Russian. */
function num(n: number, language: ClientLanguage): string {
  const s = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  return language === 'ru' ? s.replace('.', ',') : s;
}

/** A percentage of the axis, for SVG attributes: at most two decimals, no trailing zeros. */
function pct(value: number, scale: number): string {
  return `${Math.round((value / scale) * 10000) / 100}%`;
}

/** A link that reveals a range of the document (handled by the script). */
function revealLink(range: Range, label: string, title: string, className = ''): string {
  return `<a href="#"${className ? ` class="${className}"` : ''} data-line="${range.start.line}" data-character="${range.start.character}" title="${escapeHtml(title)}">${escapeHtml(label)}</a>`;
}

const REASONS = { absent: 'cardAbsent', empty: 'cardEmpty', placeholder: 'cardPlaceholderLeft' } as const satisfies Record<
  string,
  StringId
>;

/** What is still to fill in: one line each, leading to its place when it has one. */
function missingList(card: Scorecard, s: ScorecardStrings): string {
  const items = card.completeness.missing;
  if (!items.length) return `<p class="muted">${escapeHtml(fmt(s, 'cardAllPresent'))}</p>`;
  const rows = items
    .map((m) => {
      const name = m.range
        ? revealLink(m.range, m.label, fmt(s, 'cardGoTo', { name: m.label }))
        : `<span class="name">${escapeHtml(m.label)}</span>`;
      return `<li class="missing-item" data-what="${m.what}" data-reason="${m.reason}">${name} <span class="muted">— ${escapeHtml(fmt(s, REASONS[m.reason]))}</span></li>`;
    })
    .join('');
  return `<h3 id="h-missing">${escapeHtml(fmt(s, 'cardMissingHeading'))}</h3>
<ul class="missing" aria-labelledby="h-missing">${rows}</ul>`;
}

function completeness(card: Scorecard, s: ScorecardStrings): string {
  const c = card.completeness;
  return `<section class="completeness" aria-labelledby="h-completeness">
<h2 id="h-completeness">${escapeHtml(fmt(s, 'cardCompleteness'))}</h2>
<div class="meter-row"><svg class="meter" role="img" aria-label="${c.percent}%" width="100%" height="12"><rect class="track" x="0" y="0" width="100%" height="12" rx="3"/><rect class="fill" x="0" y="0" width="${c.percent}%" height="12" rx="3" data-percent="${c.percent}"/></svg><span class="big">${c.percent}%</span></div>
<p>${escapeHtml(fmt(s, 'cardRequired', { filled: c.filled, total: c.total }))}</p>
<p class="muted rule">${escapeHtml(fmt(s, 'completenessRule'))}</p>
${missingList(card, s)}
</section>`;
}

function segments(card: Scorecard, s: ScorecardStrings): string {
  const items = card.segments.items;
  if (!items.length) return '';
  const head = CRITERIA.map((c) => `<th scope="col">${escapeHtml(fmt(s, c))}</th>`).join('');
  const rows = items
    .map((seg) => {
      const cells = CRITERIA.map((c) => {
        const ok = seg.criteria[c];
        const word = fmt(s, ok ? 'cardYes' : 'cardNo');
        return `<td class="${ok ? 'ok' : 'no'}" data-criterion="${c}" data-label="${escapeHtml(fmt(s, c))}" title="${escapeHtml(`${fmt(s, c)}: ${word}`)}"><span aria-hidden="true">${ok ? '✓' : '✗'}</span><span class="sr">${escapeHtml(word)}</span></td>`;
      }).join('');
      const all = seg.met === seg.of;
      return `<tr data-segment="${escapeHtml(seg.name)}"><th scope="row">${revealLink(seg.range, seg.name, fmt(s, 'cardGoTo', { name: seg.name }))}</th>${cells}<td class="met${all ? ' all' : ''}" data-label="${escapeHtml(fmt(s, 'cardMet'))}">${seg.met}/${seg.of}</td></tr>`;
    })
    .join('\n');
  return `<section class="segments" aria-labelledby="h-segments">
<h2 id="h-segments">${escapeHtml(fmt(s, 'cardSegments'))} <span class="summary">${escapeHtml(fmt(s, 'cardSegmentsSummary', { met: card.segments.met, of: card.segments.of }))}</span></h2>
<div class="table-wrap"><table class="criteria">
<thead><tr><th scope="col">${escapeHtml(fmt(s, 'cardSegment'))}</th>${head}<th scope="col">${escapeHtml(fmt(s, 'cardMet'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</section>`;
}

/** The bands and threshold lines behind the bars, on an axis of `scale`. */
function bands(card: Scorecard, scale: number): string {
  const { tier1Min, tier2Min } = card.matrices.thresholds;
  const t2 = Math.min(Math.max(tier2Min, 0), scale);
  const t1 = Math.min(Math.max(tier1Min, t2), scale);
  return (
    `<rect class="band band-3" x="0" y="0" width="${pct(t2, scale)}" height="100%"/>` +
    `<rect class="band band-2" x="${pct(t2, scale)}" y="0" width="${pct(t1 - t2, scale)}" height="100%"/>` +
    `<rect class="band band-1" x="${pct(t1, scale)}" y="0" width="${pct(scale - t1, scale)}" height="100%"/>`
  );
}

function thresholdLines(card: Scorecard, scale: number): string {
  const { tier1Min, tier2Min } = card.matrices.thresholds;
  return [tier2Min, tier1Min]
    .filter((v) => v > 0 && v < scale)
    .map((v) => `<line class="threshold" x1="${pct(v, scale)}" x2="${pct(v, scale)}" y1="0" y2="100%"/>`)
    .join('');
}

/** The axis above the bars: tier names over their bands, and the thresholds as ticks. */
function axis(card: Scorecard, s: ScorecardStrings, scale: number): string {
  const { tier1Min, tier2Min } = card.matrices.thresholds;
  const t2 = Math.min(Math.max(tier2Min, 0), scale);
  const t1 = Math.min(Math.max(tier1Min, t2), scale);
  const label = (tier: number, from: number, to: number): string =>
    to - from > 0
      ? `<text class="band-label band-label-${tier}" x="${pct((from + to) / 2, scale)}" y="13" text-anchor="middle">${escapeHtml(fmt(s, 'scoresTier', { tier }))}</text>`
      : '';
  const tick = (v: number, anchor: string): string =>
    `<text class="tick" x="${pct(v, scale)}" y="30" text-anchor="${anchor}">${num(v, s.language)}</text>`;
  return `<svg class="axis" aria-hidden="true" width="100%" height="34">${bands(card, scale)}${label(3, 0, t2)}${label(2, t2, t1)}${label(1, t1, scale)}${tick(0, 'start')}${tick(t2, 'middle')}${tick(t1, 'middle')}${tick(scale, 'end')}</svg>`;
}

function bar(card: Scorecard, s: ScorecardStrings, row: ScorecardRow, scale: number): string {
  let x = 0;
  const parts: string[] = [];
  const described: string[] = [];
  for (const d of DIMENSIONS) {
    const v = row.dimensions[d];
    if (v === null) continue;
    const name = fmt(s, d);
    described.push(`${name} ${num(v, s.language)}`);
    if (v <= 0) continue;
    parts.push(
      `<rect class="seg d-${d}" x="${pct(x, scale)}" y="5" width="${pct(v, scale)}" height="18" data-dimension="${d}" data-score="${v}"><title>${escapeHtml(`${name}: ${num(v, s.language)}`)}</title></rect>`,
    );
    x += v;
  }
  const label = rowLabel(s, row);
  return `<svg class="bar" role="img" aria-label="${escapeHtml(`${row.segment}: ${described.join(', ')} — ${label.text}`)}" width="100%" height="28">${bands(card, scale)}${parts.join('')}${thresholdLines(card, scale)}</svg>`;
}

/** `34 · Tier 1`, with the stated values when they differ, or why there is no total. */
function rowLabel(s: ScorecardStrings, row: ScorecardRow): { html: string; text: string } {
  if (row.total === null || row.tier === null) {
    const text = `— (${fmt(s, 'cardScoreMissing')})`;
    return { html: `<span class="total unknown">${escapeHtml(text)}</span>`, text };
  }
  const total = num(row.total, s.language);
  const totalText =
    row.statedTotal !== undefined && Math.abs(row.statedTotal - row.total) > 1e-9
      ? fmt(s, 'cardTotalStated', { total, stated: num(row.statedTotal, s.language) })
      : total;
  const tierText =
    row.statedTier !== undefined && row.statedTier !== row.tier
      ? fmt(s, 'cardTierStated', { tier: row.tier, stated: num(row.statedTier, s.language) })
      : fmt(s, 'scoresTier', { tier: row.tier });
  const mismatch = totalText !== total || tierText !== fmt(s, 'scoresTier', { tier: row.tier });
  return {
    html: `<span class="total${mismatch ? ' mismatch' : ''}">${escapeHtml(totalText)}</span> <span class="tier tier-${row.tier}">${escapeHtml(tierText)}</span>`,
    text: `${totalText} · ${tierText}`,
  };
}

function legend(s: ScorecardStrings): string {
  return `<ul class="legend">${DIMENSIONS.map(
    (d) =>
      `<li><svg class="swatch" aria-hidden="true" width="12" height="12"><rect class="seg d-${d}" x="0" y="0" width="12" height="12"/></svg>${escapeHtml(fmt(s, d))}</li>`,
  ).join('')}</ul>`;
}

function matrices(card: Scorecard, s: ScorecardStrings): string {
  const items = card.matrices.items;
  if (!items.length) return '';
  const totals = items.flatMap((m) =>
    m.rows.map((r) => DIMENSIONS.reduce((sum, d) => sum + Math.max(0, r.dimensions[d] ?? 0), 0)),
  );
  const scale = Math.max(card.matrices.max, ...totals);
  const charts = items
    .map((m) => {
      const rows = m.rows
        .map((row) => {
          const label = rowLabel(s, row);
          return `<div class="chart-row" data-segment="${escapeHtml(row.segment)}">${revealLink(row.range, row.segment, fmt(s, 'cardGoTo', { name: row.segment }), 'name')}${bar(card, s, row, scale)}<span class="value">${label.html}</span></div>`;
        })
        .join('\n');
      return `<div class="chart">
<div class="chart-row axis-row"><span></span>${axis(card, s, scale)}<span></span></div>
${rows}
</div>`;
    })
    .join('\n');
  const tiers = card.matrices.tiers.length
    ? `<ul class="tiers">${card.matrices.tiers
        .map((tier) => {
          const names = tier.segments.length ? tier.segments.join(', ') : fmt(s, 'cardNone');
          const a = tier.allocation;
          const allocation = a ? `${num(a.min, s.language)}${a.max !== a.min ? `–${num(a.max, s.language)}` : ''}%` : undefined;
          const head = `<span class="tier tier-${tier.tier}">${escapeHtml(fmt(s, 'scoresTier', { tier: tier.tier }))}</span>`;
          return `<li>${head} ${escapeHtml(names)}${allocation ? ` <span class="muted">· ${escapeHtml(fmt(s, 'cardAllocation', { allocation }))}</span>` : ''}</li>`;
        })
        .join('')}</ul>`
    : '';
  return `<section class="matrix" aria-labelledby="h-matrix">
<h2 id="h-matrix">${escapeHtml(fmt(s, 'scoresMatrix'))}</h2>
<p class="muted">${escapeHtml(fmt(s, 'cardMatrixNote', { max: num(card.matrices.max, s.language) }))}</p>
${legend(s)}
${charts}
${tiers}
</section>`;
}

function checklists(card: Scorecard, s: ScorecardStrings): string {
  const c = card.checklists;
  if (!c.items.length) return '';
  const items = c.items
    .map((list) => {
      const label = fmt(s, 'scoresChecklist', { line: list.range.start.line + 1 });
      const percent = list.total ? Math.round((list.done * 100) / list.total) : 0;
      return `<li>${revealLink(list.range, label, label)} <svg class="meter small" aria-hidden="true" width="80" height="8"><rect class="track" x="0" y="0" width="100%" height="8" rx="2"/><rect class="fill" x="0" y="0" width="${percent}%" height="8" rx="2"/></svg> <span>${list.done}/${list.total}</span></li>`;
    })
    .join('');
  return `<section class="checklists" aria-labelledby="h-checklists">
<h2 id="h-checklists">${escapeHtml(fmt(s, 'cardChecklists'))} <span class="summary">${escapeHtml(fmt(s, 'cardChecklistsSummary', { done: c.done, total: c.total }))}</span></h2>
<ul class="lists">${items}</ul>
</section>`;
}

function placeholders(card: Scorecard, s: ScorecardStrings): string {
  const text = card.placeholders ? fmt(s, 'scoresPlaceholders', { count: card.placeholders }) : fmt(s, 'cardNoPlaceholders');
  return `<section class="placeholders" aria-labelledby="h-placeholders">
<h2 id="h-placeholders">${escapeHtml(fmt(s, 'cardPlaceholders'))}</h2>
<p class="${card.placeholders ? 'warn' : 'muted'}">${escapeHtml(text)}</p>
</section>`;
}

/** The inside of `<main>`: what an update replaces. */
export function renderScorecardBody(card: Scorecard, strings: ScorecardStrings, file?: string): string {
  return [
    `<header><h1>${escapeHtml(card.title)}</h1>${file ? `<p class="file muted">${escapeHtml(file)}</p>` : ''}</header>`,
    completeness(card, strings),
    segments(card, strings),
    matrices(card, strings),
    checklists(card, strings),
    placeholders(card, strings),
  ]
    .filter(Boolean)
    .join('\n');
}

/** A page with only a message (not a segdoc document, server not running). */
export function renderMessage(message: string, strings: ScorecardStrings, options: RenderOptions): string {
  return page(`<p class="muted">${escapeHtml(message)}</p>`, strings, options);
}

/** The whole page of a scorecard. */
export function renderScorecard(card: Scorecard, strings: ScorecardStrings, options: RenderOptions): string {
  return page(renderScorecardBody(card, strings, options.file), strings, options);
}

function page(body: string, strings: ScorecardStrings, options: RenderOptions): string {
  const nonce = escapeHtml(options.nonce);
  return `<!DOCTYPE html>
<html lang="${strings.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="root">
${body}
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}
