/**
 * Guards for workspace JSON before segdoc uses it: nesting depth (checked on the tokens,
 * before any recursive parse: a 100,000-deep file would overflow the stack), and the type of
 * every `x-segdoc` value of a custom kind schema (ajv checks the standard keywords; nobody
 * else checks ours), including the heading patterns RE2 must be able to run and the file
 * globs' bounds. Problems carry the offending JSON node, so the loader can say where.
 */
import { createScanner, type Node as JsonNode } from 'jsonc-parser';
import { globProblem, type GlobProblem } from '../schemas/glob-limits';
import { unsupportedPattern } from '../schemas/linear-regexp';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** Offset of the first `{` or `[` nested deeper than `limit`, or undefined. */
export function tooDeepAt(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > limit) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** What a value must be, as a message id of the config rule (`expect.*`). */
export type Expected = 'string' | 'strings' | 'text' | 'number' | 'boolean' | 'object' | 'localized' | 'stringLists' | 'array';

export type ValueProblem =
  | { id: 'badValue'; node: JsonNode; property: string; expected: Expected }
  | { id: 'badPattern'; node: JsonNode; property: string; pattern: string; detail: string }
  | { id: 'badGlob'; node: JsonNode; property: string; glob: string; problem: GlobProblem };

function props(node: JsonNode): Array<{ key: string; value: JsonNode }> {
  const out: Array<{ key: string; value: JsonNode }> = [];
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v) out.push({ key: String(k.value), value: v });
  }
  return out;
}

type Check = (node: JsonNode, property: string, out: ValueProblem[]) => void;

const bad =
  (expected: Expected): Check =>
  (node, property, out) => {
    out.push({ id: 'badValue', node, property, expected });
  };
const isStrings = (n: JsonNode): boolean => n.type === 'array' && (n.children ?? []).every((c) => c.type === 'string');

const str: Check = (n, p, out) => void (n.type === 'string' || bad('string')(n, p, out));
const num: Check = (n, p, out) => void ((n.type === 'number' && Number.isFinite(n.value)) || bad('number')(n, p, out));
const bool: Check = (n, p, out) => void (n.type === 'boolean' || bad('boolean')(n, p, out));
/** An array of strings; a wrong item is reported where it is. */
const strings: Check = (n, p, out) => {
  if (n.type !== 'array') return bad('strings')(n, p, out);
  (n.children ?? []).forEach((c, i) => str(c, `${p}[${i}]`, out));
};

/** `{ en, ru }`, each a string or an array of lines (templates). */
const localized: Check = (n, p, out) => {
  if (n.type !== 'object') return bad('localized')(n, p, out);
  for (const { key, value } of props(n)) {
    if (value.type === 'array') strings(value, `${p}.${key}`, out);
    else if (value.type !== 'string') bad('text')(value, `${p}.${key}`, out);
  }
};

/** An object of string arrays (`enumAliases`: value → its aliases). */
const stringLists: Check = (n, p, out) => {
  if (n.type !== 'object') return bad('stringLists')(n, p, out);
  for (const { key, value } of props(n)) strings(value, `${p}.${key}`, out);
};

/** An object with known properties, each checked; other properties are left alone. */
const object =
  (shape: Record<string, Check>): Check =>
  (n, p, out) => {
    if (n.type !== 'object') return bad('object')(n, p, out);
    for (const { key, value } of props(n)) shape[key]?.(value, `${p}.${key}`, out);
  };

const arrayOf =
  (item: Check): Check =>
  (n, p, out) => {
    if (n.type !== 'array') return bad('array')(n, p, out);
    (n.children ?? []).forEach((c, i) => item(c, `${p}[${i}]`, out));
  };

const headings: Check = (n, p, out) => {
  if (!isStrings(n)) return strings(n, p, out);
  (n.children ?? []).forEach((c, i) => {
    const pattern = c.value as string;
    try {
      new RegExp(pattern, 'iu');
    } catch {
      return; // Not a regular expression at all: readKindSchema says so.
    }
    const detail = unsupportedPattern(pattern, 'iu');
    if (detail) out.push({ id: 'badPattern', node: c, property: `${p}[${i}]`, pattern, detail });
  });
};

const globs: Check = (n, p, out) => {
  if (!isStrings(n)) return strings(n, p, out);
  (n.children ?? []).forEach((c, i) => {
    const problem = globProblem(c.value as string);
    if (problem) out.push({ id: 'badGlob', node: c, property: `${p}[${i}]`, glob: c.value as string, problem });
  });
};

/** Every `x-segdoc` property segdoc reads (schemas/kinds.ts, services/templates.ts, rules/content/schema.ts). */
const xSegdoc = object({
  kind: str,
  title: localized,
  description: localized,
  titleTemplate: localized,
  template: localized,
  aliases: strings,
  order: num,
  recommended: bool,
  metadata: bool,
  ordered: bool,
  sectionDepth: num,
  enumAliases: stringLists,
  rule: str,
  section: str,
  category: str,
  // Values segdoc does not know are ignored where they are read (compared, never indexed).
  segments: str,
  content: str,
  terms: strings,
  detect: object({ headings, files: globs }),
  templates: arrayOf(
    object({
      id: str,
      prefix: str,
      title: localized,
      description: localized,
      block: str,
      sections: strings,
      template: localized,
    }),
  ),
  statement: arrayOf(object({ id: str, title: localized, aliases: strings, template: localized })),
});

/** Every problem of the `x-segdoc` values anywhere in a schema's tree, in document order. */
export function xSegdocProblems(root: JsonNode): ValueProblem[] {
  const out: ValueProblem[] = [];
  const walk = (node: JsonNode): void => {
    if (node.type === 'object') {
      for (const { key, value } of props(node)) {
        if (key === 'x-segdoc') xSegdoc(value, 'x-segdoc', out);
        else walk(value);
      }
    } else if (node.type === 'array') (node.children ?? []).forEach(walk);
  };
  walk(root);
  return out.sort((a, b) => a.node.offset - b.node.offset);
}
