/**
 * Sections recognised by meaning (schemas/recognize.ts): the headings marketers write —
 * numbered, with emoji, in their own words, in either language — are taken for the section
 * they mean, surely or with a hint; headings that mean something else are left alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../server/src/services/engine';
import { hoverAt } from '../../server/src/services/hover';

const NOW = new Date('2026-11-01T00:00:00Z');

/** The section each `##` heading of a document was taken for: `heading → id (how, sure?)`. */
function taken(text: string, path = 'doc.persona.md'): Record<string, string> {
  const result = lint(text, { path, now: NOW });
  const out: Record<string, string> = {};
  for (const m of result.match?.matches ?? []) out[m.section.heading.text] = `${m.spec.id} (${m.how}${m.sure ? '' : ', unsure'})`;
  return out;
}

function doc(title: string, ...sections: Array<[string, string]>): string {
  return [title, '', ...sections.flatMap(([h, body]) => [`## ${h}`, '', body, ''])].join('\n');
}

describe('headings by their words', () => {
  test('numbered, emoji and natural persona headings, in English', () => {
    const text = doc(
      '# Persona: Dana',
      ['1. Who she is', '- **Job Title**: Platform Lead'],
      ['2. 🎯 Goals & KPIs', '- cut lead time'],
      ['3. Key Challenges & Frustrations', '1. a\n2. b\n3. c'],
      ['4. How she decides', '- **Role in Decision**: User'],
      ['5. What she looks for', '1. a\n2. b\n3. c'],
      ['6. Where she learns', '- CNCF Slack'],
      ['7. What we tell her', '- **Value Proposition**: x'],
      ['8. How we reach her', '- webinars'],
    );
    assert.deepEqual(taken(text), {
      '1. Who she is': 'demographics (words)',
      '2. 🎯 Goals & KPIs': 'goals (name)',
      '3. Key Challenges & Frustrations': 'pain-points (words)',
      '4. How she decides': 'buying-process (words)',
      '5. What she looks for': 'decision-criteria (words)',
      '6. Where she learns': 'information-sources (words)',
      '7. What we tell her': 'messaging (words)',
      '8. How we reach her': 'marketing-tactics (words)',
    });
  });

  test('Russian headings with emoji and other pronouns (names after emoji are stripped)', () => {
    const text = doc(
      '# Персона: Ольга',
      ['👤 Кто она', '- **Должность**: финансовый директор'],
      ['🎯 Цели и KPI', '- закрывать месяц за 4 дня'],
      ['Что для него важно', '1. а\n2. б\n3. в'],
      ['Как до неё достучаться', '- вебинары'],
    );
    assert.deepEqual(taken(text), {
      '👤 Кто она': 'demographics (name)',
      '🎯 Цели и KPI': 'goals (name)',
      'Что для него важно': 'decision-criteria (words)',
      'Как до неё достучаться': 'marketing-tactics (name)',
    });
  });

  test('a heading that holds a name is sure unless its other words belong to another section', () => {
    assert.deepEqual(
      taken(doc('# Persona: Chris', ['Criteria he applies', '1. a\n2. b\n3. c'], ['Messages for the committee', '- x'])),
      {
        'Criteria he applies': 'decision-criteria (words)',
        'Messages for the committee': 'messaging (words, unsure)',
      },
    );
  });

  test('headings about something else are not taken for a section', () => {
    const text = doc(
      '# Persona: Dana',
      ['Her morning routine', 'Coffee, then the on-call handover.'],
      ['About this document', 'Written by the PMM team.'],
      ['Appendix: glossary', '- CI: continuous integration'],
    );
    assert.deepEqual(taken(text), {});
  });

  test('a typo is left to misspelled-section, not taken by its other words', () => {
    const text = doc('# Persona: Dana', ['Pain Pionts', '1. a\n2. b\n3. c'], ['Decison Criteria', '1. a\n2. b\n3. c']);
    assert.deepEqual(taken(text), {});
    const hints = lint(text, { path: 'doc.persona.md', now: NOW }).findings.filter((f) => f.rule === 'misspelled-section');
    assert.deepEqual(
      hints.map((f) => f.messageId),
      ['misspelled', 'misspelled'],
    );
  });

  test('a heading that names a section exactly wins over one that only resembles it', () => {
    const text = doc('# Persona: Dana', ['Challenges we hear', '1. a\n2. b\n3. c'], ['Pain Points', '1. a\n2. b\n3. c']);
    assert.deepEqual(taken(text), { 'Pain Points': 'pain-points (name)' });
  });

  test('segment headings are segments, never guessed as sections', () => {
    const text = [
      '# Customer Segmentation Analysis',
      '',
      '## Notes',
      '',
      '### Segment 1: Strategy consultancies',
      '',
      '- **Size**: 1,200 firms',
      '',
    ].join('\n');
    const matches = taken(text, 'q1.segmentation.md');
    assert.equal(matches['Segment 1: Strategy consultancies'], undefined);
  });
});

