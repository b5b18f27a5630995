/**
 * positioning-statement — a positioning statement has every line of Geoffrey Moore's
 * template (docs/methodology.md, "The GTM template"):
 *
 *   For [target segment] / Who [need] / Our [product] is [category] / That [key benefit] /
 *   Unlike [competitive alternatives] / Our product [primary differentiation]
 *
 * and in Russian Для / Которые (Кому, Который нужен) / Наш … это / Который (Что) /
 * В отличие от / Наш продукт. The parts, their spellings and the lines a fix inserts come
 * from the schema (`x-segdoc.statement` on the GTM positioning section).
 *
 * A statement is written in one of two forms: lines, each starting with a part
 * (positioning/lines.ts), or one to three sentences opening with the `For` part, whose parts
 * are read from the words that join them (positioning/sentences.ts). When a paragraph reads
 * both ways, the reading that finds more parts is the statement (positioning/judge.ts).
 *
 *   - In a GTM strategy's Positioning & Messaging section, two lines with "For" (three
 *     without it), or sentences with "For" and three more parts, make a statement; a section
 *     with content but no statement is reported at its heading, and the fix inserts the whole
 *     template. Sentences with "For" and one or two more parts, or with a category, a benefit
 *     and a contrast but no "For", are taken for a statement in their own words: not
 *     reported, and the section has one. (Prose such as "For enterprise accounts, the
 *     message is security" is not reported as a broken statement.)
 *   - Anywhere else (and in any kind of document), three lines with "For" (four without it)
 *     make one; the `minPartsElsewhere` option changes that. Sentences outside the section
 *     are read only to correct a line reading of the same paragraph, never on their own:
 *     prose elsewhere ("For Dana, who runs…, the tool is…") is not a statement.
 *   - A statement that lacks parts is reported over the statement, naming them. For lines,
 *     the fix inserts the missing lines in order, in the document's language, as
 *     placeholders. For sentences, a line inserted into a sentence would break it, so the fix
 *     is offered only when every missing part comes after the parts there (typically Unlike /
 *     Our product): it appends them as one more sentence (` Unlike [competitive alternatives],
 *     our product [primary differentiation].`); a statement missing its need or category is
 *     reported without a fix.
 */
import { checkPositioning, type PositioningOptions } from './positioning/judge';
import { defineRule } from './types';

export default defineRule<PositioningOptions>({
  id: 'positioning-statement',
  severity: 'warning',
  description: 'A positioning statement has every line of the template: For / Who / Our … is / That / Unlike / Our product.',
  messages: {
    incomplete: 'The positioning statement lacks {missing} (the template is {parts})',
    none: '"{section}" has no positioning statement ({parts})',
    insert: 'Insert {missing}',
    insertAll: 'Insert a positioning statement template',
  },
  defaults: { minPartsElsewhere: 3 },
  optionsSchema: {
    type: 'object',
    properties: {
      minPartsElsewhere: {
        type: 'integer',
        minimum: 2,
        maximum: 6,
        description:
          'How many lines of the template (one of them "For") make a positioning statement outside the GTM Positioning & Messaging section.',
      },
    },
    additionalProperties: false,
  },
  check: checkPositioning,
});
