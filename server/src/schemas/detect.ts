/**
 * Which kind a document is (PRODUCT.md §2): front matter `segdoc: <kind>`, then file-name
 * patterns (the kind schemas' and the config's), then the first H1. Every other Markdown
 * file is not a segdoc document and gets nothing.
 */
import picomatch from 'picomatch';
import type { KindSource, SegDocument } from '../model/types';
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

function normalizePath(p: string): string {
  return decodeURIComponent(p.replace(/^file:\/\//, '')).replace(/\\/g, '/');
}

/** The declared kind name from front matter (`segdoc: persona`), if any. */
export function declaredKind(doc: SegDocument): string | undefined {
  const v = doc.frontMatter?.data['segdoc'];
  return typeof v === 'string' ? v.trim().toLowerCase() : undefined;
}

export function detectKind(doc: SegDocument, kinds: readonly KindSchema[], options: DetectOptions = {}): Detection | undefined {
  const declared = declaredKind(doc);
  if (declared) {
    const kind = kinds.find((k) => k.kind === declared);
    return kind ? { kind, source: 'front-matter' } : undefined;
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
