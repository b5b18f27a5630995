/**
 * YAML front matter → the document's FrontMatter: the parsed mapping, or the error at the
 * YAML line that failed.
 */
import { parse as parseYaml } from 'yaml';
import type { Span } from '../parse/text';
import type { FrontMatter } from './types';

/**
 * YAML parses of recent front matter, by its text: the front matter rarely changes while the
 * rest of the document is edited. The parsed data is shared, like fragments: not to be changed.
 */
const yamlCache = new Map<string, { data: unknown } | { error: unknown }>();

function parseYamlCached(raw: string): unknown {
  let hit = yamlCache.get(raw);
  if (!hit) {
    try {
      // logLevel 'error': YAML warnings (an unknown `!tag`) are not printed to stderr on every
      // parse; errors still throw and become the front matter's error.
      hit = { data: parseYaml(raw, { logLevel: 'error' }) as unknown };
    } catch (e) {
      hit = { error: e };
    }
    yamlCache.set(raw, hit);
    if (yamlCache.size > 64) yamlCache.delete(yamlCache.keys().next().value!);
  }
  if ('error' in hit) throw hit.error;
  return hit.data;
}

export function readFrontMatter(text: string, raw: string, span: Span): FrontMatter {
  try {
    const data: unknown = parseYamlCached(raw);
    if (data === null || data === undefined) return { raw, span, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { raw, span, data: {}, error: { message: 'Front matter is not a mapping of keys to values', span } };
    }
    return { raw, span, data: data as Record<string, unknown> };
  } catch (e) {
    const err = e as { message?: string; linePos?: Array<{ line: number; col: number }> };
    // Point at the YAML line that failed: the block starts after the `---` line.
    let at = span;
    const lp = err.linePos?.[0];
    if (lp) {
      const lineStarts = [0];
      for (let i = 0; i < raw.length; i++) if (raw[i] === '\n') lineStarts.push(i + 1);
      const found = raw.length ? text.indexOf(raw, span.start) : -1;
      const first = found >= 0 ? found : span.start;
      const ls = lineStarts[lp.line - 1] ?? 0;
      const le = raw.indexOf('\n', ls);
      at = { start: first + ls, end: first + (le < 0 ? raw.length : le) };
    }
    return { raw, span, data: {}, error: { message: (err.message ?? 'Invalid YAML').split('\n')[0]!, span: at } };
  }
}
