/**
 * The built-in kind schemas, bundled from schemas/*.schema.json.
 */
import gtm from '../../../schemas/gtm.schema.json';
import persona from '../../../schemas/persona.schema.json';
import prioritization from '../../../schemas/prioritization.schema.json';
import segmentation from '../../../schemas/segmentation.schema.json';
import { readKindSchema, type JsonSchema, type KindSchema } from './kinds';

let cached: KindSchema[] | undefined;

/** Built-in kinds, in detection order. */
export function builtinKinds(): KindSchema[] {
  cached ??= [
    readKindSchema(persona as JsonSchema, 'builtin:persona'),
    readKindSchema(segmentation as JsonSchema, 'builtin:segmentation'),
    readKindSchema(gtm as JsonSchema, 'builtin:gtm'),
    readKindSchema(prioritization as JsonSchema, 'builtin:prioritization'),
  ];
  return cached;
}

export function builtinKind(name: string): KindSchema | undefined {
  return builtinKinds().find((k) => k.kind === name);
}
