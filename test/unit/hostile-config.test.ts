/**
 * A hostile or careless workspace (issue 10, "Why" points 1 and 5): configs and kind schemas
 * that used to hang, flood or crash segdoc give a `config` finding, and the built-in kinds
 * keep checking documents. Each case asserts a result; none may take more than a moment (a
 * hang would time the test out).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearConfigCache, lintOptionsFor, loadConfigFile, type LoadedConfig } from '../../server/src/services/config';
import { lint } from '../../server/src/services/engine';
import { LinearRegExp, unsupportedPattern } from '../../server/src/schemas/linear-regexp';
import { globProblem } from '../../server/src/schemas/glob-limits';
import { builtinKinds } from '../../server/src/schemas/builtin';
import { compileKind } from '../../server/src/schemas/validate';
import { loadFixture } from '../fixtures/wrap';
import { where, writeUnder } from '../fixtures/config-files';

const repoRoot = path.resolve(__dirname, '..', '..');
const posix = process.platform !== 'win32';
let dir: string;

const write = (rel: string, text: string): string => writeUnder(dir, rel, text);

const personaText = loadFixture(path.join(repoRoot, 'test/fixtures/rules/required-section/accept-complete.persona.md')).text;
/** The persona's findings with the defaults: what it must still get under a broken config. */
let personaBaseline: string[];
const findingsOf = (text: string, options: Parameters<typeof lint>[1]): string[] =>
  lint(text, options).findings.map((f) => `${f.rule}@${f.span.start}`);

/** Under this config, a persona is still detected and checked exactly as without it. */
function personaStillChecked(loaded: LoadedConfig, configDir: string): void {
  const file = path.join(configDir, 'dana.persona.md');
  const result = lint(personaText, { path: file, ...lintOptionsFor(loaded, file) });
  assert.equal(result.detection?.kind.kind, 'persona');
  assert.deepEqual(findingsOf(personaText, { path: file, ...lintOptionsFor(loaded, file) }), personaBaseline);
}

/** A custom kind schema with `x-segdoc` merged in and optional section fields. */
function customSchema(x: Record<string, unknown>, fields: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      'x-segdoc': { kind: 'team', ...x },
      type: 'object',
      properties: {
        sections: {
          type: 'object',
          properties: {
            overview: {
              title: 'Overview',
              type: 'object',
              properties: { fields: { type: 'object', properties: fields } },
            },
          },
        },
      },
    },
    null,
    2,
  );
}

/** Loads `<name>/.segdoc.json` naming `schemaRef` as the "team" kind's schema. */
function withSchema(name: string, schemaRef: string, extra = ''): { loaded: LoadedConfig; configDir: string; text: string } {
  const text = `{\n  "kinds": {\n    "team": { "schema": ${JSON.stringify(schemaRef)}${extra} }\n  }\n}\n`;
  const file = write(`${name}/.segdoc.json`, text);
  return { loaded: loadConfigFile(file), configDir: path.dirname(file), text };
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-hostile-'));
  personaBaseline = findingsOf(personaText, { path: path.join(dir, 'dana.persona.md') });
  assert.ok(personaBaseline.length < 50);
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  clearConfigCache();
});

