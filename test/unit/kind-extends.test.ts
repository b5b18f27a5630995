/**
 * Extended kinds (issue 15, item 1): a team kind of `.segdoc.json` that says
 * `"extends": "segmentation"` and only what it changes (services/config/extend.ts,
 * docs/team-standards.md). The merge gives an ordinary kind, so the engine, completion,
 * templates and fixes work with it as with a built-in one; every problem of the entry is a
 * config error at its line in the config file.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import {
  clearConfigCache,
  configJsonSchema,
  lintOptionsFor,
  loadConfigFile,
  type LoadedConfig,
} from '../../server/src/services/config';
import { lint } from '../../server/src/services/engine';
import { completions } from '../../server/src/services/completion';
import { templateSpecs } from '../../server/src/services/templates';
import { builtinKind } from '../../server/src/schemas/builtin';
import { LinearRegExp } from '../../server/src/schemas/linear-regexp';
import type { KindSchema } from '../../server/src/schemas/kinds';
import { where, writeUnder } from '../fixtures/config-files';

const repoRoot = path.resolve(__dirname, '..', '..');
const NOW = new Date('2026-11-23T12:00:00Z');
let dir: string;
const write = (rel: string, text: string): string => writeUnder(dir, rel, text);

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-extends-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  clearConfigCache();
});

/** The team's section every document of the kind must have. */
const REVIEW = {
  required: true,
  title: { en: 'Review Cadence', ru: 'Периодичность пересмотра' },
  aliases: ['Quarterly Review', 'Ежеквартальный пересмотр'],
  description: {
    en: 'When the segments are reviewed again, and who reviews them.',
    ru: 'Когда и кем сегменты пересматриваются.',
  },
  template: {
    en: ['**Next review**: [Quarter]', '**Owner**: [Name]'],
    ru: ['**Следующий пересмотр**: [Квартал]', '**Ответственный**: [Имя]'],
  },
  after: 'insights',
};

function loadEntry(folder: string, entry: Record<string, unknown>, options: { trusted?: boolean } = {}): LoadedConfig {
  const text = JSON.stringify({ kinds: { 'team-segmentation': { extends: 'segmentation', ...entry } } }, null, 2);
  return loadConfigFile(write(`${folder}/.segdoc.json`, text), options);
}

function team(loaded: LoadedConfig): KindSchema {
  const kind = loaded.config.kinds?.find((k) => k.kind === 'team-segmentation');
  assert.ok(kind, JSON.stringify(loaded.diagnostics.map((d) => d.message)));
  return kind;
}

const ids = (kind: KindSchema): string[] => kind.sections.map((s) => `${s.id}${s.required ? '*' : ''}`);
const base = builtinKind('segmentation')!;

