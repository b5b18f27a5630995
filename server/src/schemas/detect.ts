/**
 * Which kind a document is (README.md "What it recognises"): front matter `segdoc: <kind>`, then file-name
 * patterns (the kind schemas' and the config's), then the first H1. Every other Markdown
 * file is not a segdoc document and gets nothing.
 *
 * Front matter naming a kind that does not exist (`segdoc: personna`) decides nothing: the
 * other ways still apply, and the engine reports the name (`unknownDeclaredKind`, rule
 * unknown-kind) whether or not they find a kind, so such a file is never dropped in silence.
 *
 * Paths are file-system paths, never URIs: `100%/dana.persona.md` is matched as written.
 */
import picomatch from 'picomatch';
import type { KindSource, SegDocument } from '../model/types';
import type { Span } from '../parse/text';
import type { KindSchema } from './kinds';

export interface Detection {
  kind: KindSchema;
  source: KindSource;
}

export interface DetectOptions {
  /** Extra globs per kind from the config file, matched against the path relative to the config. */
  globs?: Record<string, string[]>;
  /** The path to match config globs against (relative to the config file's folder). */
  relativePath?: string;
}

const matchers = new Map<string, (p: string) => boolean>();
function glob(pattern: string): (p: string) => boolean {
  let m = matchers.get(pattern);
  if (!m) {
    m = picomatch(pattern, { dot: true, nocase: true, basename: !pattern.includes('/') });
    matchers.set(pattern, m);
  }
  return m;
}

/**
 * A path with forward slashes. Never URI-decoded: a `%` in a file name is a `%`. (The
 * language server turns URIs into paths before the engine sees them, lsp/uri.ts.)
 */
export function normalizePath(p: string): string {
  return p.replace(/\\/g, '/');
}

/** The declared kind name from front matter (`segdoc: persona`), if any. */
export function declaredKind(doc: SegDocument): string | undefined {
  const v = doc.frontMatter?.data['segdoc'];
  return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}

/** A `segdoc:` front matter value that names none of the kinds, and where it is written. */
export interface UnknownDeclaredKind {
  /** The value as written (trimmed). */
  name: string;
  /** The value in the text (the front matter's first line when it cannot be found). */
  span: Span;
}

/** The front matter's `segdoc:` value when it names no kind of `kinds`. */
export function unknownDeclaredKind(doc: SegDocument, kinds: readonly KindSchema[]): UnknownDeclaredKind | undefined {
  const declared = declaredKind(doc);
  if (!declared || kinds.some((k) => k.kind === declared)) return undefined;
  const fm = doc.frontMatter!;
  const name = String(fm.data['segdoc']).trim();
  const at = doc.text.indexOf(fm.raw, fm.span.start);
  const start = at >= 0 && fm.raw.length ? at : fm.span.start;
  // `segdoc: personna`, `segdoc: "personna"  # comment`: the value itself.
  const m = /^segdoc[ \t]*:[ \t]*(["']?)([^\r\n]*?)\1[ \t]*(?:#[^\r\n]*)?\r?$/m.exec(fm.raw);
  if (m && m[2]!.trim() === name) {
    const valueAt = start + m.index + m[0].indexOf(m[2]!, m[0].indexOf(':') + 1);
    return { name, span: { start: valueAt, end: valueAt + m[2]!.length } };
  }
  const first = doc.lines.lineSpan(doc.lines.lineAt(fm.span.start));
  return { name, span: first };
}

export function detectKind(doc: SegDocument, kinds: readonly KindSchema[], options: DetectOptions = {}): Detection | undefined {
  const declared = declaredKind(doc);
  if (declared) {
    const kind = kinds.find((k) => k.kind === declared);
    if (kind) return { kind, source: 'front-matter' };
    // An unknown name: the file name, the config and the title may still tell.
  }
  if (doc.path) {
    const path = normalizePath(doc.path);
    const rel = options.relativePath ? normalizePath(options.relativePath) : undefined;
    for (const [name, patterns] of Object.entries(options.globs ?? {})) {
      const kind = kinds.find((k) => k.kind === name);
      if (kind && rel !== undefined && patterns.some((p) => glob(p)(rel))) return { kind, source: 'config' };
    }
    for (const kind of kinds) {
      if (kind.filePatterns.some((p) => glob(p)(path))) return { kind, source: 'file-name' };
    }
  }
  if (doc.title) {
    for (const kind of kinds) {
      if (kind.headingPatterns.some((re) => re.test(doc.title!.text))) return { kind, source: 'heading' };
    }
  }
  return undefined;
}
