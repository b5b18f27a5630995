/**
 * `$ref` in kind schemas, resolved locally before anything reads the schema: a `$ref` is
 * replaced by a copy of what it points to, so that `readKindSchema`, ajv and every reader of
 * `KindSchema.json` see one plain tree (the built-in prioritization schema writes its tier
 * section once, in `$defs.tier`, and each tier section refers to it).
 *
 * What a `$ref` may name:
 *   - `#` or `#/<JSON pointer>`: a place in the same file (`#/$defs/tier`);
 *   - `<relative path>` or `<relative path>#/<pointer>`: a JSON file next to the schema
 *     (`./tier.schema.json#/$defs/tier`), read through `files` — workspace schemas only, and
 *     only when the caller passes a reader (the config loader, with its size and depth bounds).
 * A URL (`https:`, `file:`, `//host`), an `$anchor` name or `$dynamicRef` is never followed:
 * nothing is fetched, ever.
 *
 * The keywords beside a `$ref` are kept and win over the target's of the same name, except
 * `x-segdoc`, which is merged key by key (the sibling's keys win): a tier section says its own
 * title, aliases and template beside `"$ref": "#/$defs/tier"`, which gives its fields. This is
 * segdoc's reading; JSON Schema would apply both, which for the keywords kinds use is the same
 * unless both sides say the same keyword.
 *
 * A cycle (a target that holds a `$ref` back to itself), a missing target, a remote reference
 * and an expansion past the bounds below are a {@link RefError} naming where the `$ref` is
 * written (its file and JSON pointer), so the loader can report it at its line.
 */

/** Values (objects and arrays) a schema may hold once every `$ref` is expanded. */
export const REFS_MAX_VALUES = 100_000;
/** Nesting of the expanded tree (ajv and the readers recurse). */
export const REFS_MAX_DEPTH = 96;
/** Other files one schema may refer to, directly or through each other. */
export const REFS_MAX_FILES = 16;

export type RefProblemId = 'refMissing' | 'refCycle' | 'refRemote' | 'refTooLarge' | 'refTooDeep' | 'refTooManyFiles' | 'refFile';

export interface RefProblem {
  id: RefProblemId;
  /** Message arguments: `ref` always; `limit` for the bounds; `file`, `detail` for `refFile`. */
  args: Record<string, string | number>;
  /** The file the `$ref` is written in (as the caller named it); undefined for the schema itself. */
  file?: string;
  /** JSON pointer of the `$ref` value in that file. */
  pointer: string;
}

export class RefError extends Error {
  constructor(readonly problem: RefProblem) {
    super(`"$ref" ${String(problem.args['ref'])}: ${problem.id}`);
    this.name = 'RefError';
  }
}

/** Reads a referenced file: its plain JSON value and a name for it, or why it cannot be used. */
export type RefFileReader = (
  ref: string,
  from: string | undefined,
) => { ok: true; json: unknown; file: string } | { ok: false; id: string; args: Record<string, string | number> };

export interface ResolveOptions {
  /** Reader of other files; without it a file reference is refused (built-in schemas). */
  files?: RefFileReader;
  maxValues?: number;
  maxDepth?: number;
}

interface Doc {
  /** Undefined for the schema itself. */
  file?: string;
  root: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether a reference names another host or scheme (`https:`, `file:`, `urn:`, `//host`); drive letters are paths. */
function isRemote(ref: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref) && !/^[a-zA-Z]:[\\/]/.test(ref) ? true : ref.startsWith('//');
}

/** Whether a schema (plain JSON) holds a `$ref` anywhere. */
export function hasRefs(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasRefs);
  if (!isObject(node)) return false;
  return Object.entries(node).some(([k, v]) => (k === '$ref' && typeof v === 'string') || hasRefs(v));
}

class Resolver {
  private values = 0;
  private readonly files = new Map<string, Doc>();
  private readonly maxValues: number;
  private readonly maxDepth: number;

  constructor(private readonly options: ResolveOptions) {
    this.maxValues = options.maxValues ?? REFS_MAX_VALUES;
    this.maxDepth = options.maxDepth ?? REFS_MAX_DEPTH;
  }

