/**
 * `segdoc check --fix` and `--fix-dry-run` end to end (the built CLI; `node scripts/build.mjs`
 * before running this file alone): the safe fixes written atomically with BOM and line endings
 * kept, rounds until nothing changes, a diff instead of writing, and idempotence over every
 * rule fixture.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixUntilStable } from '../../server/src/cli/fix';
import { lint, type LintOptions } from '../../server/src/services/engine';
import { defineRule } from '../../server/src/rules/types';
import { loadFixture } from '../fixtures/wrap';
import { ensureBuilt, repoRoot, segdoc } from './run-cli';

const rulesDir = path.join(repoRoot, 'test', 'fixtures', 'rules');
/** A persona every rule accepts but for its misspelt roles, one field-value warning with a fix. */
const ROLE = loadFixture(path.join(rulesDir, 'field-value', 'reject-role.persona.md')).text;
const MISSPELT = 'Economik buyer / Influenser';
const FIXED = 'Economic buyer / Influencer';

let dir: string;
before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-fix-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder under the test's temporary one, with `files` written into it. */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const at = path.join(dir, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(at, file)), { recursive: true });
    writeFileSync(path.join(at, file), content);
  }
  return at;
}

function readdirSafe(p: string): string[] | undefined {
  try {
    return readdirSync(p);
  } catch {
    return undefined;
  }
}

/** Every file of a folder and its bytes. */
function snapshot(at: string): Map<string, Buffer> {
  return new Map(readdirSync(at).map((f) => [f, readFileSync(path.join(at, f))]));
}