describe('merging an extended kind', () => {
  test('add: a required section with its titles, aliases, description and template, placed after the one it names', () => {
    const kind = team(loadEntry('add', { sections: { 'review-cadence': REVIEW } }));
    assert.equal(kind.base, 'segmentation');
    const i = kind.sections.findIndex((s) => s.id === 'insights');
    const review = kind.sections[i + 1]!;
    assert.equal(review.id, 'review-cadence');
    assert.equal(review.required, true);
    assert.deepEqual(review.title, REVIEW.title);
    assert.ok(review.keys.has('quarterly review'));
    assert.equal(review.template.en, '**Next review**: [Quarter]\n**Owner**: [Name]');
    assert.deepEqual(
      ids(kind).filter((id) => id !== 'review-cadence*'),
      ids(base),
    );
    assert.ok(
      templateSpecs(kind)[0]!.sections!.some((s) => s.id === 'review-cadence'),
      'the New Document template has it',
    );
  });

  test('remove, and make optional: the base kind is not changed', () => {
    const kind = team(loadEntry('remove', { remove: ['checklist', 'prioritization'], sections: { icp: { required: false } } }));
    assert.ok(!kind.sections.some((s) => s.id === 'checklist' || s.id === 'prioritization'));
    assert.equal(kind.sections.find((s) => s.id === 'icp')!.required, false);
    assert.equal(base.sections.find((s) => s.id === 'icp')!.required, true);
    assert.ok(base.sections.some((s) => s.id === 'checklist'));
    assert.doesNotThrow(() => templateSpecs(kind), 'templates that named a removed section are dropped');
  });

  test('override: an existing section gets aliases, a new title and description, and a required field', () => {
    const kind = team(
      loadEntry('override', {
        sections: {
          approach: {
            title: { en: 'Segmentation Method' },
            aliases: ['How we segment'],
            fields: { owner: { title: { en: 'Owner', ru: 'Ответственный' }, required: true } },
          },
        },
      }),
    );
    const approach = kind.sections.find((s) => s.id === 'approach')!;
    const before = base.sections.find((s) => s.id === 'approach')!;
    assert.equal(approach.title.en, 'Segmentation Method');
    assert.equal(approach.title.ru, before.title.ru);
    assert.ok(approach.keys.has('how we segment'));
    assert.ok(
      before.names.every((n) => approach.names.includes(n)),
      'its former names still name it',
    );
    assert.deepEqual(approach.fields.at(-1)!.id, 'owner');
    assert.equal(approach.fields.at(-1)!.required, true);
  });

  test('fields of every segment, and enum values added or replaced', () => {
    const kind = team(
      loadEntry('enums', {
        segmentFields: {
          stability: {
            title: { en: 'Stability', ru: 'Стабильность' },
            description: { en: 'Evidence the segment held across two reviews.' },
          },
        },
        sections: {
          metadata: { fields: { status: { addEnum: ['In Review'], enumAliases: { 'In Review': ['На согласовании'] } } } },
        },
      }),
    );
    assert.ok(kind.segmentFields.some((f) => f.id === 'stability' && f.title.ru === 'Стабильность'));
    assert.deepEqual(
      kind.segmentFields.slice(0, -1).map((f) => f.id),
      base.segmentFields.map((f) => f.id),
    );
    const status = (k: KindSchema) => k.sections.find((s) => s.id === 'metadata')!.fields.find((f) => f.id === 'status')!;
    assert.deepEqual(status(kind).enum, ['Draft', 'Approved', 'In Review']);
    assert.equal(status(kind).enumKeys.get('на согласовании'), 'In Review');
    assert.equal(status(kind).enumKeys.get('draft'), 'Draft', 'the values it had keep their aliases');
    const replaced = team(
      loadEntry('enum-replace', { sections: { metadata: { fields: { status: { enum: ['Proposed', 'Accepted'] } } } } }),
    );
    assert.deepEqual(status(replaced).enum, ['Proposed', 'Accepted']);
    assert.deepEqual(status(base).enum, ['Draft', 'Approved']);
  });

  test('rule options: the kind carries its own rule settings, checked by the config schema', () => {
    const loaded = loadEntry('options', { rules: { 'segment-count': ['error', { min: 4 }], 'no-such-rule': 'off' } });
    assert.deepEqual(team(loaded).rules, { 'segment-count': ['error', { min: 4 }] });
    assert.deepEqual(where(loaded.diagnostics), ['12:9 unknownRule']);
  });

  test("detection: its own title patterns (on RE2) and globs replace the base kind's; without them it inherits them", () => {
    const kind = team(loadEntry('detect', { detect: { headings: ['^team\\s+segments'], files: ['**/*.team.md'] } }));
    assert.deepEqual(kind.filePatterns, ['**/*.team.md']);
    assert.equal(kind.headingPatterns.length, 1);
    assert.ok(kind.headingPatterns[0] instanceof LinearRegExp);
    assert.equal(
      lint('# Team Segments: Acme\n', {
        path: path.join(dir, 'detect/x.md'),
        ...lintOptionsFor(loadEntry('detect', { detect: { headings: ['^team\\s+segments'] } }), path.join(dir, 'detect/x.md')),
      }).detection?.kind.kind,
      'team-segmentation',
    );
    const inherited = team(loadEntry('inherit', {}));
    assert.equal(inherited.headingPatterns.length, base.headingPatterns.length);
    assert.deepEqual(inherited.filePatterns, base.filePatterns);
  });
});

describe('a document of an extended kind, end to end', () => {
  const example = readFileSync(path.join(repoRoot, 'examples/en/stratus-cloud.segmentation.md'), 'utf8');
  const loaded = (): LoadedConfig => loadEntry('e2e', { files: ['segments/*.md'], sections: { 'review-cadence': REVIEW } });
  const file = (): string => path.join(dir, 'e2e/segments/stratus.md');
  const missing = (text: string): string[] =>
    lint(text, { path: file(), now: NOW, ...lintOptionsFor(loaded(), file()) })
      .findings.filter((f) => f.rule === 'required-section')
      .map((f) => f.message);

  test('lint(): the team section is missing, with a fix that inserts its template; none once it is there', () => {
    const r = lint(example, { path: file(), now: NOW, ...lintOptionsFor(loaded(), file()) });
    assert.equal(r.detection?.kind.kind, 'team-segmentation');
    const finding = r.findings.find((f) => f.rule === 'required-section' && f.args['section'] === 'Review Cadence');
    assert.ok(finding, JSON.stringify(r.findings.map((f) => f.message)));
    const insert = finding.fixes.find((x) => x.edits.some((e) => e.newText.includes('**Next review**')));
    assert.ok(insert, JSON.stringify(finding.fixes));
    const fixed = `${example.trimEnd()}\n\n## Review Cadence\n\n**Next review**: Q1 2027\n**Owner**: Dana Lee\n`;
    assert.deepEqual(missing(fixed), []);
    assert.deepEqual(
      missing(`${example.trimEnd()}\n\n## Quarterly Review\n\nNext in Q1 2027, by Dana Lee.\n`),
      [],
      'an alias names it',
    );
    const builtin = lint(example, { path: 'stratus.segmentation.md', now: NOW }).findings.filter(
      (f) => f.rule === 'required-section',
    );
    assert.deepEqual(builtin, [], 'the built-in kind does not ask for it');
  });

  test('completion offers the team section on an empty line', () => {
    const text = `${example.trimEnd()}\n\n`;
    const r = lint(text, { path: file(), now: NOW, ...lintOptionsFor(loaded(), file()) });
    const list = completions(r, text.length).filter((e) => e.kind === 'section');
    assert.ok(
      list.some((e) => e.label === 'Review Cadence'),
      JSON.stringify(list.map((e) => e.label)),
    );
  });

  test('completion offers a team segment field inside a segment', () => {
    const withField = loadEntry('e2e-field', {
      files: ['*.md'],
      segmentFields: { stability: { title: { en: 'Stability', ru: 'Стабильность' } } },
    });
    const heading = example.indexOf('\n### ', example.indexOf('## Target Segments'));
    const at = example.indexOf('\n', heading + 1) + 1;
    const text = `${example.slice(0, at)}\n**\n${example.slice(at)}`;
    const doc = path.join(dir, 'e2e-field/stratus.md');
    const r = lint(text, { path: doc, now: NOW, ...lintOptionsFor(withField, doc) });
    const labels = completions(r, at + 3).map((e) => e.label);
    assert.ok(labels.includes('Stability'), labels.join(', '));
  });
});