describe('headings by their content', () => {
  test('a key/value table of demographic fields under a heading nobody listed', () => {
    const text = doc('# Persona: Dana', [
      'The basics',
      '| Attribute | Detail |\n| --- | --- |\n| Job title | Platform Lead |\n| Company size | Mid-Market |\n| Industry | Fintech |',
    ]);
    assert.deepEqual(taken(text), { 'The basics': 'demographics (content)' });
  });

  test('one required field makes an unsure match, with a hint and a rename', () => {
    const text = doc('# Персона: Марина', ['О ней', '- **Должность**: главный бухгалтер']);
    assert.deepEqual(taken(text), { 'О ней': 'demographics (content, unsure)' });
    const hint = lint(text, { path: 'doc.persona.md', now: NOW }).findings.find((f) => f.rule === 'misspelled-section');
    assert.equal(hint?.messageId, 'guessed');
    assert.equal(hint?.fixes[0]?.edits[0]?.newText, 'Демография');
  });

  test('research with counts is the Data Sources section, whatever its heading', () => {
    const text = doc('# Persona: Dana', [
      'What this is based on',
      '- 14 customer interviews\n- a survey of 212 platform engineers',
    ]);
    assert.equal(taken(text)['What this is based on'], 'data-sources (content)');
  });

  test('a jobs-to-be-done statement makes the Needs Analysis section, in either language', () => {
    const en = doc('# Persona: Dana', [
      'What she hires us for',
      '**When** a release is blocked, **I want to** see the failing step, **so I can** ship today.',
    ]);
    assert.equal(taken(en)['What she hires us for'], 'jtbd (content)');
    const ru = doc('# Персона: Ольга', [
      'Зачем ей продукт',
      'Когда селлеры везут больше товара, я хочу отгружать его без пересорта, чтобы не платить штрафы.',
    ]);
    assert.equal(taken(ru)['Зачем ей продукт'], 'jtbd (content)');
    const none = doc('# Persona: Dana', ['Her week', 'When the release train leaves on Friday she is on call.']);
    assert.deepEqual(taken(none), {});
  });

  test('labels the schema lists as a section’s terms: metrics are Success Metrics, communities and events Information Sources', () => {
    const gtm = [
      '# GTM Strategy: Quill',
      '',
      '## How the board will judge us',
      '',
      '- **Pipeline**: $4M by Q2',
      '- **NRR**: 115 %',
      '- **PMF**: 44 %',
      '',
    ].join('\n');
    assert.equal(taken(gtm, 'q.gtm.md')['How the board will judge us'], 'success-metrics (content)');
    const persona = doc('# Persona: Dana', ['Her world', '- **Communities**: CNCF Slack\n- **Events**: KubeCon']);
    assert.equal(taken(persona)['Her world'], 'information-sources (content)');
  });

  test('a section whose subsections are all segments holds the segments; one with other subsections is left to the segment reader', () => {
    const segments = [
      '### Mid-market SaaS',
      '- **Size**: 4,000 companies',
      '- **ACV**: $40k',
      '',
      '### Enterprise fintech',
      '- **Size**: 900 companies',
      '- **Channels**: partners',
      '',
    ].join('\n');
    const text = ['# Customer Segmentation Analysis', '', '## The bets we make', '', segments].join('\n');
    assert.equal(taken(text, 'q.segmentation.md')['The bets we make'], 'target-segments (content)');
    const mixed = [
      '# Customer Segmentation Analysis',
      '',
      '## The bets we make',
      '',
      segments,
      '### Open questions',
      '',
      'Do roll-ups buy centrally?',
      '',
    ].join('\n');
    assert.equal(taken(mixed, 'q.segmentation.md')['The bets we make'], undefined);
  });

  test('a positioning statement in prose makes the Positioning section of a GTM strategy', () => {
    const text = [
      '# GTM Strategy: Quill',
      '',
      '## 2. Why we will stand out',
      '',
      'For legal teams at scale-ups who lose days to contract redlines, Quill is a contract assistant that drafts the first pass. Unlike generic AI writers, it follows your playbook.',
      '',
    ].join('\n');
    assert.equal(taken(text, 'q.gtm.md')['2. Why we will stand out'], 'positioning (content)');
  });

  test('a customer quote that opens the persona is its Quote', () => {
    const text = [
      '# Persona: Dana',
      '',
      '> "I need my pipelines to stop paging me at 3 a.m." — Dana, Platform Lead',
      '',
      '## Goals',
      '',
      '- x',
      '',
    ].join('\n');
    const result = lint(text, { path: 'doc.persona.md', now: NOW });
    assert.ok(result.match?.byId.has('quote'));
    assert.ok(!result.findings.some((f) => f.rule === 'recommended-section' && f.message.includes('"Quote"')));
  });
});