describe('regular expressions of workspace schemas run on RE2', () => {
  const evil = `${'a'.repeat(35)}!`;

  test('LinearRegExp: a RegExp whose exec runs in linear time', () => {
    const re = new LinearRegExp('^(a|a)*$', 'iu');
    assert.ok(re instanceof RegExp);
    assert.equal(re.test(evil), false);
    assert.equal(re.test('AAA'), true);
    const m = new LinearRegExp('^persona\\s*[:—-]\\s*', 'iu').exec('😀 x');
    assert.equal(m, null);
    const n = new LinearRegExp('персона:\\s*', 'iu').exec('😀 Персона: Дана');
    assert.equal(n?.index, 3);
    assert.equal(n?.[0], 'Персона: ');
    assert.match(unsupportedPattern('(?=a)b') ?? '', /\(\?=/);
    assert.ok(unsupportedPattern('(a)\\1'));
    assert.equal(unsupportedPattern('^\\p{L}+\\s\\d{2,}$'), undefined);
  });

  test('a trailing lookahead runs on RE2 with the native result: the built-in heading patterns, random titles', () => {
    const patterns = builtinKinds().flatMap((k) => k.headingPatterns.map((re) => re.source));
    patterns.push('^(a|ab)(?=b)', '^(x+)(y?)(?=(z))', 'foo(?!\\d)', 'foo(?![^a-c])', '^(?:a|b)+(?=c)');
    assert.ok(patterns.some((p) => p.endsWith(')') && /\(\?[=!]/.test(p)));
    const titles = fc.oneof(
      fc.constantFrom(
        'Customer Segmentation',
        'Customer Segmentation Analysis: Q3',
        'Customer segmentationX',
        'Segmentation — 2025',
        'Сегментация клиентов',
        'Сегментация',
        'Сегментацияx',
        'GTM strategy',
        'GTM strategyX',
        'Go-to-market план',
        'Segment prioritization matrix',
        'Prioritization matrix 2',
        'Prioritization matrixes',
        'abb',
        'ab',
        'xxyz',
        'xxz',
        'foo1',
        'food',
        'foob',
        'abac',
      ),
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'y', 'z', 'f', 'o', '1', ' ', ':', '—', 'я', 'G', 'T', 'M') }),
    );
    for (const p of patterns) {
      const native = new RegExp(p, 'iu');
      const linear = new LinearRegExp(p, 'iu');
      fc.assert(
        fc.property(titles, (t) => {
          const a = native.exec(t);
          const b = linear.exec(t);
          assert.deepEqual(
            b && { index: b.index, groups: [...b] },
            a && { index: a.index, groups: [...a] },
            `${p} on ${JSON.stringify(t)}`,
          );
        }),
        { numRuns: 200, seed: 3 },
      );
    }
    assert.ok(unsupportedPattern('a(?=b)|c'));
    assert.ok(unsupportedPattern('foo(?!bar)'));
  });

  test('a heading pattern ^(a|a)*$ against "# aaaa…a!" returns; the custom kind and the built-in ones work', () => {
    write('heading/team.schema.json', customSchema({ detect: { headings: ['^(a|a)*$', '^team\\s+standard'] } }));
    const { loaded, configDir } = withSchema('heading', './team.schema.json');
    assert.deepEqual(loaded.diagnostics, []);
    const team = loaded.config.kinds?.find((k) => k.kind === 'team');
    assert.ok(team);
    assert.ok(team.headingPatterns.every((re) => re instanceof LinearRegExp));
    const file = path.join(configDir, 'notes.md');
    assert.equal(lint(`# ${evil}\n\nText.\n`, { path: file, ...lintOptionsFor(loaded, file) }).detection, undefined);
    assert.equal(
      lint('# Team Standard\n\n## Overview\n\nText.\n', { path: file, ...lintOptionsFor(loaded, file) }).detection?.kind.kind,
      'team',
    );
    personaStillChecked(loaded, configDir);
  });

  test('a heading pattern that needs backtracking is a config finding at its line', () => {
    write('lookahead/team.schema.json', customSchema({ detect: { headings: ['^(?=team)team', '(a)\\1'] } }));
    const { loaded, configDir, text } = withSchema('lookahead', './team.schema.json');
    assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaAt', '3:25 schemaAt']);
    assert.equal(text.slice(loaded.diagnostics[0]!.span.start, loaded.diagnostics[0]!.span.end), '"./team.schema.json"');
    assert.match(
      loaded.diagnostics[0]!.message,
      /^Invalid kind schema "\.\/team\.schema\.json" at 7:9: the regular expression "\^\(\?=team\)team" cannot run in linear time/,
    );
    assert.match(loaded.diagnostics[1]!.message, /at 8:9: .*\(a\)\\1/);
    assert.ok(!loaded.config.kinds?.some((k) => k.kind === 'team'));
    personaStillChecked(loaded, configDir);
  });

  test('a field pattern ^(a|a)*$ (ajv) against a long value returns a finding', () => {
    write(
      'field/team.schema.json',
      customSchema({ detect: { headings: ['^team'] } }, { code: { type: 'string', pattern: '^(a|a)*$' } }),
    );
    const { loaded, configDir } = withSchema('field', './team.schema.json');
    assert.deepEqual(loaded.diagnostics, []);
    const file = path.join(configDir, 'notes.md');
    const result = lint(`# Team\n\n## Overview\n\n**Code**: ${evil}\n`, { path: file, ...lintOptionsFor(loaded, file) });
    assert.equal(result.detection?.kind.kind, 'team');
    const invalid = (r: ReturnType<typeof lint>): unknown[] =>
      r.findings.filter((f) => f.args['keyword'] === 'pattern').map((f) => [f.rule, f.args['field'], f.args['value']]);
    assert.deepEqual(invalid(result), [['metadata', 'code', evil]]);
    assert.deepEqual(
      invalid(lint('# Team\n\n## Overview\n\n**Code**: aaaa\n', { path: file, ...lintOptionsFor(loaded, file) })),
      [],
    );
    personaStillChecked(loaded, configDir);
  });

  test('a field pattern or patternProperties key that needs backtracking is a config finding at its line', () => {
    write('fieldlook/team.schema.json', customSchema({}, { code: { type: 'string', pattern: '^(?!x)' } }));
    const a = withSchema('fieldlook', './team.schema.json');
    assert.deepEqual(where(a.loaded.diagnostics), ['3:25 schemaAt']);
    assert.match(a.loaded.diagnostics[0]!.message, /at 20:30: the regular expression "\^\(\?!x\)"/);
    personaStillChecked(a.loaded, a.configDir);
    write('props/team.schema.json', customSchema({}, { code: { type: 'object', patternProperties: { '(?<=a)b': {} } } }));
    const b = withSchema('props', './team.schema.json');
    assert.deepEqual(where(b.loaded.diagnostics), ['3:25 schemaAt']);
    assert.match(b.loaded.diagnostics[0]!.message, /at 21:21: the regular expression "\(\?<=a\)b"/);
  });

  test('each built-in schema, copied into the workspace, loads clean and checks its fixtures the same way on RE2', () => {
    for (const kind of builtinKinds()) {
      const name = kind.source.slice('builtin:'.length);
      const text = readFileSync(path.join(repoRoot, `schemas/${name}.schema.json`), 'utf8');
      write(`copy-${name}/${name}.schema.json`, text);
      const file = write(`copy-${name}/.segdoc.json`, `{ "kinds": { "${name}": { "schema": "./${name}.schema.json" } } }`);
      const loaded = loadConfigFile(file);
      assert.deepEqual(loaded.diagnostics, [], name);
      const copy = loaded.config.kinds?.find((k) => k.kind === name);
      assert.ok(copy && copy.headingPatterns.every((re) => re instanceof LinearRegExp));
      for (const fixture of ['required-section', 'misspelled-section', 'placeholder']) {
        const folder = path.join(repoRoot, 'test/fixtures/rules', fixture);
        for (const f of readdirSync(folder).filter((x: string) => x.endsWith('.md'))) {
          const doc = loadFixture(path.join(folder, f)).text;
          const at = path.join(dir, `copy-${name}`, f);
          const builtin = lint(doc, { path: at });
          if (builtin.detection?.kind.kind !== name) continue;
          const custom = lint(doc, { path: at, ...lintOptionsFor(loaded, at) });
          assert.deepEqual(
            custom.findings.map((x) => [x.rule, x.messageId, x.span.start]),
            builtin.findings.map((x) => [x.rule, x.messageId, x.span.start]),
            `${name} ${fixture}/${f}`,
          );
        }
      }
    }
  });

  test('built-in schemas keep native RegExp and compile as before', () => {
    for (const kind of builtinKinds()) {
      assert.ok(
        kind.headingPatterns.every((re) => !(re instanceof LinearRegExp)),
        kind.kind,
      );
      assert.equal(typeof compileKind(kind), 'function');
    }
  });
});

