/** The texts completion shows (details and tags), translated through the l10n bundles. */
export const texts = {
  requiredSection: 'Required section',
  recommendedSection: 'Recommended section',
  optionalSection: 'Optional section',
  requiredSectionTag: 'required section',
  recommendedSectionTag: 'recommended section',
  requiredFieldTag: 'required field',
  requiredField: 'Required field · {section}',
  field: 'Field · {section}',
  segmentField: 'Segment field',
  value: '{field}',
  valueOf: '{field} · {value}',
  segmentFrom: 'Segment · {source}',
  segmentDoc: 'A segment defined in {source}.',
} satisfies Record<string, string>;
