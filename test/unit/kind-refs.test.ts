/**
 * `$ref` and `$defs` in kind schemas (issue 15, item 3): resolved locally before the schema is
 * read (schemas/refs.ts) — within the file, and to a JSON file next to it for workspace
 * schemas — never fetched; cycles, missing targets and remote references are config errors
 * at the line of the `$ref` in the schema file.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearConfigCache, lintOptionsFor, loadConfigFile } from '../../server/src/services/config';
import { lint } from '../../server/src/services/engine';
import { builtinKind } from '../../server/src/schemas/builtin';
import { RefError, resolveRefs, type RefProblem } from '../../server/src/schemas/refs';
import { customKindSchema, where, writeUnder } from '../fixtures/config-files';

const repoRoot = path.resolve(__dirname, '..', '..');
let dir: string;
const write = (rel: string, text: string): string => writeUnder(dir, rel, text);

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-refs-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  clearConfigCache();
});

/** The problem resolving `schema` throws. */
function problemOf(schema: unknown): RefProblem {
  try {
    resolveRefs(schema);
  } catch (e) {
    if (e instanceof RefError) return e.problem;
    throw e;
  }
  assert.fail('resolved without a problem');
}

describe('resolveRefs', () => {
  test('a local $ref is replaced by a copy of its target; a schema without one is returned as it is', () => {
    const schema = {
      $defs: { name: { type: 'string', minLength: 1 } },
      properties: { a: { $ref: '#/$defs/name' }, b: { $ref: '#/$defs/name' } },
    };
    const out = resolveRefs(schema);
    assert.deepEqual(out.properties, { a: { type: 'string', minLength: 1 }, b: { type: 'string', minLength: 1 } });
    assert.notEqual(out.properties.a, out.properties.b);
    assert.equal(schema.properties.a.$ref, '#/$defs/name', 'the input is not changed');
    const plain = { properties: { a: { type: 'string' } } };
    assert.equal(resolveRefs(plain), plain);
  });

  test('nested: a target that refers on is resolved through, and JSON pointer escapes are read', () => {
    const schema = {
      $defs: { 'a/b': { properties: { c: { $ref: '#/$defs/c~0d' } } }, 'c~d': { type: 'number' }, list: [{ type: 'boolean' }] },
      properties: { x: { $ref: '#/$defs/a~1b' }, y: { $ref: '#/$defs/list/0' } },
    };
    assert.deepEqual(resolveRefs(schema).properties, { x: { properties: { c: { type: 'number' } } }, y: { type: 'boolean' } });
  });

  test('sibling keywords: kept where written and over the target; x-segdoc is merged key by key', () => {
    const schema = {
      $defs: {
        tier: { type: 'object', title: 'Tier', 'x-segdoc': { order: 9, template: { en: 'T' } }, properties: { fields: {} } },
      },
      properties: { t1: { title: 'Tier 1', 'x-segdoc': { order: 2, title: { en: 'Tier 1' } }, $ref: '#/$defs/tier' } },
    };
    const t1 = resolveRefs(schema).properties.t1 as Record<string, unknown>;
    assert.deepEqual(t1, {
      title: 'Tier 1',
      'x-segdoc': { order: 2, template: { en: 'T' }, title: { en: 'Tier 1' } },
      type: 'object',
      properties: { fields: {} },
    });
    assert.deepEqual(Object.keys(t1), ['title', 'x-segdoc', 'type', 'properties'], 'the target goes where the $ref is');
  });

  test('a cycle is refused at the $ref that closes it', () => {
    assert.deepEqual(problemOf({ $defs: { a: { $ref: '#/$defs/b' }, b: { items: { $ref: '#/$defs/a' } } } }), {
      id: 'refCycle',
      args: { ref: '#/$defs/b' },
      pointer: '/$defs/a/$ref',
    });
    assert.equal(problemOf({ properties: { self: { $ref: '#' } } }).id, 'refCycle');
  });

  test('a missing target, an $anchor and a remote reference are refused where written', () => {
    assert.deepEqual(problemOf({ properties: { a: { $ref: '#/$defs/nothing' } } }), {
      id: 'refMissing',
      args: { ref: '#/$defs/nothing' },
      pointer: '/properties/a/$ref',
    });
    assert.equal(problemOf({ properties: { a: { $ref: '#anchor' } } }).id, 'refMissing');
    for (const ref of ['https://example.com/s.json', 'file:///etc/passwd', '//host/s.json', 'urn:x:y'])
      assert.equal(problemOf({ properties: { a: { $ref: ref } } }).id, 'refRemote', ref);
    // Without a file reader (the built-in schemas) a file is not read either.
    assert.equal(problemOf({ properties: { a: { $ref: './other.json' } } }).id, 'refFile');
  });

  test('an expansion that doubles at every step is bounded, and fast', () => {
    const defs: Record<string, unknown> = { d0: { type: 'string' } };
    for (let i = 1; i <= 40; i++) defs[`d${i}`] = { allOf: [{ $ref: `#/$defs/d${i - 1}` }, { $ref: `#/$defs/d${i - 1}` }] };
    const started = performance.now();
    assert.equal(problemOf({ $defs: defs, properties: { a: { $ref: '#/$defs/d40' } } }).id, 'refTooLarge');
    assert.ok(performance.now() - started < 2000);
  });
});

