/**
 * Regular expressions from workspace schemas run on RE2 (re2js: a pure JavaScript port,
 * linear in the input whatever the pattern), never on the backtracking JavaScript engine:
 * `^(a|a)*$` against 35 characters would otherwise never return. A pattern that needs
 * backtracking (lookaround, backreferences) or other syntax RE2 lacks is refused with
 * {@link UnsupportedPatternError}, which the config loader reports.
 *
 * Built-in schemas keep native RegExp: their patterns are ours.
 */
import { RE2JS } from 're2js';

/** A pattern RE2 cannot run; `detail` is RE2's own (English) reason. */
export class UnsupportedPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly detail: string,
  ) {
    super(`the regular expression ${JSON.stringify(pattern)} is not supported: ${detail}`);
    this.name = 'UnsupportedPatternError';
  }
}

function re2Flags(flags: string): number {
  let f = 0;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) f |= RE2JS.MULTILINE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  return f;
}

/**
 * A trailing lookahead is the one backtracking feature with a linear equivalent, and the
 * usual way to end a heading pattern (the built-in schemas do: `(?=\s*(?:$|[:—–(\d-]))`,
 * `(?![\p{L}\p{N}])`). `X(?=Y)` finds what `(X)(?:Y)` finds, group 1 being the match: RE2
 * prefers choices in the order a backtracking engine tries them, so its first `X` followed
 * by `Y` is the one the lookahead accepts. `X(?!C)`, C one character class, is `X(?=[^C]|$)`.
 * Returns the rewritten source, or undefined when the pattern does not end that way (or has a
 * top-level `|`, to which a trailing group does not apply).
 */
export function withoutTrailingLookahead(source: string): string | undefined {
  let depth = 0;
  let inClass = false;
  let lastTop = -1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') {
      if (depth === 0) lastTop = i;
      depth++;
    } else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return undefined;
    if (depth < 0) return undefined;
  }
  if (depth !== 0 || inClass || lastTop < 0 || !source.endsWith(')')) return undefined;
  const head = source.slice(0, lastTop);
  const kind = source.slice(lastTop, lastTop + 3);
  const body = source.slice(lastTop + 3, -1);
  if (kind === '(?=') return `(${head})(?:${body})`;
  if (kind !== '(?!') return undefined;
  const complement = complementClass(body);
  return complement === undefined ? undefined : `(${head})(?:${complement}|$)`;
}

/** The complement of one character class (`[…]`, `\d`, `\p{L}`, …), or undefined. */
function complementClass(c: string): string | undefined {
  if (/^\[(?:\\.|[^\]\\])+\]$/.test(c)) return c.startsWith('[^') ? `[${c.slice(2)}` : `[^${c.slice(1)}`;
  const escape = /^\\([dDwWsS])$/.exec(c);
  if (escape) return `\\${escape[1] === escape[1]!.toLowerCase() ? escape[1]!.toUpperCase() : escape[1]!.toLowerCase()}`;
  const property = /^\\([pP])(\{[^}]*\}|[A-Za-z])$/.exec(c);
  if (property) return `\\${property[1] === 'p' ? 'P' : 'p'}${property[2]}`;
  return undefined;
}

/** A pattern compiled on RE2, and whether its group 1 is the match (a rewritten lookahead). */
interface Compiled {
  re: RE2JS;
  wrapped: boolean;
}

function compile(source: string, flags: string): Compiled {
  const f = re2Flags(flags);
  try {
    return { re: RE2JS.compile(RE2JS.translateRegExp(source), f), wrapped: false };
  } catch (e) {
    const rewritten = withoutTrailingLookahead(source);
    if (rewritten !== undefined) {
      try {
        return { re: RE2JS.compile(RE2JS.translateRegExp(rewritten), f), wrapped: true };
      } catch {
        // Report the original pattern's problem.
      }
    }
    throw e;
  }
}

/** Compiles JavaScript regular expression syntax on RE2; throws {@link UnsupportedPatternError}. */
export function compileRe2(source: string, flags = ''): Compiled {
  try {
    return compile(source, flags);
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp:\s*/, '');
    throw new UnsupportedPatternError(source, detail);
  }
}

/** Why RE2 cannot run the pattern (RE2's words), or undefined when it can. */
export function unsupportedPattern(source: string, flags = ''): string | undefined {
  try {
    compileRe2(source, flags);
    return undefined;
  } catch (e) {
    return e instanceof UnsupportedPatternError ? e.detail : String(e);
  }
}

/**
 * A RegExp whose matching runs on RE2: `exec` (and so `test`, `match`, `replace`, which
 * call it) find the leftmost match in linear time. Only what a plain search needs is
 * supported — no `g`/`y` state (`lastIndex` is ignored), no `d` indices.
 */
export class LinearRegExp extends RegExp {
  readonly #re2: Compiled;
  readonly #source: string;

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const f = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    // The native part is never used to match: exec is replaced below.
    super('(?:)', f.replace(/[^imsu]/g, ''));
    this.#re2 = compileRe2(source, f);
    this.#source = source;
  }

  /** What `split` and friends construct: RE2 again, never the native engine on this source. */
  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }

  override get source(): string {
    return this.#source;
  }

  override exec(input: string): RegExpExecArray | null {
    const s = String(input);
    const { re, wrapped } = this.#re2;
    const m = re.matcher(s);
    if (!m.find()) return null;
    // A rewritten lookahead: group 1 is the match, the others keep their numbers.
    const first = wrapped ? 1 : 0;
    const groups: Array<string | undefined> = [];
    for (let i = first; i <= m.groupCount(); i++) groups.push(m.group(i) ?? undefined);
    const result = groups as unknown as RegExpExecArray;
    result.index = m.start(first);
    result.input = s;
    return result;
  }

  override toString(): string {
    return `/${this.#source}/${this.flags}`;
  }
}

/**
 * ajv's `code.regExp` engine for workspace schemas: `pattern` and `patternProperties` run on
 * RE2. ajv keys compiled patterns by `toString()`, so each adapter names its pattern.
 */
export const re2RegExpEngine = Object.assign(
  (pattern: string, _u: string): { test(s: string): boolean; toString(): string } => {
    const { re } = compileRe2(pattern);
    return {
      test: (s: string) => re.matcher(s).find(),
      toString: () => `re2:/${pattern}/`,
    };
  },
  // Only ajv's standalone code generation reads this; segdoc never generates code.
  { code: 'segdocRe2' },
);