describe('file globs are bounded', () => {
  const stars = Array.from({ length: 22 }, () => '*').join('a');

  test('globProblem: what people write passes, a glob that can hang does not', () => {
    for (const ok of [
      'personas/**/*.md',
      '{personas,people}/**/*.{md,markdown}',
      '**/*-persona-*.md',
      '*.{md,markdown}',
      '**/personas/**/*.md',
      'docs/[a-z]*.md',
      'a\\*b\\*c\\*d\\*e.md',
    ]) {
      assert.equal(globProblem(ok), undefined, ok);
    }
    assert.equal(globProblem(stars)?.id, 'globTooManyWildcards');
    assert.equal(globProblem(`${'x'.repeat(300)}.md`)?.id, 'globTooLong');
    assert.equal(globProblem('+(a|a)*.md')?.id, 'globExtglob');
    assert.equal(globProblem('')?.id, 'globEmpty');
    assert.equal(globProblem('{a,a}'.repeat(20))?.id, 'globTooManyAlternatives');
    assert.equal(globProblem('**/a/**/a/**/b')?.id, 'globTooManyGlobstars');
    assert.deepEqual(globProblem('**/{a,a,a,a,a}/**/b'), { id: 'globTooManyAlternatives', limit: 4 });
    assert.equal(globProblem('**/{personas,people}/**/*.md'), undefined);
    assert.equal(globProblem('{a,b,c,d}/{x,y,z,w}/*.md'), undefined);
  });

  test('a config glob with 22 stars is dropped with a finding; the other globs and the built-in kinds work', () => {
    const text = `{\n  "kinds": {\n    "persona": { "files": ["${stars}", "people/*.md"] }\n  }\n}\n`;
    const file = write('glob/.segdoc.json', text);
    const loaded = loadConfigFile(file);
    assert.deepEqual(where(loaded.diagnostics), ['3:28 globTooManyWildcards']);
    assert.equal(loaded.diagnostics[0]!.message, `Glob "${stars}" has more than 3 wildcards (* or **)`);
    assert.deepEqual(loaded.config.globs, { persona: ['people/*.md'] });
    const long = path.join(dir, 'glob', `${'a'.repeat(200)}.md`);
    assert.equal(lint('# Notes\n', { path: long, ...lintOptionsFor(loaded, long) }).detection, undefined);
    const person = path.join(dir, 'glob', 'people', 'dana.md');
    assert.equal(lint(personaText, { path: person, ...lintOptionsFor(loaded, person) }).detection?.kind.kind, 'persona');
    personaStillChecked(loaded, path.dirname(file));
  });

  test('a schema glob with 22 stars refuses the schema with a finding at its line', () => {
    write('schemaglob/team.schema.json', customSchema({ detect: { files: [stars] } }));
    const { loaded, configDir } = withSchema('schemaglob', './team.schema.json');
    assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaAt']);
    assert.match(loaded.diagnostics[0]!.message, /at 7:9: Glob ".*" has more than 3 wildcards/);
    assert.ok(!loaded.config.kinds?.some((k) => k.kind === 'team'));
    personaStillChecked(loaded, configDir);
  });
});

