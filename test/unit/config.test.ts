/**
 * The `.segdoc.json` loader: finding the nearest file, turning it into the engine's config,
 * and reporting every problem as a `config` diagnostic at its place in the file.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import {
  clearConfigCache,
  configJsonSchema,
  configJsonSchemaPath,
  configJsonSchemaText,
  findConfigFile,
  lintOptionsFor,
  loadConfigFile,
  loadConfigForFile,
  type ConfigDiagnostic,
} from '../../server/src/services/config';
import { lint } from '../../server/src/services/engine';
import { localize, LOCALES } from '../../server/src/l10n';
import { ruleById } from '../../server/src/rules/registry';
import { builtinKinds } from '../../server/src/schemas/builtin';
import { englishWords } from '../fixtures/l10n';
import { defineRule } from '../../server/src/rules/types';
import { customKindSchema, where, writeUnder } from '../fixtures/config-files';

const repoRoot = path.resolve(__dirname, '..', '..');
let dir: string;

const write = (rel: string, text: string): string => writeUnder(dir, rel, text);

/** The text a diagnostic points at. */
function at(text: string, d: ConfigDiagnostic): string {
  return text.slice(d.span.start, d.span.end);
}

// A rule with options, so these tests do not depend on the options of the real rules.
const sample = defineRule({
  id: 'segment-substantial',
  severity: 'warning',
  description: 'Sample',
  messages: {},
  defaults: { minimum: 1_000_000 },
  optionsSchema: { type: 'object', properties: { minimum: { type: 'number', minimum: 0 } }, additionalProperties: false },
  check() {},
});
const other = defineRule({ id: 'placeholder', severity: 'warning', description: 'x', messages: {}, check() {} });
const testRules = [sample, other];

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-config-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  clearConfigCache();
});

describe('finding the config', () => {
  test('the nearest .segdoc.json wins, from the document folder up', () => {
    const outer = write('find/.segdoc.json', '{}');
    const inner = write('find/a/b/.segdoc.json', '{}');
    write('find/a/b/c/doc.md', '# x');
    assert.equal(findConfigFile(path.join(dir, 'find/a/b/c/doc.md')), inner);
    assert.equal(findConfigFile(path.join(dir, 'find/a/doc.md')), outer);
    assert.equal(findConfigFile(path.join(dir, 'find/a/b/doc.md')), inner);
  });

  test('no config file: the defaults and no diagnostics', () => {
    // The temp folder's parents hold no .segdoc.json on a normal machine; guard the assumption.
    const lone = path.join(dir, 'lone', 'doc.md');
    write('lone/doc.md', '# x');
    if (findConfigFile(lone)) return;
    const loaded = loadConfigForFile(lone);
    assert.deepEqual(loaded, { config: {}, diagnostics: [], dependencies: [] });
    assert.deepEqual(lintOptionsFor(loaded, lone), { config: {} });
  });
});

