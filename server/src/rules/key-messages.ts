/**
 * key-messages — a persona's Key Messages are 3 to 5: the persona template's Messaging asks
 * for "3–5 core messages that resonate" (docs/methodology.md "The persona template"). Fewer
 * leave the persona without a message for each of its pains; more are no longer key.
 *
 * The messages are read from the Key Messages field (Ключевые сообщения) of the Messaging
 * section: the items of a list under it, however it is written (`- **Key Messages**:` over a
 * numbered list, a bold label over bullets), or, when it has no list, a value that separates
 * messages with semicolons or numbers them (`1) … 2) …`). A value that is one sentence, or a
 * list with commas, is not counted (a message may hold a comma), and neither is a field still
 * holding the template's placeholder. The bounds are options.
 */
import type { Field } from '../model/types';
import { findPlaceholders } from '../model/placeholders';
import { defineRule } from './types';

export interface KeyMessagesOptions {
  /** Fewest key messages a persona should have. */
  minimum: number;
  /** Most key messages a persona should have. */
  maximum: number;
}

/** How many messages the field holds, or undefined when its text cannot tell. */
function messageCount(field: Field): number | undefined {
  if (field.items.length) return field.items.length;
  const text = field.value.text.trim();
  if (!text) return undefined;
  const numbered = text.match(/(?:^|\s)\d[.)][ \t]+\S/g)?.length ?? 0;
  if (numbered >= 2) return numbered;
  const parts = text.split(/;|[ \t]•[ \t]/).filter((p) => /[\p{L}\p{N}]/u.test(p));
  return parts.length >= 2 ? parts.length : undefined;
}

export default defineRule<KeyMessagesOptions>({
  id: 'key-messages',
  severity: 'warning',
  kinds: ['persona'],
  description: 'A persona has 3 to 5 key messages, as the persona template’s Messaging asks.',
  messages: {
    few: 'Key Messages lists {count}; the persona template asks for {minimum}–{maximum} core messages that resonate',
    many: 'Key Messages lists {count}; the persona template asks for {minimum}–{maximum} core messages: keep the ones that matter most',
  },
  defaults: { minimum: 3, maximum: 5 },
  optionsSchema: {
    type: 'object',
    properties: {
      minimum: {
        type: 'integer',
        minimum: 1,
        description: 'Fewest key messages a persona should have (the persona template: 3).',
      },
      maximum: { type: 'integer', minimum: 1, description: 'Most key messages a persona should have (the persona template: 5).' },
    },
    additionalProperties: false,
  },
  check(ctx) {
    const field = ctx.match.fields.get('messaging')?.get('key-messages');
    if (!field) return;
    if (findPlaceholders(ctx.doc.text, ctx.doc.definitions, [], field.value.span.start, field.value.span.end).length) return;
    const count = messageCount(field);
    if (count === undefined) return;
    const { minimum, maximum } = ctx.options;
    // On the label over a list of messages, on the value that holds them inline.
    const span = field.items.length || !field.value.text.trim() ? field.label.span : field.value.span;
    if (count < minimum) ctx.report({ message: 'few', args: { count, minimum, maximum }, span });
    else if (count > maximum) ctx.report({ message: 'many', args: { count, minimum, maximum }, span });
  },
});