describe('errors of an extended kind, at their line in .segdoc.json', () => {
  test('an unknown base kind, an unknown removed section, a new section without a title, an unknown "after"', () => {
    const text = `{
  "kinds": {
    "a": { "extends": "segmentaton" },
    "b": {
      "extends": "segmentation",
      "remove": ["chekclist"],
      "sections": {
        "fresh": { "required": true },
        "late": { "title": { "en": "Late" }, "after": "nowhere" }
      }
    },
    "c": { "extends": "persona", "segmentFields": { "x": { "title": { "en": "X" } } } },
    "d": { "extends": "gtm", "schema": "./d.json" }
  }
}`;
    const loaded = loadConfigFile(write('errors/.segdoc.json', text));
    assert.deepEqual(where(loaded.diagnostics), [
      '3:23 unknownBaseKind',
      '6:18 unknownSectionSuggest',
      '8:9 newSectionNeedsTitle',
      '9:55 unknownSection',
      '12:51 noSegments',
      '13:23 extendsAndSchema',
    ]);
    assert.match(
      loaded.diagnostics[0]!.message,
      /extends "segmentaton", which is not a built-in kind; expected one of "persona", "segmentation"/,
    );
    assert.match(loaded.diagnostics[1]!.message, /did you mean "checklist"/);
    const at = (i: number): string => text.slice(loaded.diagnostics[i]!.span.start, loaded.diagnostics[i]!.span.end);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map(at), ['"segmentaton"', '"chekclist"', '"fresh"', '"nowhere"', at(4), '"gtm"']);
    assert.ok(at(4).startsWith('{ "x"'));
    assert.ok(
      loaded.config.kinds?.some((k) => k.kind === 'b'),
      'what is right in an entry still applies',
    );
  });

  test('bounds: a huge enum, a long pattern and a pattern that needs backtracking are refused at their place, fast', () => {
    const started = performance.now();
    const loaded = loadEntry('bounds', {
      detect: { headings: ['^(a|a)*$', '(?=x)x', 'a'.repeat(600)] },
      segmentFields: { size: { addEnum: Array.from({ length: 300 }, (_, i) => `v${i}`) } },
    });
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(
      loaded.diagnostics.map((d) => d.messageId),
      ['patternUnsupported', 'tooLong', 'tooMany'],
    );
    assert.equal(team(loaded).headingPatterns.length, 1, 'the patterns that can run are kept');
  });

  test('Workspace Trust: in an untrusted folder the extended kind is not loaded, with the one warning', () => {
    const loaded = loadEntry('untrusted', { files: ['x/*.md'], sections: { 'review-cadence': REVIEW } }, { trusted: false });
    assert.equal(loaded.config.kinds, undefined);
    assert.equal(loaded.config.globs?.['team-segmentation'], undefined);
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.messageId, d.severity]),
      [['untrusted', 'warning']],
    );
  });
});

describe('the published config schema', () => {
  test('accepts an extended kind and completes its section ids once "extends" names the base', () => {
    const validate = new Ajv({ strict: false }).compile(configJsonSchema('en'));
    const ok = { kinds: { team: { extends: 'segmentation', sections: { 'review-cadence': REVIEW }, remove: ['checklist'] } } };
    assert.equal(validate(ok), true, JSON.stringify(validate.errors));
    assert.equal(validate({ kinds: { team: { extends: 'segmentation', remove: ['nope'] } } }), false);
    assert.equal(validate({ kinds: { team: { sections: {} } } }), false, 'neither "extends" nor "schema"');
    type Branch = {
      if: { properties: { extends: { const: string } } };
      then: { properties: { sections: { properties: object } } };
    };
    const custom = (configJsonSchema('en').definitions as Record<string, { then: { allOf: Branch[] } }>)['customKind']!;
    const segmentation = custom.then.allOf.find((b) => b.if.properties.extends.const === 'segmentation')!;
    assert.deepEqual(
      Object.keys(segmentation.then.properties.sections.properties),
      base.sections.map((s) => s.id),
    );
  });
});