describe('a valid config', () => {
  test('rules, globs and language reach the engine config; relativePath is relative to the config folder', () => {
    const file = write(
      'valid/.segdoc.json',
      `// Team settings (comments and trailing commas are allowed)
{
  "$schema": "./node_modules/segdoc/schemas/config.schema.json",
  "language": "ru",
  "rules": {
    "placeholder": "off",
    "segment-substantial": ["warning", { "minimum": 5000000 }],
  },
  "kinds": { "persona": { "files": ["people/**/*.md"] } },
}`,
    );
    const loaded = loadConfigFile(file, { rules: testRules });
    assert.deepEqual(loaded.diagnostics, []);
    assert.equal(loaded.language, 'ru');
    assert.deepEqual(loaded.config.rules, { placeholder: 'off', 'segment-substantial': ['warning', { minimum: 5000000 }] });
    assert.deepEqual(loaded.config.globs, { persona: ['people/**/*.md'] });
    assert.equal(loaded.config.kinds, undefined);
    const opts = lintOptionsFor(loaded, path.join(dir, 'valid/people/team/dana.md'));
    assert.equal(opts.relativePath, 'people/team/dana.md');
  });

  test('config globs make a plain .md file a document of that kind', () => {
    const file = write('globs/.segdoc.json', '{ "kinds": { "persona": { "files": ["people/*.md"] } } }');
    const doc = write('globs/people/dana.md', '# Dana\n\n## Demographics\n\n- **Job Title**: SRE\n');
    const loaded = loadConfigFile(file);
    assert.deepEqual(loaded.diagnostics, []);
    const result = lint(readFileSync(doc, 'utf8'), { path: doc, ...lintOptionsFor(loaded, doc) });
    assert.equal(result.detection?.kind.kind, 'persona');
    assert.equal(result.detection?.source, 'config');
    assert.ok(result.findings.some((f) => f.rule === 'required-section'));
    // Without the config the same file is not a segdoc document.
    assert.equal(lint(readFileSync(doc, 'utf8'), { path: doc }).detection, undefined);
  });

  test('extra heading aliases name a section', () => {
    const file = write('aliases/.segdoc.json', '{ "kinds": { "persona": { "aliases": { "pain-points": ["Headaches"] } } } }');
    const loaded = loadConfigFile(file);
    assert.deepEqual(loaded.diagnostics, []);
    const text = '# Persona: Dana\n\n## Headaches\n\n1. Upgrades\n';
    const missing = (config: object) =>
      lint(text, { path: 'dana.persona.md', config })
        .findings.filter((f) => f.rule === 'required-section')
        .map((f) => f.args['section']);
    assert.ok(missing({}).includes('Pain Points'));
    assert.ok(!missing(loaded.config).includes('Pain Points'));
  });

  test('a custom kind from a workspace schema is detected and validated; custom kinds come before built-in ones', () => {
    const schema = customKindSchema('mysaas:standard', 'mysaas-standard', '^customer\\s+segmentation:\\s+mysaas');
    write('custom/standards/mysaas.schema.json', JSON.stringify(schema, null, 2));
    const file = write('custom/.segdoc.json', '{ "kinds": { "mysaas": { "schema": "./standards/mysaas.schema.json" } } }');
    const loaded = loadConfigFile(file);
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(
      loaded.config.kinds?.map((k) => k.kind),
      ['mysaas', 'persona', 'segmentation', 'gtm', 'prioritization'],
    );
    assert.ok(loaded.dependencies.includes(path.join(dir, 'custom/standards/mysaas.schema.json')));
    const result = lint('# Customer Segmentation: MySaaS Standards\n\n## Overview\n\nText.\n', {
      path: 'std.md',
      ...lintOptionsFor(loaded, path.join(dir, 'custom/std.md')),
    });
    assert.equal(result.detection?.kind.kind, 'mysaas');
    assert.deepEqual(
      result.findings.filter((f) => f.rule === 'required-section').map((f) => f.args['section']),
      ['Segment Profiles'],
    );
    // Front matter can name the custom kind too.
    const declared = lint('---\nsegdoc: mysaas\n---\n# Anything\n', { path: 'x.md', config: loaded.config });
    assert.equal(declared.detection?.kind.kind, 'mysaas');
  });
});