describe('segdoc check --fix', () => {
  test('fixes a document on disk; the finding is gone and the exit code follows what is left', () => {
    assert.ok(ROLE.includes(MISSPELT));
    const at = folder('plain', { 'dana.persona.md': ROLE });
    // Its one warning fails the run under --max-warnings 0; fixed, nothing is left.
    const before = segdoc(['check', '--max-warnings', '0', '--format', 'json', '.'], at);
    assert.equal(before.code, 1);
    const r = segdoc(['check', '--fix', '--max-warnings', '0', '--format', 'json', '.'], at);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, 'Fixed 1 problem in 1 file.\n');
    const text = readFileSync(path.join(at, 'dana.persona.md'), 'utf8');
    assert.equal(text, ROLE.replace(MISSPELT, FIXED));
    const report = JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ rule: string }> }> };
    assert.deepEqual(
      report.files[0]!.diagnostics.filter((d) => d.rule === 'field-value'),
      [],
    );
    // No temporary file is left beside it.
    assert.deepEqual(readdirSync(at), ['dana.persona.md']);
  });

  test('keeps a byte order mark and CRLF line endings', () => {
    const crlf = `\uFEFF${ROLE.replace(/\n/g, '\r\n')}`;
    const at = folder('crlf-bom', { 'dana.persona.md': crlf });
    const r = segdoc(['check', '--fix', '.'], at);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const bytes = readFileSync(path.join(at, 'dana.persona.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    assert.equal(text, crlf.replace(MISSPELT, FIXED));
    assert.equal(/(^|[^\r])\n/.test(text), false, 'every line break is still CRLF');
  });

  test('a second run changes nothing', () => {
    const at = folder('twice', { 'dana.persona.md': ROLE });
    segdoc(['check', '--fix', '.'], at);
    assert.ok(readFileSync(path.join(at, 'dana.persona.md'), 'utf8').includes(FIXED), 'the first run fixed it');
    const once = snapshot(at);
    const r = segdoc(['check', '--fix', '.'], at);
    assert.equal(r.stderr, 'Fixed 0 problems in 0 files.\n');
    assert.deepEqual(snapshot(at), once);
  });

  test('--fix-dry-run prints a unified diff and writes nothing; the summary is localised', () => {
    const at = folder('dry', { 'dana.persona.md': ROLE });
    const r = segdoc(['check', '--fix-dry-run', '--format', 'json', '--output', 'report.json', '.'], at);
    assert.equal(readFileSync(path.join(at, 'dana.persona.md'), 'utf8'), ROLE);
    assert.match(r.stdout, /^--- a\/dana\.persona\.md\n\+\+\+ b\/dana\.persona\.md\n@@ /);
    assert.ok(r.stdout.includes(`\n-- **Role in Decision**: ${MISSPELT}\n`));
    assert.ok(r.stdout.includes(`\n+- **Role in Decision**: ${FIXED}\n`));
    assert.equal(r.stderr, 'Would fix 1 problem in 1 file (--fix-dry-run: nothing written).\n');
    // The report is of what is left after fixing.
    assert.equal(r.code, 0);
    const ru = segdoc(['check', '--fix-dry-run', '--lang', 'ru', '--format', 'json', '--output', 'report.json', '.'], at);
    assert.equal(ru.stderr, 'Можно исправить: 1 проблема (затронуто: 1 файл; --fix-dry-run: ничего не записано).\n');
  });

  test('of two overlapping fixes the first is applied, the other in the next round once it still applies', () => {
    // Two rules whose fixes overlap: one respells a word, the other rewrites the whole value.
    const word = defineRule({
      id: 'a-word',
      severity: 'error',
      description: 'test',
      messages: { m: 'word', t: 'fix word' },
      check(ctx) {
        const at = ctx.doc.text.indexOf('Economik');
        if (at >= 0) ctx.report({ message: 'm', span: { start: at, end: at + 8 }, fixes: [fix('t', at, at + 8, 'Economic')] });
      },
    });
    const value = defineRule({
      id: 'b-value',
      severity: 'warning',
      description: 'test',
      messages: { m: 'value', t: 'fix value' },
      check(ctx) {
        const at = ctx.doc.text.indexOf('Econom');
        const end = ctx.doc.text.indexOf('Influenser');
        if (at >= 0 && end >= 0)
          ctx.report({
            message: 'm',
            span: { start: at, end: end + 10 },
            fixes: [fix('t', at, end + 10, 'Economic buyer / Influencer')],
          });
      },
    });
    const options: LintOptions = { path: 'dana.persona.md', rules: [word, value] };
    const first = lint(ROLE, options);
    assert.equal(first.findings.length, 2);
    const outcome = fixUntilStable(ROLE, first, (text) => lint(text, options));
    assert.equal(outcome.fixed, 2);
    assert.equal(outcome.text, ROLE.replace(MISSPELT, FIXED));
    assert.deepEqual(outcome.result.findings, []);
  });

  test('over every rule fixture: after --fix, a second --fix changes no byte', () => {
    const files: Record<string, string> = {};
    for (const rule of readdirSync(rulesDir)) {
      for (const f of readdirSafe(path.join(rulesDir, rule)) ?? []) {
        if (/^reject-.*\.md$/.test(f)) files[`${rule}--${f}`] = loadFixture(path.join(rulesDir, rule, f)).text;
      }
    }
    const at = folder('fixtures', files);
    const first = segdoc(['check', '--fix', '--format', 'json', '.'], at);
    const fixedFiles = Number(/in (\d+) files?\./.exec(first.stderr)?.[1]);
    assert.ok(fixedFiles >= 5, first.stderr);
    const once = snapshot(at);
    assert.equal(once.size, Object.keys(files).length, 'no temporary file is left');
    const second = segdoc(['check', '--fix', '--format', 'json', '.'], at);
    assert.equal(second.stderr, 'Fixed 0 problems in 0 files.\n');
    for (const [file, bytes] of snapshot(at)) assert.ok(bytes.equals(once.get(file)!), file);
    // And what the fixing run reported is what a plain check of the fixed files reports.
    const plain = segdoc(['check', '--format', 'json', '.'], at);
    assert.equal(plain.stdout, first.stdout);
    assert.equal(plain.code, first.code);
  });
});

function fix(title: string, start: number, end: number, newText: string) {
  return { title, edits: [{ span: { start, end }, newText }], preferred: true };
}
