import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDocument } from '../../server/src/model/build';
import { sectionItems } from '../../server/src/model/items';
import { findPlaceholders, isPlaceholderValue } from '../../server/src/model/placeholders';
import { normalizeHeading } from '../../server/src/model/normalize';

const at = (text: string, needle: string, from = 0) => {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `"${needle}" not in text`);
  return { start, end: start + needle.length };
};

test('headings normalise across numbering, parentheticals, punctuation, & / and / и', () => {
  assert.equal(normalizeHeading('3) Pain Points (Problems We Solve):'), 'pain points');
  assert.equal(normalizeHeading('1. Goals & Responsibilities'), 'goals responsibilities');
  assert.equal(normalizeHeading('Goals and Responsibilities'), 'goals responsibilities');
  assert.equal(normalizeHeading('Цели и обязанности'), 'цели обязанности');
  assert.equal(normalizeHeading('**Ёмкость** рынка'), 'емкость рынка');
  assert.equal(normalizeHeading('Demographics (B2C) / Firmographics (B2B)'), 'demographics firmographics');
});

test('the section tree nests by depth and spans to the next heading of the same depth', () => {
  const text =
    '# Persona: Dana\n\nIntro.\n\n## Demographics\n- **Job Title**: SRE\n\n### For B2B\n- **Industry**: SaaS\n\n## Goals\n\nShip.\n';
  const doc = buildDocument(text, { cache: null });
  assert.equal(doc.title?.text, 'Persona: Dana');
  assert.equal(doc.sections.length, 1);
  const [demo, goals] = doc.sections[0]!.children;
  assert.equal(demo!.heading.text, 'Demographics');
  assert.equal(demo!.children[0]!.heading.text, 'For B2B');
  assert.deepEqual(demo!.span, { start: text.indexOf('## Demographics'), end: text.indexOf('## Goals') });
  assert.equal(goals!.paragraphs[0]!.text, 'Ship.');
  assert.deepEqual(
    doc.allSections.map((s) => s.heading.depth),
    [1, 2, 3, 2],
  );
  assert.equal(doc.sections[0]!.paragraphs[0]!.text, 'Intro.');
});

test('fields are read from bold labels in paragraphs and list items, with exact spans', () => {
  const text = [
    '# Segments',
    '',
    '**Segment**: Mid-Market Tech Companies',
    '- Industry: Software, Tech Services',
    '- **Profile:** 10–200 сотрудников',
    '',
    '**Size**: 12,000 companies',
    '**TAM**: $180M (12,000 × $15k ACV)',
    '',
    '**Functional Needs**:',
    '- Track changing regulations',
    '- Generate audit reports',
    '',
    'Other text.',
    '',
    '- see https://example.com: not a field',
  ].join('\n');
  const doc = buildDocument(text, { cache: null });
  const fields = doc.sections[0]!.fields;
  assert.deepEqual(
    fields.map((f) => [f.key, f.value.text, f.style]),
    [
      ['segment', 'Mid-Market Tech Companies', 'bold'],
      ['industry', 'Software, Tech Services', 'plain'],
      ['profile', '10–200 сотрудников', 'bold'],
      ['size', '12,000 companies', 'bold'],
      ['tam', '$180M (12,000 × $15k ACV)', 'bold'],
      ['functional needs', '', 'bold'],
    ],
  );
  assert.deepEqual(fields[4]!.value.span, at(text, '$180M (12,000 × $15k ACV)'));
  assert.deepEqual(fields[2]!.label.span, at(text, 'Profile'));
  assert.deepEqual(
    fields[5]!.items.map((i) => i.text),
    ['Track changing regulations', 'Generate audit reports'],
  );
});

test('lists keep nesting and task state; tables keep cells with spans', () => {
  const text = '## Checklist\n- [x] Done\n- [ ] Open\n  - nested\n\n| Segment | Fit |\n| --- | --- |\n| SMB | 8 |\n';
  const doc = buildDocument(text, { cache: null });
  const s = doc.sections[0]!;
  assert.deepEqual(
    s.lists[0]!.items.map((i) => [i.text, i.checked]),
    [
      ['Done', true],
      ['Open', false],
    ],
  );
  assert.equal(s.lists[0]!.items[1]!.children[0]!.text, 'nested');
  assert.deepEqual(
    s.tables[0]!.header.map((c) => c.text),
    ['Segment', 'Fit'],
  );
  assert.deepEqual(
    s.tables[0]!.rows[0]!.map((c) => c.text),
    ['SMB', '8'],
  );
  assert.deepEqual(
    s.tables[0]!.rows[0]![1]!.span,
    at(text, '8 |').start === -1 ? undefined : { start: text.lastIndexOf('8'), end: text.lastIndexOf('8') + 1 },
  );
});

test('offsets survive a BOM and CRLF line endings', () => {
  const text = '\uFEFF# Persona: Dana\r\n\r\n## Demographics\r\n- **Job Title**: SRE\r\n';
  const doc = buildDocument(text, { cache: null });
  const f = doc.allSections[1]!.fields[0]!;
  assert.deepEqual(f.value.span, at(text, 'SRE'));
  assert.deepEqual(doc.allSections[1]!.heading.textSpan, at(text, 'Demographics'));
  assert.deepEqual(doc.lines.positionAt(f.value.span.start), { line: 3, character: 17 });
});