describe('config diagnostics are located in the config file', () => {
  test('invalid JSON', () => {
    const text = '{\n  "rules": {\n    "placeholder": "off"\n    "metadata": "error"\n  }\n}\n';
    const loaded = loadConfigFile(write('json/.segdoc.json', text));
    assert.deepEqual(where(loaded.diagnostics), ['4:5 invalidJson']);
    assert.equal(loaded.diagnostics[0]!.message, 'Invalid JSON: comma expected');
    assert.equal(loaded.diagnostics[0]!.rule, 'config');
    assert.equal(loaded.diagnostics[0]!.severity, 'error');
    assert.equal(loaded.diagnostics[0]!.path, path.join(dir, 'json/.segdoc.json'));
  });

  test('a byte order mark does not shift positions', () => {
    const text = '\uFEFF{\n  "rulez": {}\n}\n';
    const loaded = loadConfigFile(write('bom/.segdoc.json', text));
    assert.deepEqual(where(loaded.diagnostics), ['2:3 unknownProperty']);
    assert.equal(at(text, loaded.diagnostics[0]!), '"rulez"');
  });

  test('unknown rules, bad severities, bad settings and bad options', () => {
    const text = `{
  "rules": {
    "placeholdr": "off",
    "no-such-rule-at-all": "warning",
    "placeholder": "warn",
    "segment-substantial": ["warning", { "minimum": -5, "maximum": 3 }],
    "segment-substantial": ["error", { "minimum": "big" }],
    "segment-substantial": [],
    "segment-substantial": ["warning", 7]
  },
  "language": "de"
}
`;
    const loaded = loadConfigFile(write('rules/.segdoc.json', text), { rules: testRules });
    assert.deepEqual(where(loaded.diagnostics), [
      '3:5 unknownRuleSuggest',
      '4:5 unknownRule',
      '5:20 badLevel',
      '6:53 badOption',
      '6:57 unknownOption',
      '7:51 badOption',
      '8:28 badRuleSetting',
      '9:40 badOptions',
      '11:15 badLanguage',
    ]);
    const [suggest, unknown, level, range, extra, type] = loaded.diagnostics;
    assert.equal(suggest!.message, 'Unknown rule "placeholdr"; did you mean "placeholder"?');
    assert.equal(unknown!.message, 'Unknown rule "no-such-rule-at-all"');
    assert.equal(
      level!.message,
      'Invalid severity "warn" for rule "placeholder"; expected one of "off", "error", "warning", "info", "hint"',
    );
    assert.equal(at(text, level!), '"warn"');
    assert.equal(range!.message, 'Invalid option "minimum" of rule "segment-substantial": must be >= 0');
    assert.equal(at(text, range!), '-5');
    assert.equal(extra!.message, 'Rule "segment-substantial" has no option "maximum"');
    assert.equal(at(text, extra!), '"maximum"');
    assert.equal(at(text, type!), '"big"');
    // Invalid settings never reach the engine.
    assert.equal(loaded.config.rules?.['placeholder'], undefined);
    assert.equal(loaded.config.rules?.['segment-substantial'], undefined);
  });

  test('messages follow the requested language, else the config\'s own "language"', () => {
    const text = '{ "language": "ru", "rules": { "placeholder": "warn", "segment-substantial": ["info", { "minimum": -1 }] } }';
    const file = write('ru/.segdoc.json', text);
    const ru = loadConfigFile(file, { rules: testRules });
    assert.deepEqual(
      ru.diagnostics.map((d) => d.message),
      [
        'Недопустимый уровень «warn» для правила «placeholder»; ожидается одно из: "off", "error", "warning", "info", "hint"',
        'Недопустимое значение параметра «minimum» правила «segment-substantial»: должно быть >= 0',
      ],
    );
    const en = loadConfigFile(file, { rules: testRules, locale: 'en' });
    assert.match(en.diagnostics[0]!.message, /^Invalid severity "warn"/);
  });

  test('kinds: custom kind without a schema, unknown sections, unknown keys, remote and missing schemas', () => {
    const text = `{
  "kinds": {
    "mysaas": {},
    "persona": { "aliases": { "painpoints": ["Headaches"] }, "file": ["x"] },
    "gtm": { "schema": "https://example.com/gtm.schema.json" },
    "segmentation": { "schema": "./nowhere/segmentation.schema.json" },
    "prioritization": { "files": "*.md" }
  }
}
`;
    const loaded = loadConfigFile(write('kinds/.segdoc.json', text));
    assert.deepEqual(where(loaded.diagnostics), [
      '3:5 customKindNeedsSchema',
      '4:31 unknownSectionSuggest',
      '4:62 unknownProperty',
      '5:24 schemaRemote',
      '6:33 schemaNotFound',
      '7:34 mustBeStringArray',
    ]);
    assert.deepEqual(
      loaded.diagnostics.map((d) => at(text, d)),
      [
        '"mysaas"',
        '"painpoints"',
        '"file"',
        '"https://example.com/gtm.schema.json"',
        '"./nowhere/segmentation.schema.json"',
        '"*.md"',
      ],
    );
    assert.equal(loaded.diagnostics[1]!.message, 'Kind "persona" has no section "painpoints"; did you mean "pain-points"?');
    assert.equal(
      loaded.diagnostics[3]!.message,
      'Schema "https://example.com/gtm.schema.json" must be a local file path: remote schemas are never fetched',
    );
    assert.equal(loaded.diagnostics[4]!.message, 'Schema file "./nowhere/segmentation.schema.json" not found');
    // The broken replacements fall back to the built-in kinds.
    assert.deepEqual(
      loaded.config.kinds?.map((k) => k.source),
      ['builtin:persona', 'builtin:segmentation', 'builtin:gtm', 'builtin:prioritization'],
    );
  });

  test('invalid kind schemas: bad JSON (with its position), no x-segdoc, ajv compile errors, remote $ref', () => {
    write('schemas/s/badjson.json', '{\n  "x-segdoc": { "kind": "a" },\n  "type": "object",,\n}');
    write('schemas/s/nokind.json', '{ "type": "object", "properties": { "sections": { "properties": {} } } }');
    write(
      'schemas/s/badkeyword.json',
      JSON.stringify({ 'x-segdoc': { kind: 'c' }, type: 'object', properties: { sections: { type: 'objekt', properties: {} } } }),
    );
    write(
      'schemas/s/remote.json',
      JSON.stringify({
        'x-segdoc': { kind: 'd' },
        $ref: 'https://example.com/never-fetched.json',
        properties: { sections: { properties: {} } },
      }),
    );
    write(
      'schemas/s/badregex.json',
      JSON.stringify({
        'x-segdoc': { kind: 'e', detect: { headings: ['(unclosed'] } },
        properties: { sections: { properties: {} } },
      }),
    );
    const text = `{
  "kinds": {
    "a": { "schema": "s/badjson.json" },
    "b": { "schema": "s/nokind.json" },
    "c": { "schema": "s/badkeyword.json" },
    "d": { "schema": "s/remote.json" },
    "e": { "schema": "s/badregex.json" }
  }
}`;
    const loaded = loadConfigFile(write('schemas/.segdoc.json', text));
    assert.deepEqual(where(loaded.diagnostics), [
      '3:22 schemaInvalidJson',
      '4:22 schemaInvalid',
      '5:22 schemaInvalid',
      '6:22 schemaAt',
      '7:22 schemaInvalid',
    ]);
    assert.equal(at(text, loaded.diagnostics[0]!), '"s/badjson.json"');
    const [json, nokind, keyword, remote, regex] = loaded.diagnostics.map((d) => d.message);
    assert.equal(json, 'Schema file "s/badjson.json" is not valid JSON at 3:20: property name expected');
    assert.match(nokind!, /^Invalid kind schema "s\/nokind.json": .*x-segdoc/);
    assert.match(keyword!, /^Invalid kind schema "s\/badkeyword.json": schema is invalid: .*sections\/type/);
    // A remote $ref is refused where it is written (schemas/refs.ts), never fetched.
    assert.equal(
      remote,
      'Invalid kind schema "s/remote.json" at 1:33: "$ref" "https://example.com/never-fetched.json" must be "#/…" in the same file or a relative file path: remote references are never fetched',
    );
    assert.match(regex!, /^Invalid kind schema "s\/badregex.json": .*regular expression/);
    assert.equal(loaded.config.kinds, undefined);
  });

  test('a config that is not an object', () => {
    const loaded = loadConfigFile(write('array/.segdoc.json', '[1, 2]'));
    assert.deepEqual(where(loaded.diagnostics), ['1:1 notObject']);
    const empty = loadConfigFile(write('empty/.segdoc.json', ''));
    assert.deepEqual(where(empty.diagnostics), ['1:1 invalidJson']);
    assert.equal(empty.diagnostics[0]!.message, 'Invalid JSON: value expected');
  });

  test('the config schema decides: each occurrence of a key named twice, any URL scheme, aliases of a kind not loaded', () => {
    const text = `{
  "language": "en",
  "language": "de",
  "rules": { "segment-substantial": ["warning", { "minimum": -1, "minimum": 2 }] },
  "kinds": {
    "gtm": { "schema": "file:gtm.schema.json" },
    "persona": { "aliases": { "pain-points": "Headaches" }, "schema": "./none.json" }
  }
}
`;
    const loaded = loadConfigFile(write('decides/.segdoc.json', text), { rules: testRules });
    assert.deepEqual(where(loaded.diagnostics), [
      '3:15 badLanguage',
      '4:62 badOption',
      '6:24 schemaRemote',
      '7:46 mustBeStringArray',
      '7:71 schemaNotFound',
    ]);
    assert.deepEqual(
      loaded.diagnostics.map((d) => at(text, d)),
      ['"de"', '-1', '"file:gtm.schema.json"', '"Headaches"', '"./none.json"'],
    );
    assert.equal(loaded.diagnostics[3]!.message, '"kinds.persona.aliases.pain-points" must be an array of strings');
    // A setting with an invalid occurrence inside is left out, like any invalid setting.
    assert.equal(loaded.config.rules?.['segment-substantial'], undefined);
  });
});

