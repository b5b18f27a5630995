/**
 * Bounds on file globs from the workspace (`.segdoc.json` `kinds.<kind>.files`, a custom
 * schema's `x-segdoc.detect.files`). picomatch compiles a glob to a backtracking regular
 * expression, so a glob's cost on a path that almost matches grows with the power of its
 * wildcards (22 stars against a long file name never returns) and with the product of its
 * brace alternatives; extglobs (`+(a|a)`) nest quantifiers outright. The config loader drops
 * a glob past these bounds with a `config` finding, so detection never sees it. The bounds
 * leave room for what people write: `personas/**\/*.md`, `**\/*-persona-*.md`, `*.{md,markdown}`.
 */

export const GLOB_MAX_LENGTH = 256;
/** Runs of `*` (`*` and `**` count one each). */
export const GLOB_MAX_WILDCARDS = 3;
/**
 * Runs of two or more `*` (globstars, which cross folders): the cost on a path grows with
 * its length to this power (two take ~50 ms on a 4,000-character path, three over a second
 * on 800 characters).
 */
export const GLOB_MAX_GLOBSTARS = 2;
/**
 * Product of the number of alternatives of every `{…,…}` group: the matcher retries the rest
 * of the glob once per combination. With two globstars the rest is slow, so fewer combinations
 * are allowed (four keep the worst case near 0.3 s on a 4,000-character path).
 */
export const GLOB_MAX_ALTERNATIVES = 16;
export const GLOB_MAX_ALTERNATIVES_TWO_GLOBSTARS = 4;

export type GlobProblem =
  | { id: 'globTooLong'; limit: number }
  | { id: 'globTooManyWildcards'; limit: number }
  | { id: 'globTooManyGlobstars'; limit: number }
  | { id: 'globTooManyAlternatives'; limit: number }
  | { id: 'globExtglob' }
  | { id: 'globEmpty' };

/** Why a glob is refused, or undefined when it is within the bounds. */
export function globProblem(glob: string): GlobProblem | undefined {
  // picomatch throws on an empty pattern.
  if (glob === '') return { id: 'globEmpty' };
  if (glob.length > GLOB_MAX_LENGTH) return { id: 'globTooLong', limit: GLOB_MAX_LENGTH };
  let wildcards = 0;
  let globstars = 0;
  let alternatives = 1;
  // Per open brace: how many alternatives it has so far.
  const braces: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if ('@*+?!'.includes(ch!) && glob[i + 1] === '(') return { id: 'globExtglob' };
    if (ch === '*') {
      wildcards++;
      if (glob[i + 1] === '*') globstars++;
      while (glob[i + 1] === '*') i++;
    } else if (ch === '{') braces.push(1);
    else if (ch === ',' && braces.length) braces[braces.length - 1]!++;
    else if (ch === '}' && braces.length) alternatives *= braces.pop()!;
    if (alternatives > GLOB_MAX_ALTERNATIVES) return { id: 'globTooManyAlternatives', limit: GLOB_MAX_ALTERNATIVES };
  }
  if (globstars >= 2 && alternatives > GLOB_MAX_ALTERNATIVES_TWO_GLOBSTARS) {
    return { id: 'globTooManyAlternatives', limit: GLOB_MAX_ALTERNATIVES_TWO_GLOBSTARS };
  }
  if (wildcards > GLOB_MAX_WILDCARDS) return { id: 'globTooManyWildcards', limit: GLOB_MAX_WILDCARDS };
  if (globstars > GLOB_MAX_GLOBSTARS) return { id: 'globTooManyGlobstars', limit: GLOB_MAX_GLOBSTARS };
  return undefined;
}