test('front matter is read, and invalid YAML is reported at its line', () => {
  const ok = buildDocument('---\nsegdoc: persona\nlang: ru\n---\n# X\n', { cache: null });
  assert.deepEqual(ok.frontMatter?.data, { segdoc: 'persona', lang: 'ru' });
  assert.equal(ok.language, 'ru');
  const text = '---\nsegdoc: persona\nbad: [unclosed\n---\n# X\n';
  const bad = buildDocument(text, { cache: null });
  assert.ok(bad.frontMatter?.error);
  assert.equal(bad.lines.positionAt(bad.frontMatter!.error!.span.start).line > 0, true);
});

test('document language follows the headings', () => {
  assert.equal(buildDocument('# Сегментация клиентов\n\n## Metadata\n', { cache: null }).language, 'ru');
  assert.equal(buildDocument('# GTM Strategy: K8s\n\n## 1. Market Analysis\n', { cache: null }).language, 'en');
  assert.equal(
    buildDocument('# GTM\n\n## Метаданные\n\n## Исполнительное резюме\n\n## Market\n', { cache: null }).language,
    'ru',
  );
});

test('placeholders: brackets and date templates, not links, boxes, footnotes or defined labels', () => {
  const text =
    'A [Persona Name], $[Amount], [X:1], YYYY-MM-DD; not [a link](x), [ref][r], [^1], [ ] [x], ![img](y), [defined]\n\n[defined]: https://example.com\n';
  const doc = buildDocument(text, { cache: null });
  const found = findPlaceholders(text, doc.definitions, doc.codeSpans).map((p) => p.text);
  assert.deepEqual(found, ['[Persona Name]', '$[Amount]', '[X:1]', 'YYYY-MM-DD']);
  assert.equal(isPlaceholderValue('[Draft/Approved]', new Set()), true);
  assert.equal(isPlaceholderValue('$[Amount] (Year 1)', new Set()), true);
  assert.equal(isPlaceholderValue('Approved [link](x)', new Set()), false);
});

test('placeholders inside code are ignored', () => {
  const text = 'Use `[Persona Name]` literally.\n\n```\n[Not a placeholder]\n```\n';
  const doc = buildDocument(text, { cache: null });
  assert.deepEqual(findPlaceholders(text, doc.definitions, doc.codeSpans), []);
});

test('fields from every layout: key/value tables, nested lists, definition lines', () => {
  const text = [
    '## Table',
    '| Attribute | Detail |',
    '|---|---|',
    '| **Job title** | VP of Engineering |',
    '| Company size | 800 employees |',
    '',
    '## Nested',
    '- **Job Title**',
    '  - VP Engineering',
    '- Industry:',
    '  - SaaS',
    '- Tools',
    '  - Slack',
    '  - Jira',
    '',
    '## Lines',
    'Job title: VP of Engineering',
    'Company size: 800 people',
    '',
    'One sentence: a definition alone on its line.',
    '',
    'A paragraph of prose where one line says',
    'Note: this is no definition, it sits in prose.',
    'and the paragraph goes on; see https://example.com at 10: 30.',
  ].join('\n');
  const doc = buildDocument(text, { cache: null });
  const fields = (i: number) => doc.sections[i]!.fields.map((f) => [f.key, f.value.text, f.style]);
  assert.deepEqual(fields(0), [
    ['job title', 'VP of Engineering', 'table'],
    ['company size', '800 employees', 'table'],
  ]);
  assert.deepEqual(doc.sections[0]!.fields[0]!.label.span, at(text, 'Job title'));
  assert.deepEqual(fields(1), [
    ['job title', 'VP Engineering', 'nested'],
    ['industry', 'SaaS', 'nested'],
  ]);
  assert.deepEqual(fields(2), [
    ['job title', 'VP of Engineering', 'definition'],
    ['company size', '800 people', 'definition'],
    ['one sentence', 'a definition alone on its line.', 'definition'],
  ]);
});

test('items from every layout: list items and table rows, not key/value tables or matrices', () => {
  const text = [
    '## Pains',
    '| Pain point | What it costs |',
    '|---|---|',
    '| Cluster toil | a sprint a quarter |',
    '| Cost surprises | +38 % |',
    '',
    '- Pager fatigue',
    '',
    '## Profile',
    '| Attribute | Detail |',
    '|---|---|',
    '| Job title | VP |',
    '',
    '| Segment | Attractiveness | Fit | Accessibility | Strategic Value |',
    '|---|---|---|---|---|',
    '| A | 1 | 2 | 3 | 4 |',
  ].join('\n');
  const doc = buildDocument(text, { cache: null });
  assert.deepEqual(
    sectionItems(doc.sections[0]!).map((i) => i.text),
    ['Cluster toil', 'Cost surprises', 'Pager fatigue'],
  );
  assert.deepEqual(sectionItems(doc.sections[1]!), []);
});
