/**
 * Documents the protocol tests open. The persona has its Demographics filled in and the
 * other required sections missing, so `required-section` reports each of them at the title.
 */
export const PERSONA = ['# Persona: Dana', '', '## Demographics', '', '- **Job Title**: DevOps lead', '- **Company Size**: 200', '- **Industry**: SaaS', ''].join('\n');

/** The required persona sections PERSONA lacks, in template order (English titles). */
export const MISSING = ['Goals & Responsibilities', 'Pain Points', 'Decision Criteria', 'Buying Process', 'Information Sources', 'Messaging', 'Marketing Tactics'];

/** The range of the title text "Persona: Dana" on line 0, where missing sections are reported. */
export const TITLE_RANGE = { start: { line: 0, character: 2 }, end: { line: 0, character: 15 } };

export const PAIN_POINTS = ['## Pain Points', '', '1. Slow deploys', '2. Flaky pipelines', '3. Cloud bills', ''].join('\n');

export const README = ['# segdoc examples', '', 'Notes about the project, not a segmentation document.', ''].join('\n');

export const PERSONA_RU = ['# Персона: Дана', '', '## Демография', '', '- **Должность**: руководитель DevOps', '- **Размер компании**: 200', '- **Отрасль**: SaaS', ''].join('\n');