describe('what the user sees', () => {
  test('the missing-section finding names the heading that probably meant it, and can rename it', () => {
    const text = doc('# Persona: Paul', ['Procurement process notes', '- every purchase over €50k goes to a committee']);
    const finding = lint(text, { path: 'doc.persona.md', now: NOW }).findings.find(
      (f) => f.rule === 'required-section' && f.message.includes('Buying Process'),
    );
    assert.equal(
      finding?.message,
      'Missing required section "Buying Process"; is "Procurement process notes" meant to be it? Rename that heading if so',
    );
    assert.deepEqual(
      finding?.fixes.map((f) => f.title),
      ['Insert section "Buying Process"', 'Rename "Procurement process notes" to "Buying Process"'],
    );
    assert.equal(finding?.fixes[1]?.edits[0]?.newText, 'Buying Process');
  });

  test('hover on a heading says what it was taken for, in the user’s language', () => {
    const text = doc('# Persona: Dana', ['1. Who she is', '- **Job Title**: Platform Lead']);
    const en = lint(text, { path: 'doc.persona.md', now: NOW });
    const offset = text.indexOf('Who she is');
    assert.match(hoverAt(en, offset)!.markdown, /reads this heading as the section \*\*Demographics\*\*, judging by its words/);
    const ru = lint(text, { path: 'doc.persona.md', now: NOW, locale: 'ru' });
    assert.match(hoverAt(ru, offset)!.markdown, /считает этот заголовок разделом \*\*Демография\*\*/);
  });
});

test('the persona the editor test opens (natural headings, a demographics table) has no finding at all', () => {
  const path = join(__dirname, '..', 'editor', 'workspace', 'personas', 'dana-natural.persona.md');
  const result = lint(readFileSync(path, 'utf8'), { path: 'personas/dana-natural.persona.md', now: NOW });
  assert.deepEqual(
    result.findings.map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`),
    [],
  );
  assert.equal(result.match?.matches.find((m) => m.section.heading.text === '1. Who she is')?.spec.id, 'demographics');
});