  expand(node: unknown, doc: Doc, pointer: string, stack: readonly string[], depth: number): unknown {
    if (!Array.isArray(node) && !isObject(node)) return node;
    if (++this.values > this.maxValues) this.fail('refTooLarge', doc, pointer, { limit: this.maxValues });
    if (depth > this.maxDepth) this.fail('refTooDeep', doc, pointer, { limit: this.maxDepth });
    if (Array.isArray(node)) return node.map((v, i) => this.expand(v, doc, `${pointer}/${i}`, stack, depth + 1));
    const ref = node['$ref'];
    const out: Record<string, unknown> = {};
    if (typeof ref !== 'string') {
      for (const [k, v] of Object.entries(node)) setOwn(out, k, this.expand(v, doc, `${pointer}/${escapeSegment(k)}`, stack, depth + 1));
      return out;
    }
    const at = `${pointer}/$ref`;
    const target = this.target(ref, doc, at);
    const key = `${target.doc.file ?? ''}#${target.pointer}`;
    if (stack.includes(key)) this.fail('refCycle', doc, at, { ref });
    const resolved = this.expand(target.value, target.doc, target.pointer, [...stack, key], depth);
    // The target's keywords where the $ref is written, the siblings' in their places.
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref') {
        if (!isObject(resolved)) continue;
        for (const [tk, tv] of Object.entries(resolved)) if (!Object.hasOwn(node, tk)) setOwn(out, tk, tv);
        continue;
      }
      const value = this.expand(v, doc, `${pointer}/${escapeSegment(k)}`, stack, depth + 1);
      const merged = k === 'x-segdoc' && isObject(value) && isObject(resolved) && isObject(resolved[k]) ? { ...resolved[k], ...value } : value;
      setOwn(out, k, merged);
    }
    return isObject(resolved) || Object.keys(out).length ? out : resolved;
  }

  private target(ref: string, doc: Doc, at: string): { doc: Doc; pointer: string; value: unknown } {
    if (isRemote(ref)) this.fail('refRemote', doc, at, { ref });
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    // `#name` is an $anchor, which kinds do not use: refused like a missing target.
    if (fragment !== '' && !fragment.startsWith('/')) this.fail('refMissing', doc, at, { ref });
    const targetDoc = filePart === '' ? doc : this.file(filePart, doc, at, ref);
    let value: unknown = targetDoc.root;
    let pointer = '';
    let segments: string[];
    try {
      segments = fragment === '' ? [] : decodeURIComponent(fragment).split('/').slice(1);
    } catch {
      return this.fail('refMissing', doc, at, { ref });
    }
    for (const raw of segments) {
      const s = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(value) && /^(0|[1-9]\d*)$/.test(s) && Number(s) < value.length) value = value[Number(s)];
      else if (isObject(value) && Object.hasOwn(value, s)) value = value[s];
      else this.fail('refMissing', doc, at, { ref });
      pointer += `/${escapeSegment(s)}`;
    }
    return { doc: targetDoc, pointer, value };
  }

  private file(name: string, doc: Doc, at: string, ref: string): Doc {
    const reader = this.options.files;
    if (!reader) return this.fail('refFile', doc, at, { ref, detail: name });
    const read = reader(name, doc.file);
    if (!read.ok) return this.fail('refFile', doc, at, { ref, detail: read.id, ...read.args });
    const known = this.files.get(read.file);
    if (known) return known;
    if (this.files.size >= REFS_MAX_FILES) this.fail('refTooManyFiles', doc, at, { ref, limit: REFS_MAX_FILES });
    const loaded: Doc = { file: read.file, root: read.json };
    this.files.set(read.file, loaded);
    return loaded;
  }

  private fail(id: RefProblemId, doc: Doc, pointer: string, args: Record<string, string | number>): never {
    throw new RefError({ id, args: { ref: '', ...args }, ...(doc.file !== undefined ? { file: doc.file } : {}), pointer });
  }
}

function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A copy of `schema` with every `$ref` replaced by what it names (the schema itself when it
 * has none). Throws {@link RefError} for a cycle, a missing or remote target, or an expansion
 * past the bounds.
 */
export function resolveRefs<T>(schema: T, options: ResolveOptions = {}): T {
  if (!hasRefs(schema)) return schema;
  const doc: Doc = { root: schema };
  return new Resolver(options).expand(schema, doc, '', ['#'], 0) as T;
}