describe('caching and unsaved text', () => {
  test('the result is cached until the config or a schema file changes', () => {
    const schemaPath = write(
      'cache/k.schema.json',
      JSON.stringify({ 'x-segdoc': { kind: 'k' }, properties: { sections: { properties: {} } } }),
    );
    const file = write('cache/.segdoc.json', '{ "kinds": { "k": { "schema": "./k.schema.json" } } }');
    const first = loadConfigFile(file);
    assert.deepEqual(first.diagnostics, []);
    assert.equal(loadConfigFile(file), first);
    assert.equal(loadConfigForFile(path.join(dir, 'cache/doc.md')), first);

    // A changed schema file invalidates the entry.
    writeFileSync(schemaPath, '{ not json');
    utimesSync(schemaPath, new Date(), new Date(Date.now() + 5000));
    const second = loadConfigFile(file);
    assert.notEqual(second, first);
    assert.deepEqual(where(second.diagnostics), ['1:31 schemaInvalidJson']);

    // So does a changed config file.
    writeFileSync(file, '{ "rules": { "placeholder": "off" } }');
    utimesSync(file, new Date(), new Date(Date.now() + 10000));
    const third = loadConfigFile(file);
    assert.deepEqual(third.diagnostics, []);
    assert.deepEqual(third.config.rules, { placeholder: 'off' });
  });

  test('text given by the caller (an unsaved buffer) is checked instead of the file', () => {
    const file = write('buffer/.segdoc.json', '{}');
    const loaded = loadConfigFile(file, { text: '{ "rules": 3 }' });
    assert.deepEqual(where(loaded.diagnostics), ['1:12 mustBeObject']);
    assert.deepEqual(loadConfigFile(file).diagnostics, []);
  });

  test('an unreadable config file is a diagnostic, not a crash', () => {
    const loaded = loadConfigFile(path.join(dir, 'missing/.segdoc.json'));
    assert.deepEqual(where(loaded.diagnostics), ['1:1 unreadable']);
    assert.match(loaded.diagnostics[0]!.message, /ENOENT/);
  });
});

