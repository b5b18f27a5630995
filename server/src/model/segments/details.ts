/**
 * What is written about a segment outside its own body adds to it, and never creates one: a
 * subheading of a section that describes segments (Segment Strategy) or a heading like
 * "Strategy for mid-market" names it by prefix, and its prose is the segment's strategy; any
 * other heading must name it exactly, and gives its fields.
 */
import { trimRun } from '../source-text';
import { alternation, strategyHeadings } from '../lexicon';
import { normalizeKey } from '../normalize';
import type { Field, ListItem, Section, TextRun } from '../types';
import { BOLD_LINE } from './block-lines';
import type { Extraction } from './extraction';
import { addValue, type Builder } from './fields';
import { findNamed } from './names';
import { addSectionBody } from './headings';
import type { SegmentFieldTerm } from './types';
import { stripSegmentPrefix, type CompiledVocabulary } from './vocabulary';

/** One of `list`'s words or phrases (whole, the heading being normalizeKey'd); nothing when the list is empty. */
function oneOf(list: readonly string[]): string {
  return list.length ? `(?:${alternation(list)})` : '(?!)';
}

// Headings that say they are about a segment's strategy: "Strategy for Mid-market", "Mid-market
// playbook", "Стратегия для SMB", "For SMB" (the words: model/lexicon, `strategyHeadings`).
const { segment, before, prepositions, nameLeads, after, alone } = strategyHeadings;
const STRATEGY_BEFORE = new RegExp(
  `^(?:${oneOf(segment)} )?${oneOf(before)}(?: ${oneOf(prepositions)})?(?: ${oneOf(nameLeads)})? (.+)$`,
  'u',
);
const STRATEGY_AFTER = new RegExp(`^(.+?) (?:${oneOf(segment)} )?${oneOf(after)}$`, 'u');
const FOR = new RegExp(`^${oneOf(alone)} (.+)$`, 'u');

/** Step 5: sections written about a segment elsewhere add to it. */
export function addDetails(x: Extraction): void {
  const strategyTerm = x.vocab.vocabulary.fields.find((f) => f.category === 'strategy');
  const containsBlock = (s: Section): boolean => x.blockLines.some((sp) => sp.start >= s.span.start && sp.start < s.span.end);
  const visit = (list: Section[], underDescribing: boolean): void => {
    for (const s of list) {
      if (x.headingSegments.has(s)) continue;
      const describes = s.key !== undefined && x.describing.has(s.key);
      if (s.heading.depth > 0 && s.heading.text !== '' && !s.key && !containsBlock(s)) {
        const subject = detailSubject(s.heading.text, x.vocab);
        const strategic = underDescribing || subject.strategy;
        const b = subject.key && !x.vocab.label.test(subject.key) ? findNamed(x.builders, subject.key, strategic) : undefined;
        if (b) {
          addSectionBody(x, b, s);
          if (strategic && strategyTerm) addProse(x, b, s, strategyTerm);
          continue;
        }
      }
      visit(s.children, underDescribing || describes);
    }
  };
  visit(x.doc.sections, false);
}

/** What a heading written about a segment names, as a comparison key, and whether it says it is its strategy. */
function detailSubject(text: string, vocab: CompiledVocabulary): { key: string; strategy: boolean } {
  const key = normalizeKey(stripSegmentPrefix(text, vocab));
  for (const re of [STRATEGY_BEFORE, STRATEGY_AFTER, FOR]) {
    const m = re.exec(key);
    if (m?.[1]) return { key: m[1], strategy: true };
  }
  return { key, strategy: false };
}

/**
 * The prose of a section written about a segment's strategy: its paragraphs and list items
 * that are not fields (those are read as fields), as the segment's strategy.
 */
function addProse(x: Extraction, b: Builder, section: Section, term: SegmentFieldTerm): void {
  const { doc, vocab } = x;
  const runs: TextRun[] = [];
  const collect = (s: Section): void => {
    // A line read as a field that names no segment field (`Sales-assisted motion: …`) is prose.
    const fieldsAt = (start: number, end: number): Field[] => s.fields.filter((f) => f.span.start >= start && f.span.start < end);
    const prose = (run: TextRun, start: number, end: number): void => {
      const fields = fieldsAt(start, end);
      if (fields.length === 0) runs.push(run);
      for (const f of fields) if (!vocab.fieldOf.has(f.key)) runs.push(trimRun(doc.text, f.span.start, f.span.end));
    };
    for (const p of s.paragraphs) if (!BOLD_LINE.test(p.text)) prose(p, p.span.start, p.span.end);
    const items = (list: readonly ListItem[]): void => {
      for (const i of list) {
        if (i.text) prose({ text: i.text, span: i.textSpan }, i.span.start, i.textSpan.end);
        items(i.children);
      }
    };
    for (const l of s.lists) items(l.items);
    for (const c of s.children) if (!vocab.fieldOf.has(normalizeKey(c.heading.text))) collect(c);
  };
  collect(section);
  const [first, ...rest] = runs.sort((p, q) => p.span.start - q.span.start);
  if (!first) return;
  addValue(doc, b, term, {
    label: { text: section.heading.text, span: section.heading.textSpan },
    value: first,
    items: rest,
    source: 'heading',
    placeholder: false,
  });
}
