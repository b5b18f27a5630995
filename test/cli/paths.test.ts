/**
 * `segdoc check` never loses a result to one odd file (run in process, through runCli):
 * a `%` in a path, a FIFO or a link to /dev/zero among good documents, a file named on the
 * command line that is not a segdoc document (reported as skipped), front matter naming an
 * unknown kind (a finding, not silence).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { repoRoot } from './run-cli';

const example = readFileSync(path.join(repoRoot, 'examples', 'en', 'devops-dana.persona.md'), 'utf8');
const posix = process.platform !== 'win32';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'segdoc-cli-paths-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function check(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', ...args], {
    cwd,
    env: { SEGDOC_TODAY: '2026-11-23' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

interface Json {
  files: Array<{ path: string; kind: string; diagnostics: Array<{ rule: string; message: string }> }>;
  summary: { files: number };
  skipped: Array<{ path: string; reason: string; message: string }>;
}

describe('paths and odd files', () => {
  test('a % in a folder name is a path like any other', async () => {
    const cwd = folder({
      '100%/dana.persona.md': example,
      '50% off/#1 what?.persona.md': example,
      'a&b (1)/Дана.PERSONA.MD': example,
    });
    const r = await check(['--format', 'json'], cwd);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const report = JSON.parse(r.stdout) as Json;
    assert.deepEqual(
      report.files.map((f) => [f.path, f.kind]),
      [
        ['100%/dana.persona.md', 'persona'],
        ['50% off/#1 what?.persona.md', 'persona'],
        ['a&b (1)/Дана.PERSONA.MD', 'persona'],
      ],
    );
    const named = await check(['100%/dana.persona.md'], cwd);
    assert.equal(named.code, 0, named.stderr);
    assert.match(named.stdout, /^100%\/dana\.persona\.md {2}/);
    // SARIF file URIs keep `%`, `#` and `?` part of the name.
    const sarif = JSON.parse((await check(['--format', 'sarif', '50% off', 'no/such.md'], cwd)).stdout) as {
      runs: Array<{ results: Array<unknown> }>;
    };
    assert.equal(sarif.runs[0]!.results.length, 0);
  });

  test(
    'a FIFO and a link to /dev/zero among good files: refused with a message each, every other result kept',
    { skip: posix ? false : 'POSIX only' },
    async () => {
      const broken = example.replace(/## Buying Process[\s\S]*?(?=\n## )/, '');
      const cwd = folder({ 'a.persona.md': example, 'b.persona.md': broken });
      execFileSync('mkfifo', [path.join(cwd, 'fifo.persona.md')]);
      symlinkSync('/dev/zero', path.join(cwd, 'zero.persona.md'));
      const r = await check(['--format', 'json'], cwd);
      assert.equal(r.code, 2, 'a file that cannot be read is exit 2');
      assert.equal(
        r.stderr,
        'segdoc: fifo.persona.md is not a regular file (a device, FIFO or socket); not read\n' +
          'segdoc: zero.persona.md is not a regular file (a device, FIFO or socket); not read\n',
      );
      const report = JSON.parse(r.stdout) as Json;
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['a.persona.md', 'b.persona.md'],
      );
      assert.ok(report.files[1]!.diagnostics.some((d) => d.message === 'Missing required section "Buying Process"'));
      assert.deepEqual(
        report.skipped.map((s) => [s.path, s.reason]),
        [
          ['fifo.persona.md', 'not-a-file'],
          ['zero.persona.md', 'not-a-file'],
        ],
      );
      // Named explicitly, the same.
      const named = await check(['zero.persona.md', 'a.persona.md'], cwd);
      assert.equal(named.code, 2);
      assert.match(named.stdout, /a\.persona\.md/);
    },
  );

  test('a file named on the command line that is not a segdoc document is reported as skipped', async () => {
    const cwd = folder({
      'README.md': '# Notes\n\nNothing to see.\n',
      'dana.persona.md': example,
      'docs/CHANGELOG.md': '# Changes\n',
    });
    const stylish = await check(['README.md', 'dana.persona.md'], cwd);
    assert.equal(stylish.code, 0);
    assert.match(
      stylish.stdout,
      /^README\.md {2}skipped: not a segdoc document \(no kind in its front matter, file name or title\)$/m,
    );
    const json = JSON.parse((await check(['--format', 'json', 'README.md', 'dana.persona.md'], cwd)).stdout) as Json;
    assert.deepEqual(
      json.files.map((f) => f.path),
      ['dana.persona.md'],
    );
    assert.deepEqual(json.skipped, [
      {
        path: 'README.md',
        reason: 'not-segdoc',
        message: 'skipped: not a segdoc document (no kind in its front matter, file name or title)',
      },
    ]);
    // Files a folder holds are not listed: a folder has plenty of plain Markdown.
    const walked = JSON.parse((await check(['--format', 'json'], cwd)).stdout) as Json;
    assert.deepEqual(walked.skipped, []);
    // In Russian.
    const ru = await check(['--lang', 'ru', 'README.md'], cwd);
    assert.match(ru.stdout, /^README\.md {2}пропущен: не документ segdoc/m);
  });

  test('front matter naming an unknown kind is a finding, not "No segdoc documents found"', async () => {
    const cwd = folder({
      'dana.persona.md': example.replace(/^/, '---\nsegdoc: personna\n---\n'),
      'notes.md': '---\nsegdoc: personna\n---\n# Dana\n',
    });
    const r = await check(['--format', 'json'], cwd);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as Json;
    assert.deepEqual(
      report.files.map((f) => [f.path, f.kind, f.diagnostics.filter((d) => d.rule === 'unknown-kind').map((d) => d.message)]),
      [
        ['dana.persona.md', 'persona', ['Unknown document kind "personna"; did you mean "persona"?']],
        ['notes.md', 'unknown', ['Unknown document kind "personna"; did you mean "persona"?']],
      ],
    );
    const stylish = await check(['notes.md'], cwd);
    assert.match(
      stylish.stdout,
      /notes\.md:2:9 {2}error {2}Unknown document kind "personna"; did you mean "persona"\? {2}unknown-kind/,
    );
  });

  test(
    'folders: each real file once, links to folders followed without looping, extensions in any case',
    { skip: posix ? false : 'POSIX only' },
    async () => {
      const cwd = folder({ 'docs/dana.persona.md': example, 'docs/sub/UPPER.PERSONA.MD': example });
      symlinkSync('..', path.join(cwd, 'docs/sub/up'));
      symlinkSync(path.join(cwd, 'docs/dana.persona.md'), path.join(cwd, 'docs/sub/dana-link.persona.md'));
      const r = await check(['--format', 'json', 'docs', 'docs/sub'], cwd);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as Json).files.map((f) => f.path),
        ['docs/dana.persona.md', 'docs/sub/UPPER.PERSONA.MD'],
      );
    },
  );
});