describe('schemas/config.schema.json', () => {
  for (const locale of LOCALES) {
    test(`${configJsonSchemaPath(locale)} is generated from the rule registry and the built-in kinds (run \`node --import tsx scripts/config-schema.mjs\` when this fails)`, () => {
      const committed = readFileSync(path.join(repoRoot, configJsonSchemaPath(locale)), 'utf8');
      assert.equal(committed, configJsonSchemaText(locale));
    });
  }

  test('the Russian schema has the structure of the English one, and describes everything in Russian', () => {
    const read = (locale: 'en' | 'ru'): Record<string, unknown> =>
      JSON.parse(readFileSync(path.join(repoRoot, configJsonSchemaPath(locale)), 'utf8')) as Record<string, unknown>;
    const isText = (key: string): boolean =>
      key === 'description' || key === 'markdownDescription' || key === 'title' || key === 'enumDescriptions';
    /** The schema with its texts blanked out, and the texts. */
    const split = (node: unknown, texts: string[] = []): { shape: unknown; texts: string[] } => {
      const walk = (n: unknown): unknown => {
        if (Array.isArray(n)) return n.map(walk);
        if (!n || typeof n !== 'object') return n;
        return Object.fromEntries(
          Object.entries(n).map(([k, v]) => {
            if (!isText(k) || (typeof v !== 'string' && !Array.isArray(v))) return [k, walk(v)];
            texts.push(...(Array.isArray(v) ? (v as string[]) : [v]));
            return [k, Array.isArray(v) ? v.length : ''];
          }),
        );
      };
      return { shape: walk(node), texts };
    };
    const en = split(read('en'));
    const ru = split(read('ru'));
    assert.deepEqual(ru.shape, en.shape);
    assert.ok(ru.texts.length > 100, `${ru.texts.length} texts`);
    // Section titles and kind ids are what documents and the config write, in either language: data, not UI text.
    const names = builtinKinds()
      .flatMap((k) => [k.kind, ...k.sections.map((s) => s.title.en)])
      .sort((a, b) => b.length - a.length);
    const prose = (t: string): string => names.reduce((text, name) => text.split(name).join(' '), t);
    assert.deepEqual(
      ru.texts.flatMap((t) => englishWords(prose(t)).map((w) => `${w} in ${JSON.stringify(t)}`)),
      [],
    );
    const rule = ruleById('segment-count')!;
    const rules = (read('ru')['properties'] as { rules: { properties: Record<string, { description: string }> } }).rules
      .properties;
    assert.equal(rules['segment-count']!.description, `${localize('ru', rule.description)} По умолчанию: "warning".`);
  });

  test('every keyword that can fail outside rule settings has its message (services/config/validate.ts)', () => {
    // Errors under "rules" are read by the form of the setting; elsewhere each keyword that
    // can fail maps to a config message, and these are the places the mapping expects.
    // maxItems, maxProperties, maxLength: the bounds of an extended kind (services/config/extend-validate.ts).
    const failing = new Set([
      'type',
      'additionalProperties',
      'required',
      'pattern',
      'enum',
      'maxItems',
      'maxProperties',
      'maxLength',
    ]);
    const quiet = new Set([
      '$schema',
      'title',
      'description',
      'markdownDescription',
      'enumDescriptions',
      'properties',
      'definitions',
      'items',
      '$ref',
      // customKind: `else` requires a schema unless `extends` is given; `then` only adds completions.
      'if',
      'then',
      'else',
    ]);
    const places: string[] = [];
    const walk = (schema: Record<string, unknown>, at: string): void => {
      for (const [keyword, value] of Object.entries(schema)) {
        assert.ok(failing.has(keyword) || quiet.has(keyword), `${at}: ${keyword}`);
        if (failing.has(keyword) && keyword !== 'type' && keyword !== 'additionalProperties') places.push(`${at} ${keyword}`);
        const sub = value as Record<string, Record<string, unknown>>;
        if (keyword === 'properties' || keyword === 'definitions')
          for (const [name, s] of Object.entries(sub)) walk(s, `${at}/${name}`);
        else if ((keyword === 'items' || keyword === 'additionalProperties') && value && typeof value === 'object')
          walk(value as Record<string, unknown>, `${at}/${keyword}`);
      }
    };
    walk(configJsonSchema('en', []), '');
    assert.deepEqual(places, [
      '/language enum',
      '/level enum',
      '/schema pattern',
      // An extended kind: its base kind (unknownBaseKind) and its bounds (tooMany, tooLong).
      '/customKind/extends enum',
      '/customKind/sections maxProperties',
      '/customKind/detect/headings maxItems',
      '/customKind/detect/headings/items maxLength',
      '/names maxItems',
      '/names/items maxLength',
      '/localizedText/en maxLength',
      '/localizedText/en maxItems',
      '/localizedText/en/items maxLength',
      '/localizedText/ru maxLength',
      '/localizedText/ru maxItems',
      '/localizedText/ru/items maxLength',
      '/extendSection/after maxLength',
      '/extendFields maxProperties',
      '/extendField/enumAliases maxProperties',
      '/extendField/category maxLength',
    ]);
    // customKind's `else` requires a schema (customKindNeedsSchema); its `then` (completions
    // once `extends` names a kind) fails only for a removed section id (unknownSection).
    const custom = configJsonSchema('en', []).definitions as Record<string, Record<string, unknown>>;
    assert.deepEqual(custom['customKind']!['else'], { required: ['schema'] });
  });

  test('is a draft-07 schema that accepts a valid config and rejects a broken one', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/config.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.equal(
      validate({
        language: 'ru',
        rules: { placeholder: 'off', 'required-section': ['warning'] },
        kinds: { persona: { files: ['people/*.md'], aliases: { 'pain-points': ['Headaches'] } }, mysaas: { schema: './s.json' } },
      }),
      true,
      JSON.stringify(validate.errors),
    );
    assert.equal(validate({ rules: { 'no-such-rule': 'off' } }), false);
    assert.equal(validate({ rules: { placeholder: 'loud' } }), false);
    assert.equal(validate({ kinds: { mysaas: { files: ['x'] } } }), false);
    assert.equal(validate({ kinds: { gtm: { schema: 'https://example.com/x.json' } } }), false);
    assert.equal(validate({ kinds: { gtm: { schema: 'file:x.json' } } }), false);
    assert.equal(validate({ kinds: { gtm: { schema: 'C:\\schemas\\gtm.json' } } }), true);
  });
});
