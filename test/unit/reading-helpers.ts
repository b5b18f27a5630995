/**
 * What the segment tests (segments-*.test.ts) and the prioritization-matrix tests
 * (matrix-*.test.ts) share: reading a document's segments and their evaluation against the
 * five segment criteria, two segments written the way docs/methodology.md describes them,
 * and reading and linting a prioritization matrix.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildDocument } from '../../server/src/model/build';
import type { Segment } from '../../server/src/model/segments';
import { builtinKinds } from '../../server/src/schemas/builtin';
import type { KindSchema } from '../../server/src/schemas/kinds';
import { matchSections } from '../../server/src/schemas/validate';
import { evaluateMatrices, type MatrixRowEvaluation } from '../../server/src/rules/matrix/evaluate';
import { evaluateSegments, type EvaluationOptions, type SegmentEvaluation } from '../../server/src/rules/segments/evaluate';
import { segmentsOf } from '../../server/src/rules/segments/vocabulary';
import { lint, type Finding, type LintOptions } from '../../server/src/services/engine';

export const repoRoot = path.resolve(__dirname, '..', '..');

// Segments ----------------------------------------------------------------------------------

export function kindOf(name: string): KindSchema {
  return builtinKinds().find((k) => k.kind === name)!;
}

/** A document's segments, and their evaluation against the five criteria with the given options. */
export function read(
  text: string,
  kind = 'segmentation',
): { segments: Segment[]; evaluate: (o?: EvaluationOptions) => SegmentEvaluation[] } {
  const doc = buildDocument(text);
  const k = kindOf(kind);
  const match = matchSections(doc, k);
  return { segments: segmentsOf(doc, match, k), evaluate: (o) => evaluateSegments(doc, match, k, o) };
}

export function byName(evaluations: SegmentEvaluation[], name: string): SegmentEvaluation {
  const e = evaluations.find((x) => x.segment.name === name);
  assert.ok(e, `segment "${name}" among ${evaluations.map((x) => x.segment.name).join(', ')}`);
  return e;
}

/** Source text of a segment's name, as the findings point at it. */
export function nameText(text: string, s: Segment): string {
  return text.slice(s.nameSpan.start, s.nameSpan.end);
}

// A hybrid segment (docs/methodology.md "Segmentation bases"): firmographic, behavioral,
// psychographic and needs-based groups, then the numbers the criteria need.
export const HYBRID = `**Segment**: Growing Design Studios

**Firmographic**:
- Industry: Design, branding agencies
- Size: 10-50 employees
- Stage: profitable, founder-led
- Location: EU capitals

**Behavioral**:
- Try a new tool on one client project first
- Buy within a month of the trial

**Psychographic**:
- Value: craft over process
- Attitude: allergic to enterprise software

**Needs-Based**:
- **Job**: Take on more clients without hiring a producer
- **Functional**: Plan projects, track hours, send invoices
- **Emotional**: Stop chasing late approvals
- **Social**: Look organised in front of clients

**Size**: 8,000 companies
**ACV**: $25k (two seats more than the average studio)
**Growth Rate**: 20% YoY
**Priority**: Tier 1 (first to launch)
`;

// A firmographic segment with its market written as a TAM.
export const MID_MARKET = `**Segment**: Mid-Market Logistics Firms
- Industry: Freight forwarding, 3PL
- Employees: 100-1,000
- Revenue: $20M-$200M
- Location: Germany and Benelux
- Tech Maturity: ERP in place, spreadsheets on top

**Size**: 9,000 companies
**TAM**: $144M (9,000 × $16k ACV)
`;

// Prioritization matrices -------------------------------------------------------------------

/** The day the matrix tests lint on, so that what they see does not depend on the day they run. */
export const NOW = new Date('2026-11-01T00:00:00Z');
export const MATRIX_RULES = ['score-range', 'score-total', 'score-tier', 'tier-mismatch', 'allocation-sum', 'allocation-range'];

/** Every matrix row of a document, evaluated with the given thresholds. */
export function rowsOf(text: string, options = {}): MatrixRowEvaluation[] {
  return evaluateMatrices(buildDocument(text), options).flatMap((m) => m.rows);
}

/** Lint a text as a prioritization document. */
export function lintText(text: string, extra: Partial<LintOptions> = {}) {
  return lint(text, { path: 'x.prioritization.md', now: NOW, ...extra });
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

const HEADER =
  '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |\n|---|---|---|---|---|---|---|\n';

/** A prioritization document whose matrix has the template's header and these rows. */
export function matrixDoc(rows: string[], title = '# Segment Prioritization: Test'): string {
  return `${title}\n\n## Prioritization Matrix\n\n${HEADER}${rows.map((r) => `${r}\n`).join('')}`;
}
