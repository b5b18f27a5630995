/**
 * Judging the positioning statements of a document (the rule's header says what counts):
 * each section's statements are read in both forms, lines (lines.ts) and sentences
 * (sentences.ts); a statement that lacks parts is reported with a fix, and a GTM
 * Positioning & Messaging section with content but no statement is reported at its heading.
 */
import type { Section } from '../../model/types';
import type { Span } from '../../parse/text';
import { isUnfilled, sectionLines } from '../content/lines';
import { statementParts, type StatementPart } from '../content/schema';
import type { RuleContext, TextEdit } from '../types';
import { blockInsertion } from '../util/insert';
import { headingSpan } from '../util/report';
import { lineInsertions, lineStatements, lineStatementSpan, type LineStatement } from './lines';
import { PartWords, pickTemplate, pickTitle } from './parts';
import { blocksOf, sentenceInsertion, sentenceStatements, sentencesOpening, type Sentences } from './sentences';

export interface PositioningOptions {
  /** How many parts make a statement outside the GTM positioning section (with "For"). */
  minPartsElsewhere: number;
}

/** Checks the document's positioning statements, reporting through `ctx`. */
export function checkPositioning(ctx: RuleContext<PositioningOptions>): void {
  const parts = statementParts(ctx.kind);
  if (parts.length) new PositioningCheck(ctx, parts).run();
}

class PositioningCheck {
  private readonly words: PartWords;
  private readonly allTitles: string;
  /** The GTM Positioning & Messaging section, in a GTM strategy. */
  private readonly positioning: Section | undefined;
  /** That section and its subsections, where two parts make a statement. */
  private readonly inPositioning = new Set<Section>();
  /** Whether a statement (complete or not) was found in the positioning section. */
  private foundInPositioning = false;

  constructor(
    private readonly ctx: RuleContext<PositioningOptions>,
    private readonly parts: readonly StatementPart[],
  ) {
    this.words = new PartWords(parts);
    this.allTitles = this.titles(parts);
    this.positioning = ctx.kind.kind === 'gtm' ? ctx.match.byId.get('positioning') : undefined;
    const mark = (s: Section): void => {
      this.inPositioning.add(s);
      s.children.forEach(mark);
    };
    if (this.positioning) mark(this.positioning);
  }

  run(): void {
    for (const section of this.ctx.doc.allSections) this.checkSection(section);
    if (this.positioning && !this.foundInPositioning) this.reportNoStatement(this.positioning);
  }

  private titles(parts: readonly StatementPart[]): string {
    return parts.map((p) => pickTitle(p, this.ctx.language)).join(' / ');
  }

  private missing(present: ReadonlySet<string>): StatementPart[] {
    return this.parts.filter((p) => !present.has(p.id));
  }

  private checkSection(section: Section): void {
    const { doc } = this.ctx;
    const loose = this.inPositioning.has(section);
    // Without its "For" line a run of parts needs one more to count as a statement.
    const min = loose ? 2 : Math.max(2, this.ctx.options.minPartsElsewhere);
    const statements = lineStatements(doc, section, this.words).filter((st) => {
      const present = new Set(st.lines.map((l) => l.part));
      return present.size >= (present.has('for') ? min : min + 1);
    });
    // Outside the positioning section sentences only correct a line reading: read them only then.
    if (!loose && !statements.length) return;
    const blocks = blocksOf(doc, section);
    const sentences = blocks.flatMap((b) => sentenceStatements(doc, b, this.words));
    const used = new Set<Sentences>();
    for (const statement of statements) {
      if (loose) this.foundInPositioning = true;
      this.judgeLines(statement, sentences, used);
    }
    if (!loose) return;
    for (const s of sentences) {
      if (used.has(s) || s.parts.size < 2) continue;
      this.foundInPositioning = true;
      if (s.parts.size >= 4) this.reportSentences(s);
    }
    // A statement in its own words, without "For": a category, its benefit and a contrast.
    if (!this.foundInPositioning) {
      for (const block of blocks) {
        const s = sentencesOpening(doc, block, this.words);
        if (s && ['category', 'benefit', 'unlike'].every((p) => s.parts.has(p))) this.foundInPositioning = true;
      }
    }
  }

  /**
   * A statement read as lines, unless the same paragraph read as sentences finds more parts:
   * then that reading is the statement. The sentences over it are marked `used`.
   */
  private judgeLines(statement: LineStatement, sentences: readonly Sentences[], used: Set<Sentences>): void {
    const present = new Set(statement.lines.map((l) => l.part));
    const same = sentences.filter((s) => statement.lines.some((l) => l.line.start < s.span.end && l.line.end > s.span.start));
    const better = same.find((s) => s.parts.size > present.size);
    if (better && !used.has(better)) this.reportSentences(better);
    same.forEach((s) => used.add(s));
    if (better) return;
    const missing = this.missing(present);
    if (missing.length)
      this.reportIncomplete(
        missing,
        lineStatementSpan(statement),
        lineInsertions(this.ctx.doc, statement, this.parts, this.ctx.language),
      );
  }

  private reportSentences(s: Sentences): void {
    const missing = this.missing(s.parts);
    if (missing.length) this.reportIncomplete(missing, s.span, sentenceInsertion(s, this.parts, missing, this.ctx.language));
  }

  /** A statement that lacks `missing`, with the fix inserting them when there is one. */
  private reportIncomplete(missing: readonly StatementPart[], span: Span, edits: TextEdit[] | undefined): void {
    const missingTitles = this.titles(missing);
    this.ctx.report({
      message: 'incomplete',
      args: { missing: missingTitles, parts: this.allTitles },
      span,
      fixes: edits ? [{ title: 'insert', args: { missing: missingTitles }, edits, preferred: true }] : [],
    });
  }

  /** The positioning section has content but no statement: the fix inserts the whole template. */
  private reportNoStatement(positioning: Section): void {
    const { doc, language } = this.ctx;
    if (isUnfilled(doc, sectionLines(doc, positioning))) return;
    const firstContent = sectionLines(doc, positioning, false).find((l) => l.text.trim() !== '');
    const offset = firstContent ? firstContent.start : doc.lines.lineEnd(doc.lines.lineAt(positioning.heading.span.end));
    const block = this.parts.map((p) => pickTemplate(p, language)).join(doc.lines.eol) + doc.lines.eol;
    this.ctx.report({
      message: 'none',
      args: { section: positioning.heading.text, parts: this.allTitles },
      span: headingSpan(positioning),
      fixes: [{ title: 'insertAll', edits: [blockInsertion(doc, offset, block)], preferred: true }],
    });
  }
}
