/**
 * The config schema's errors about an extended kind (./extend-schema.ts), each a `config`
 * finding at its place: a base kind that is not built in, a removed section the base does not
 * have (with the nearest id), a list or text past the bounds, a text that is neither a string
 * nor an array of lines. The other errors are ./validate.ts's, as for any kind entry.
 */
import type { ErrorObject } from 'ajv';
import { closestName } from '../../model/distance';
import { builtinKind, builtinKinds } from '../../schemas/builtin';
import { properties, spanOf, type Located } from './jsonc';
import type { Finding, Place } from './validate';

/** The base kind an entry's `extends` names, if it names a string. */
function extendsOf(at: Located): string | undefined {
  const entry = at.way[2];
  if (entry?.type !== 'object') return undefined;
  const node = properties(entry).find((p) => p.key === 'extends')?.value;
  return node?.type === 'string' ? String(node.value) : undefined;
}

/**
 * The finding for an error about an extended kind's value; `false` when the error is not one
 * this module words (./validate.ts words it).
 */
export function extendFinding(e: ErrorObject, segments: string[], at: Located, place: Place): Finding | undefined | false {
  if (segments[0] !== 'kinds' || segments.length < 3) return false;
  const kind = segments[1]!;
  const property = segments.slice(2).join('.');
  const span = spanOf(at.node);
  const params = e.params as { limit?: number; type?: string };
  switch (e.keyword) {
    case 'maxItems':
    case 'maxProperties':
      return { id: 'tooMany', args: { property, limit: params.limit ?? 0 }, span, way: at.way };
    case 'maxLength':
      return { id: 'tooLong', args: { property, limit: params.limit ?? 0 }, span, way: at.way };
    case 'type':
      if (params.type !== 'string,array') return false;
      return { id: 'mustBeText', args: { property }, span, way: at.way };
    case 'enum':
      break;
    default:
      return false;
  }
  if (segments[2] === 'extends' && segments.length === 3) {
    const base =
      at.node.type === 'string' ? String(at.node.value) : place.text.slice(at.node.offset, at.node.offset + at.node.length);
    const expected = builtinKinds()
      .map((k) => `"${k.kind}"`)
      .join(', ');
    return { id: 'unknownBaseKind', args: { kind, base, expected }, span, way: at.way };
  }
  if (segments[2] === 'remove' && segments.length === 4 && at.node.type === 'string') {
    const base = extendsOf(at) ?? '';
    const ids = builtinKind(base)?.sections.map((s) => s.id) ?? [];
    const section = String(at.node.value);
    const suggestion = closestName(section, ids);
    return suggestion
      ? { id: 'unknownSectionSuggest', args: { kind: base, section, suggestion }, span, way: at.way }
      : { id: 'unknownSection', args: { kind: base, section, expected: ids.map((i) => `"${i}"`).join(', ') }, span, way: at.way };
  }
  return false;
}
