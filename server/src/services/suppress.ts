/**
 * Inline disable comments (README.md "Rules"):
 *   <!-- segdoc-disable rule-a rule-b -->   … until segdoc-enable or the end of the file;
 *                                           above the first heading: the whole file
 *   <!-- segdoc-enable rule-a -->
 *   <!-- segdoc-disable-next-line rule-a -->
 *   <!-- segdoc-disable-line rule-a -->      (on the line itself)
 * No rule ids means every rule.
 */
import type { Comment, SegDocument } from '../model/types';

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids, empty for all rules. */
  rules: string[];
  comment: Comment;
  /** Spans of each rule id inside the comment, for hover and for unknown-rule diagnostics. */
  ruleSpans: Array<{ id: string; start: number; end: number }>;
}

const DIRECTIVE = /^segdoc-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

export function readDirectives(doc: SegDocument): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const raw = doc.text.slice(c.span.start, c.span.end);
    const bodyStart = raw.indexOf(m[0]) + m[0].length;
    const ruleSpans: Directive['ruleSpans'] = [];
    const re = /[A-Za-z0-9][\w-]*/g;
    const body = raw.slice(bodyStart).replace(/-->\s*$/, '');
    for (let r = re.exec(body); r; r = re.exec(body)) {
      ruleSpans.push({
        id: r[0],
        start: c.span.start + bodyStart + r.index,
        end: c.span.start + bodyStart + r.index + r[0].length,
      });
    }
    out.push({ kind: m[1] as Directive['kind'], rules: ruleSpans.map((r) => r.id), comment: c, ruleSpans });
  }
  return out;
}

/** Answers "is rule R disabled at offset X?" for one document. */
export class Suppressions {
  private readonly directives: Directive[];

  private readonly firstHeading: number;

  constructor(private readonly doc: SegDocument) {
    this.directives = readDirectives(doc).sort((a, b) => a.comment.span.start - b.comment.span.start);
    this.firstHeading = doc.allSections[0]?.span.start ?? doc.text.length;
  }

  isSuppressed(rule: string, offset: number): boolean {
    const lines = this.doc.lines;
    const line = lines.lineAt(offset);
    let disabled = false;
    for (const d of this.directives) {
      const applies = d.rules.length === 0 || d.rules.includes(rule);
      if (!applies) continue;
      const dLine = lines.lineAt(d.comment.span.end);
      if (d.kind === 'disable-next-line' && dLine + 1 === line) return true;
      if (d.kind === 'disable-line' && lines.lineAt(d.comment.span.start) <= line && line <= dLine) return true;
      // A `disable` above the first heading is a file-level directive: it also covers the
      // front matter and the title above it (where metadata and missing-section findings sit).
      const fileLevel = d.kind === 'disable' && d.comment.span.start < this.firstHeading;
      if (!fileLevel && d.comment.span.start > offset) continue;
      if (d.kind === 'disable') disabled = true;
      if (d.kind === 'enable') disabled = false;
    }
    return disabled;
  }
}
