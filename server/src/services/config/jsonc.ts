/**
 * Reading jsonc-parser's trees of `.segdoc.json` and of kind schema files: properties, plain
 * values, spans, and the nodes a JSON pointer leads to.
 *
 * An object may name a key twice. Its plain value keeps the last occurrence, as `JSON.parse`
 * does; {@link earlierOccurrences} lists the others, so that the loader can validate each one
 * where it is (a {@link Picks} map says which occurrence a pointer goes through).
 */
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Span } from '../../parse/text';

export type { JsonNode };

export interface JsonProperty {
  key: string;
  keyNode: JsonNode;
  value: JsonNode;
}

/** For an object node, the occurrence of a duplicated key to follow instead of the last one. */
export type Picks = ReadonlyMap<JsonNode, JsonProperty>;

export function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** jsonc-parser does not skip a byte order mark; a space keeps every offset in place. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/** Parses JSON with comments and trailing commas, as `.segdoc.json` and schema files allow. */
export function parseJsonc(text: string): { root: JsonNode | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(withoutBom(text), errors, { allowTrailingComma: true, disallowComments: false });
  return { root, errors };
}

/** The properties of an object node in file order (a property cut short by a syntax error is left out). */
export function properties(node: JsonNode): JsonProperty[] {
  const out: JsonProperty[] = [];
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    out.push({ key: String(keyNode.value), keyNode, value });
  }
  return out;
}

/** Each object's properties by key, every occurrence in file order (built once per object: files may be large). */
const keyIndex = new WeakMap<JsonNode, Map<string, JsonProperty[]>>();

function byKey(node: JsonNode): Map<string, JsonProperty[]> {
  let index = keyIndex.get(node);
  if (!index) {
    index = new Map();
    for (const p of properties(node)) {
      const all = index.get(p.key);
      if (all) all.push(p);
      else index.set(p.key, [p]);
    }
    keyIndex.set(node, index);
  }
  return index;
}

/** The occurrence of `key` a pointer goes through: the picked one, else the last. */
function occurrence(node: JsonNode, key: string, picks?: Picks): JsonProperty | undefined {
  const picked = picks?.get(node);
  if (picked?.key === key) return picked;
  return byKey(node).get(key)?.at(-1);
}

/** Sets `o[key]`; defineProperty makes a key "__proto__" a property like any other, not the prototype. */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The plain value of a node; a duplicated key keeps its last occurrence. */
export function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [key, all] of byKey(node)) setOwn(o, key, nodeValue(all.at(-1)!.value));
      return o;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** A JSON pointer segment, escaped. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The segments of a JSON pointer, unescaped (`~1` is `/`, `~0` is `~`). */
export function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** What a JSON pointer leads to: the deepest node found on the way. */
export interface Located {
  node: JsonNode;
  /** The key, when the last segment is an object's property. */
  keyNode?: JsonNode;
  /** The values from the root down to `node`. */
  way: JsonNode[];
}

export function locate(root: JsonNode, pointer: string, picks?: Picks): Located {
  const way = [root];
  let keyNode: JsonNode | undefined;
  for (const segment of pointerSegments(pointer)) {
    const current = way.at(-1)!;
    if (current.type === 'object') {
      const p = occurrence(current, segment, picks);
      if (!p) break;
      way.push(p.value);
      keyNode = p.keyNode;
    } else {
      const child = current.type === 'array' ? current.children?.[Number(segment)] : undefined;
      if (!child) break;
      way.push(child);
      keyNode = undefined;
    }
  }
  return { node: way.at(-1)!, keyNode, way };
}

/** The key node of property `key` of an object node (the occurrence a pointer goes through). */
export function keyNodeOf(node: JsonNode, key: string, picks?: Picks): JsonNode | undefined {
  return node.type === 'object' ? occurrence(node, key, picks)?.keyNode : undefined;
}

/** An occurrence of a duplicated key that the plain value leaves out. */
export interface EarlierOccurrence {
  /** JSON pointer of the property. */
  pointer: string;
  property: JsonProperty;
  /** The occurrences to follow to reach it (it, and those of its ancestors that are not last). */
  picks: Picks;
}

/** Every occurrence of a duplicated key but the last, at any depth (inside other such occurrences too). */
export function earlierOccurrences(root: JsonNode): EarlierOccurrence[] {
  const out: EarlierOccurrence[] = [];
  const walk = (node: JsonNode, pointer: string, picks: Map<JsonNode, JsonProperty>): void => {
    if (node.type === 'array') (node.children ?? []).forEach((child, i) => walk(child, `${pointer}/${i}`, picks));
    if (node.type !== 'object') return;
    for (const all of byKey(node).values()) {
      all.forEach((p, i) => {
        const at = `${pointer}/${escapeSegment(p.key)}`;
        const last = i === all.length - 1;
        const next = last ? picks : new Map(picks).set(node, p);
        if (!last) out.push({ pointer: at, property: p, picks: next });
        walk(p.value, at, next);
      });
    }
  };
  walk(root, '', new Map());
  return out;
}

/**
 * The smallest instance that puts `occurrence` where it is: the containers on its way, each
 * holding only the next step (array places before it are null), and its value.
 */
export function instanceAround(root: JsonNode, earlier: EarlierOccurrence): unknown {
  const build = (node: JsonNode, segments: string[]): unknown => {
    if (!segments.length) return nodeValue(node);
    const [segment, ...rest] = segments as [string, ...string[]];
    if (node.type === 'array') {
      const i = Number(segment);
      const out: unknown[] = Array.from({ length: i }, () => null);
      out.push(build(node.children![i]!, rest));
      return out;
    }
    const o: Record<string, unknown> = {};
    setOwn(o, segment, build(occurrence(node, segment, earlier.picks)!.value, rest));
    return o;
  };
  return build(root, pointerSegments(earlier.pointer));
}
