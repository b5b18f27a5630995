/**
 * Documents the protocol tests open. The persona has its Demographics filled in and the
 * other required sections missing, so `required-section` reports each of them at the title.
 */
export const PERSONA = [
  '# Persona: Dana',
  '',
  '## Demographics',
  '',
  '- **Job Title**: DevOps lead',
  '- **Company Size**: 200',
  '- **Industry**: SaaS',
  '',
].join('\n');

/** The required persona sections PERSONA lacks, in template order (English titles). */
export const MISSING = [
  'Goals & Responsibilities',
  'Pain Points',
  'Decision Criteria',
  'Buying Process',
  'Information Sources',
  'Messaging',
  'Marketing Tactics',
];

/** The range of the title text "Persona: Dana" on line 0, where missing sections are reported. */
export const TITLE_RANGE = { start: { line: 0, character: 2 }, end: { line: 0, character: 15 } };

export const PAIN_POINTS = ['## Pain Points', '', '1. Slow deploys', '2. Flaky pipelines', '3. Cloud bills', ''].join('\n');

export const README = ['# segdoc examples', '', 'Notes about the project, not a segmentation document.', ''].join('\n');

export const PERSONA_RU = [
  '# Персона: Дана',
  '',
  '## Демография',
  '',
  '- **Должность**: руководитель DevOps',
  '- **Размер компании**: 200',
  '- **Отрасль**: SaaS',
  '',
].join('\n');

/** A prioritization matrix with three wrong totals and its Tier 3 section missing. */
export const MATRIX = [
  '# Segment Prioritization: Contoso Payments',
  '',
  '## Prioritization Matrix',
  '',
  '| Segment | Attractiveness | Fit | Accessibility | Strategic Value | Total | Tier |',
  '|---------|---------------|-----|---------------|----------------|-------|------|',
  '| E-commerce Marketplaces | 9 | 8 | 9 | 8 |   33 | 1 |',
  '| Subscription SaaS | 8 | 9 | 7 | 8 | **30** | 1 |',
  '| Travel Agencies | 7 | 6 | 8 | 5 | 26/40 | 2 |',
  '| Food Delivery Startups | 5 | 4 | 5 | 3 | ~19 | 3 |',
  '',
  '## Tier 1 (Primary Focus)',
  '**Segments**: E-commerce Marketplaces, Subscription SaaS',
  '**Resource Allocation**: 65%',
  '',
  '## Tier 2 (Secondary Focus)',
  '**Segments**: Travel Agencies',
  '**Resource Allocation**: 35%',
  '',
].join('\n');