describe('only regular files of a sane size are read', { skip: !posix }, () => {
  for (const device of ['/dev/stdin', '/dev/zero']) {
    test(`"schema": "${device}" is refused without reading it`, () => {
      const { loaded, configDir } = withSchema(`dev${device.replace(/\//g, '-')}`, device);
      assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaNotRegularFile']);
      assert.equal(loaded.diagnostics[0]!.message, `Schema "${device}" is not a regular file`);
      personaStillChecked(loaded, configDir);
    });
  }

  test('a FIFO, a folder and a symlink to /dev/zero are refused; a symlink to a schema is read', () => {
    mkdirSync(path.join(dir, 'special'), { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'special/fifo.json')]);
    symlinkSync('/dev/zero', path.join(dir, 'special/zero.json'));
    mkdirSync(path.join(dir, 'special/folder.json'));
    write('special/real/team.schema.json', customSchema({}));
    symlinkSync(path.join(dir, 'special/real/team.schema.json'), path.join(dir, 'special/link.json'));
    for (const name of ['fifo', 'zero', 'folder']) {
      const { loaded, configDir } = withSchema(`special/${name}`, `../${name}.json`);
      assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaNotRegularFile'], name);
      personaStillChecked(loaded, configDir);
    }
    const { loaded } = withSchema('special/link', '../link.json');
    assert.deepEqual(loaded.diagnostics, []);
    assert.ok(loaded.config.kinds?.some((k) => k.kind === 'team'));
  });

  test('a schema over 1 MB is refused before it is read', () => {
    write('big/team.schema.json', `${customSchema({})}${' '.repeat(1024 * 1024)}`);
    const { loaded, configDir } = withSchema('big', './team.schema.json');
    assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaTooLarge']);
    assert.equal(loaded.diagnostics[0]!.message, 'Schema file "./team.schema.json" is larger than 1 MB; it is not read');
    personaStillChecked(loaded, configDir);
  });

  test('a config file that is a device, a FIFO or over 256 KB is a finding, not a read', () => {
    execFileSync('mkfifo', [path.join(dir, 'special/config-fifo')]);
    for (const p of ['/dev/zero', path.join(dir, 'special/config-fifo')]) {
      const loaded = loadConfigFile(p);
      assert.deepEqual(where(loaded.diagnostics), ['1:1 notRegularFile'], p);
      assert.deepEqual(loaded.config, {});
    }
    const big = write('bigconfig/.segdoc.json', `{}${' '.repeat(256 * 1024)}`);
    assert.deepEqual(where(loadConfigFile(big).diagnostics), ['1:1 tooLarge']);
    assert.equal(loadConfigFile(big).diagnostics[0]!.message, 'The configuration file is larger than 256 KB; it is not read');
    assert.deepEqual(where(loadConfigFile(big, { text: `{}${' '.repeat(256 * 1024)}` }).diagnostics), ['1:1 tooLarge']);
  });
});