describe('the built-in prioritization schema', () => {
  test('writes the tier section once, in $defs, and its three tier sections read the same fields', () => {
    const raw = readFileSync(path.join(repoRoot, 'schemas/prioritization.schema.json'), 'utf8');
    assert.equal(raw.match(/"resource-allocation": \{/g)?.length, 1);
    const kind = builtinKind('prioritization')!;
    const tiers = kind.sections.filter((s) => s.id.startsWith('tier-'));
    assert.deepEqual(
      tiers.map((s) => [s.id, s.fields.map((f) => `${f.id}${f.required ? '*' : ''}`)]),
      ['tier-1', 'tier-2', 'tier-3'].map((id) => [id, ['segments*', 'resource-allocation*', 'expected-revenue*', 'strategy*']]),
    );
    assert.deepEqual(
      tiers.map((s) => s.title.en),
      ['Tier 1 (Primary Focus)', 'Tier 2 (Secondary Focus)', 'Tier 3 (Opportunistic)'],
    );
    assert.ok(!JSON.stringify(kind.json).includes('"$ref"'), 'the kind reads the resolved tree');
  });
});

/** A schema edited by path in these tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test schemas are edited by path
type Editable = Record<string, any>;

/** A team schema whose section `overview` is written through a $ref (or what `tweak` makes of it). */
function teamSchema(tweak: (s: Editable) => void = () => {}): string {
  const s = customKindSchema('segdoc:team-refs', 'team', '^team\\s+standard') as Editable;
  s.$defs = {
    overviewFields: { type: 'object', required: ['owner'], properties: { owner: { type: 'string', title: 'Owner' } } },
  };
  s.properties.sections.properties.overview.properties = { fields: { $ref: '#/$defs/overviewFields' } };
  tweak(s);
  return JSON.stringify(s, null, 2);
}

function loadTeam(folder: string, schema: string): ReturnType<typeof loadConfigFile> {
  write(`${folder}/team.schema.json`, schema);
  return loadConfigFile(write(`${folder}/.segdoc.json`, '{\n  "kinds": { "team": { "schema": "./team.schema.json" } }\n}'));
}

describe('$ref in a workspace kind schema', () => {
  test('a local $ref is followed: the section has the field, and a document is checked by it', () => {
    const loaded = loadTeam('local', teamSchema());
    assert.deepEqual(loaded.diagnostics, []);
    const team = loaded.config.kinds!.find((k) => k.kind === 'team')!;
    assert.deepEqual(
      team.sections.find((s) => s.id === 'overview')!.fields.map((f) => [f.id, f.required]),
      [['owner', true]],
    );
    const doc = path.join(dir, 'local/standard.md');
    const r = lint('# Team Standard\n\n## Overview\n\nSome words.\n\n## Segment Profiles\n\nMore.\n', {
      path: doc,
      ...lintOptionsFor(loaded, doc),
    });
    assert.equal(r.detection?.kind.kind, 'team');
    assert.ok(
      r.findings.some((f) => f.rule === 'required-field'),
      JSON.stringify(r.findings.map((f) => f.rule)),
    );
  });

  test('a cycle is a config error naming the line of the $ref in the schema file', () => {
    const loaded = loadTeam(
      'cycle',
      teamSchema((s) => {
        s.$defs.overviewFields.properties.owner = { $ref: '#/$defs/overviewFields' };
      }),
    );
    assert.deepEqual(where(loaded.diagnostics), ['2:34 schemaAt']);
    const text = readFileSync(path.join(dir, 'cycle/team.schema.json'), 'utf8');
    // The $ref that closes the cycle: the one under "owner", on the line after it.
    const line = text.split('\n').findIndex((l) => l.includes('"owner": {')) + 2;
    assert.ok(line > 2);
    assert.match(
      loaded.diagnostics[0]!.message,
      new RegExp(
        `^Invalid kind schema "./team.schema.json" at ${line}:\\d+: "\\$ref" "#/\\$defs/overviewFields" leads back to itself`,
      ),
    );
    assert.equal(loaded.config.kinds, undefined, 'the kind is not loaded; the built-in kinds are');
  });

  test('a missing target is a config error at its line; Russian messages too', () => {
    write(
      'missing/team.schema.json',
      teamSchema((s) => (s.properties.sections.properties.overview.properties.fields.$ref = '#/$defs/nope')),
    );
    const file = write('missing/.segdoc.json', '{ "language": "ru", "kinds": { "team": { "schema": "./team.schema.json" } } }');
    const loaded = loadConfigFile(file);
    assert.deepEqual(where(loaded.diagnostics), ['1:52 schemaAt']);
    assert.match(loaded.diagnostics[0]!.message, /в позиции \d+:\d+: "\$ref" «#\/\$defs\/nope» не указывает ни на что в схеме/);
  });

  test('a $ref to a file next to the schema is read (and watched); a missing file is an error at the $ref', () => {
    write(
      'files/parts/fields.json',
      JSON.stringify({ type: 'object', properties: { owner: { type: 'string', title: 'Owner' } } }),
    );
    const loaded = loadTeam(
      'files',
      teamSchema((s) => (s.properties.sections.properties.overview.properties.fields = { $ref: './parts/fields.json' })),
    );
    assert.deepEqual(loaded.diagnostics, []);
    assert.ok(loaded.dependencies.includes(path.join(dir, 'files/parts/fields.json')));
    const team = loaded.config.kinds!.find((k) => k.kind === 'team')!;
    assert.deepEqual(
      team.sections.find((s) => s.id === 'overview')!.fields.map((f) => f.id),
      ['owner'],
    );

    const broken = loadTeam(
      'nofile',
      teamSchema((s) => (s.properties.sections.properties.overview.properties.fields = { $ref: './parts/none.json#/x' })),
    );
    assert.deepEqual(where(broken.diagnostics), ['2:34 schemaAt']);
    assert.match(broken.diagnostics[0]!.message, /at \d+:\d+: Schema file "parts\/none.json" not found$/);
  });

  test('a problem inside a referenced file is reported at its own line, naming that file', () => {
    write('inner/parts/fields.json', '{\n  "type": "object",\n  "properties": { "owner": { "$ref": "#/nowhere" } }\n}\n');
    const loaded = loadTeam(
      'inner',
      teamSchema((s) => (s.properties.sections.properties.overview.properties.fields = { $ref: 'parts/fields.json' })),
    );
    assert.deepEqual(where(loaded.diagnostics), ['2:34 schemaAt']);
    assert.match(
      loaded.diagnostics[0]!.message,
      /^Invalid kind schema "parts\/fields.json" at 3:38: "\$ref" "#\/nowhere" names nothing/,
    );
  });

  test('a remote $ref is never fetched', () => {
    const loaded = loadTeam(
      'remote',
      teamSchema((s) => (s.properties.sections.properties.overview.properties.fields.$ref = 'https://example.com/f.json')),
    );
    assert.deepEqual(where(loaded.diagnostics), ['2:34 schemaAt']);
    assert.match(loaded.diagnostics[0]!.message, /remote references are never fetched/);
  });
});
