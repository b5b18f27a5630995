/**
 * CAC stated for the SMB segment, for unit-economics' SMB bar (the GTM template's validation
 * metrics: CAC under $200 for SMB). A CAC figure belongs to SMB when the SMB segment is named
 * with it and no other company-size band is:
 *
 *   - on its line: `- **SMB CAC**: $180`, `CAC for small businesses — $240`, `САС малого бизнеса: 15 000 ₽`;
 *   - in the heading of the section it is in, when the line names no band: `### SMB` over `- **CAC**: $240`;
 *   - in a table: a CAC column and a row whose first cell is SMB, or an SMB column and a row whose first cell is CAC.
 *
 * A line naming SMB beside Mid-Market or Enterprise (`CAC: $180 SMB, $2,400 Mid-Market`) is
 * not read: which amount is whose is guesswork. LTV/CAC and CAC payback are not CAC.
 */
import type { SegDocument, Section, TableCell } from '../../model/types';
import { findQuantities, type Quantity } from '../../model/numbers';
import { metricNameSource } from '../../model/lexicon';
import { blankPlaceholders, inSpans, type Line } from './lines';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const SMB = new RegExp(
  `${B}(?:SMBs?|SMB-\\p{L}+|small(?:[ \\t]*(?:[-/&]|and)[ \\t]*(?:medium|mid-?sized?))?[ \\t-]+(?:sized[ \\t]+)?(?:business(?:es)?|companies)|МСБ|мал(?:ый|ого|ому|ым|ом)(?:[ \\t]+и[ \\t]+средн(?:ий|его|ему|им|ем))?[ \\t]+бизнес\\p{L}*)${E}`,
  'giu',
);
const OTHER_BAND = new RegExp(
  `${B}(?:mid[ \\t-]?market|mid-?size|enterprises?|средн(?:ий|его|ему|им|ем|ие|их)[ \\t]+(?:бизнес|компани)\\p{L}*|крупн(?:ый|ого|ому|ым|ом|ые|ых)[ \\t]+(?:бизнес|компани|клиент)\\p{L}*|энтерпрайз\\p{L}*|корпораци\\p{L}*)${E}`,
  'iu',
);
/** CAC, its spelled-out name, and the Cyrillic `САС` people type. */
const CAC = new RegExp(
  `${B}(?:CAC|САС|customer[ \\t]+acquisition[ \\t]+costs?|cost[ \\t]+(?:of|per)[ \\t]+(?:customer[ \\t]+)?acquisition|стоимост\\p{L}*[ \\t]+привлечения(?:[ \\t]+клиента)?)${E}`,
  'iu',
);
/** What names CAC without being it: LTV/CAC, CAC payback. */
const NOT_CAC = new RegExp(`(?:${metricNameSource('ltvCac')}|${metricNameSource('payback')})`, 'gu');

export interface SmbCac {
  q: Quantity;
}

/** The text with LTV/CAC and payback blanked, so that a CAC left in it is CAC itself. */
function cacOnly(text: string): string {
  return text.replace(NOT_CAC, (m) => ' '.repeat(m.length));
}

/** Whether the text names SMB and no other company-size band. */
function smbOnly(text: string): boolean {
  SMB.lastIndex = 0;
  if (!SMB.test(text)) return false;
  // `малый и средний бизнес` is SMB: take SMB's own names out before looking for other bands.
  return !OTHER_BAND.test(text.replace(SMB, ' '));
}

function namesBand(text: string): boolean {
  SMB.lastIndex = 0;
  return SMB.test(text) || OTHER_BAND.test(text);
}

/** The first amount after CAC in the text (offsets of `line`). */
function amountAfterCac(doc: SegDocument, line: Line): Quantity | undefined {
  const text = cacOnly(blankPlaceholders(doc, line));
  const m = CAC.exec(text);
  if (!m) return undefined;
  const from = line.start + m.index + m[0].length;
  return findQuantities(text, { language: doc.language, offset: line.start }).find(
    (q) => q.kind === 'money' && q.span.start >= from,
  );
}

/** The innermost section holding an offset. */
function sectionAt(doc: SegDocument, offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of doc.allSections) if (offset >= s.span.start && offset < s.span.end && (!best || s.level > best.level)) best = s;
  return best;
}

function fromLines(doc: SegDocument): SmbCac[] {
  const out: SmbCac[] = [];
  const skip = [...doc.comments.map((c) => c.span), ...(doc.frontMatter ? [doc.frontMatter.span] : [])];
  for (let n = 0; n < doc.lines.lineCount; n++) {
    const start = doc.lines.lineStart(n);
    if (inSpans(start, skip)) continue;
    const text = doc.text.slice(start, doc.lines.lineEnd(n));
    if (/^\s*\|/.test(text) || !CAC.test(cacOnly(text))) continue;
    const heading = sectionAt(doc, start)?.heading.text ?? '';
    if (!(smbOnly(text) || (!namesBand(text) && smbOnly(heading)))) continue;
    const q = amountAfterCac(doc, { text, start, end: start + text.length });
    if (q) out.push({ q });
  }
  return out;
}

function money(doc: SegDocument, cell: TableCell | undefined): Quantity | undefined {
  if (!cell) return undefined;
  const text = blankPlaceholders(doc, { text: cell.text, start: cell.span.start, end: cell.span.end });
  return findQuantities(text, { language: doc.language, offset: cell.span.start }).find((q) => q.kind === 'money');
}

function fromTables(doc: SegDocument): SmbCac[] {
  const out: SmbCac[] = [];
  for (const table of [doc.preamble, ...doc.allSections].flatMap((s) => s.tables)) {
    const cacCol = table.header.findIndex((h) => CAC.test(cacOnly(h.text)));
    const smbCol = table.header.findIndex((h) => smbOnly(h.text));
    for (const row of table.rows) {
      const first = row[0]?.text ?? '';
      let q: Quantity | undefined;
      if (cacCol > 0 && smbOnly(first)) q = money(doc, row[cacCol]);
      else if (smbCol > 0 && CAC.test(cacOnly(first)) && !namesBand(first)) q = money(doc, row[smbCol]);
      if (q) out.push({ q });
    }
  }
  return out;
}

/** CAC figures the document states for the SMB segment, in document order. */
export function smbCacFigures(doc: SegDocument): SmbCac[] {
  const seen = new Set<number>();
  return [...fromLines(doc), ...fromTables(doc)]
    .filter((f) => !seen.has(f.q.span.start) && (seen.add(f.q.span.start), true))
    .sort((a, b) => a.q.span.start - b.q.span.start);
}