describe('depth is bounded and every x-segdoc value is type-checked', () => {
  test('a 100,000-deep .segdoc.json is a finding, not a stack overflow', () => {
    const text = `{ "rules": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`;
    const file = write('deep/.segdoc.json', text);
    const loaded = loadConfigFile(file);
    assert.deepEqual(where(loaded.diagnostics), ['1:43 tooDeep']);
    assert.equal(loaded.diagnostics[0]!.message, 'Objects and arrays are nested deeper than 32 levels');
    personaStillChecked(loaded, path.dirname(file));
  });

  test('a 10,000-deep schema is a finding, not a stack overflow', () => {
    write(
      'deepschema/team.schema.json',
      `{ "x-segdoc": { "kind": "team" }, "allOf": ${'[{ "allOf": '.repeat(10_000)}[]${' }]'.repeat(10_000)} }`,
    );
    const { loaded, configDir } = withSchema('deepschema', './team.schema.json');
    assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaAt']);
    assert.match(loaded.diagnostics[0]!.message, /at 1:\d+: Objects and arrays are nested deeper than 64 levels$/);
    personaStillChecked(loaded, configDir);
  });

  test('detect.files: [5], an object as template.en, headings that are not a list: findings at their lines', () => {
    const schema = JSON.parse(customSchema({ detect: { files: [5], headings: '^team' } }));
    schema.properties.sections.properties.overview['x-segdoc'] = {
      template: { en: { text: 'x' } },
      order: 'first',
      aliases: ['ok', 7],
      content: 5,
    };
    schema.properties.sections.properties.overview.properties.fields.properties.code = {
      type: 'string',
      'x-segdoc': { enumAliases: { a: 'b' }, title: 'Code' },
    };
    write('types/team.schema.json', JSON.stringify(schema, null, 2));
    const { loaded, configDir } = withSchema('types', './team.schema.json');
    assert.deepEqual(
      loaded.diagnostics.map((d) => d.message.replace(/^Invalid kind schema "\.\/team\.schema\.json" /, '')),
      [
        'at 7:9: "x-segdoc.detect.files[0]" must be a string',
        'at 9:19: "x-segdoc.detect.headings" must be an array of strings',
        'at 28:28: "x-segdoc.enumAliases.a" must be an array of strings',
        'at 30:30: "x-segdoc.title" must be an object of "en" and "ru" texts (strings or arrays of lines)',
        'at 38:21: "x-segdoc.template.en" must be a string or an array of lines',
        'at 42:22: "x-segdoc.order" must be a number',
        'at 45:15: "x-segdoc.aliases[1]" must be a string',
        'at 47:24: "x-segdoc.content" must be a string',
      ],
    );
    assert.ok(
      loaded.diagnostics.every(
        (d) => d.messageId === 'schemaAt' && !/is not a function|intermediate value|undefined/.test(d.message),
      ),
    );
    assert.ok(!loaded.config.kinds?.some((k) => k.kind === 'team'));
    personaStillChecked(loaded, configDir);
  });

  test('templates and statements of a custom schema are type-checked too', () => {
    write(
      'templates/team.schema.json',
      customSchema({ templates: [{ id: 'x', prefix: 3, title: { en: 'T' }, description: { en: 'D' }, sections: 'overview' }] }),
    );
    const { loaded } = withSchema('templates', './team.schema.json');
    assert.deepEqual(
      loaded.diagnostics.map((d) => d.message.replace(/^.* at \d+:\d+: /, '')),
      ['"x-segdoc.templates[0].prefix" must be a string', '"x-segdoc.templates[0].sections" must be an array of strings'],
    );
  });

  test("a standard keyword of the wrong type is ajv's finding, not a JavaScript error", () => {
    const schema = JSON.parse(customSchema({}));
    schema.title = 5;
    schema.properties.sections.required = 'overview';
    write('keywords/team.schema.json', JSON.stringify(schema));
    const { loaded, configDir } = withSchema('keywords', './team.schema.json');
    assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaInvalid']);
    assert.match(loaded.diagnostics[0]!.message, /schema is invalid/);
    personaStillChecked(loaded, configDir);
  });
});

describe('semantic schema mistakes are findings too', () => {
  test('a template naming a section the kind does not have', () => {
    write(
      'tplsection/team.schema.json',
      customSchema({
        templates: [{ id: 'x', prefix: 'team-x', title: { en: 'T' }, description: { en: 'D' }, sections: ['nowhere'] }],
      }),
    );
    const { loaded, configDir } = withSchema('tplsection', './team.schema.json');
    assert.deepEqual(where(loaded.diagnostics), ['3:25 schemaInvalid']);
    assert.match(loaded.diagnostics[0]!.message, /names a section the kind does not have: "nowhere"/);
    personaStillChecked(loaded, configDir);
  });

  test('aliases for a schema whose sections are not an object', () => {
    write(
      'nosections/team.schema.json',
      JSON.stringify({ 'x-segdoc': { kind: 'team' }, properties: { sections: { properties: 'overview' } } }),
    );
    const { loaded, configDir } = withSchema('nosections', './team.schema.json', ', "aliases": { "0": ["Intro"] }');
    assert.ok(loaded.diagnostics.length >= 1);
    assert.ok(
      loaded.diagnostics.every((d) => !/is not a function|Cannot create property|intermediate value/.test(d.message)),
      JSON.stringify(loaded.diagnostics),
    );
    personaStillChecked(loaded, configDir);
  });
});

describe('random configs and schemas never crash the loader', () => {
  const RUNS = Number(process.env['FC_RUNS'] ?? 60);
  const SEED = Number(process.env['FC_SEED'] ?? 10);
  const keys = [
    'kind',
    'title',
    'description',
    'titleTemplate',
    'template',
    'aliases',
    'order',
    'recommended',
    'metadata',
    'ordered',
    'sectionDepth',
    'enumAliases',
    'rule',
    'section',
    'category',
    'segments',
    'content',
    'detect',
    'templates',
    'statement',
  ];
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({ headings: fc.jsonValue({ maxDepth: 2 }), files: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ en: fc.jsonValue({ maxDepth: 2 }), ru: fc.jsonValue({ maxDepth: 2 }) }),
  );
  const xSegdoc = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 });

  test('x-segdoc values of any type at the root, a section and a field', () => {
    let n = 0;
    fc.assert(
      fc.property(xSegdoc, xSegdoc, xSegdoc, (root, section, field) => {
        const schema = JSON.parse(
          customSchema(
            { ...root, kind: typeof root['kind'] === 'string' ? root['kind'] : 'team' },
            { code: { type: 'string', 'x-segdoc': field } },
          ),
        );
        schema.properties.sections.properties.overview['x-segdoc'] = section;
        const name = `fuzz/${n++}`;
        write(`${name}/team.schema.json`, JSON.stringify(schema, null, 2));
        const { loaded, configDir } = withSchema(
          name,
          './team.schema.json',
          ', "aliases": { "overview": ["Intro"] }, "files": ["team/*.md"]',
        );
        for (const d of loaded.diagnostics)
          assert.doesNotMatch(
            d.message,
            /is not a function|intermediate value|Cannot read prop|Cannot create prop|undefined/,
            d.message,
          );
        personaStillChecked(loaded, configDir);
        // When the custom kind loaded, it checks a document of its own without throwing.
        const file = path.join(configDir, 'team', 'notes.md');
        lint('# Team\n\n## Overview\n\n**Code**: x\n\n## Intro\n\nText.\n', { path: file, ...lintOptionsFor(loaded, file) });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('config values of any type', () => {
    let n = 0;
    const config = fc.record(
      {
        language: fc.jsonValue({ maxDepth: 1 }),
        rules: fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.dictionary(fc.constantFrom('placeholder', 'list-length', 'required-section', 'x'), fc.jsonValue({ maxDepth: 3 })),
        ),
        kinds: fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.dictionary(
            fc.constantFrom('persona', 'gtm', 'team'),
            fc.record(
              {
                files: fc.jsonValue({ maxDepth: 2 }),
                aliases: fc.jsonValue({ maxDepth: 3 }),
                schema: fc.jsonValue({ maxDepth: 1 }),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (c) => {
        const file = write(`fuzzconfig/${n++}/.segdoc.json`, JSON.stringify(c));
        const loaded = loadConfigFile(file);
        for (const d of loaded.diagnostics)
          assert.doesNotMatch(d.message, /is not a function|intermediate value|Cannot read prop|Cannot create prop/, d.message);
        const doc = path.join(path.dirname(file), 'dana.persona.md');
        assert.equal(lint(personaText, { path: doc, ...lintOptionsFor(loaded, doc) }).detection?.kind.kind, 'persona');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
