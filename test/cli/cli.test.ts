/**
 * `segdoc check` end to end: the built CLI (dist/cli.js through bin/segdoc.js) run as a
 * child process, as CI runs it. `npm test` builds first; run `node scripts/build.mjs`
 * before running this file alone.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rules as registry } from '../../server/src/rules/registry';
import { runCli } from '../../server/src/cli/run';
import { ensureBuilt, repoRoot, segdoc as runSegdoc, type JsonReport, type Run } from './run-cli';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'cli');
const example = path.join(repoRoot, 'examples', 'en', 'devops-dana.persona.md');

/** Runs the CLI in `cwd` (the CLI fixtures by default). */
function segdoc(args: string[], cwd = fixtures, env: Record<string, string> = {}): Run {
  return runSegdoc(args, cwd, env);
}

function json(r: Run): JsonReport {
  return JSON.parse(r.stdout) as JsonReport;
}

let tmp: string;

/** A folder with the clean example persona, optionally edited, and an optional config. */
function workspace(name: string, edit: (text: string) => string = (t) => t, config?: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'dana.persona.md'), edit(readFileSync(example, 'utf8')));
  if (config !== undefined) writeFileSync(path.join(dir, '.segdoc.json'), config);
  return dir;
}

before(() => {
  ensureBuilt();
  tmp = mkdtempSync(path.join(tmpdir(), 'segdoc-cli-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('exit codes', () => {
  test('0 and "No problems" for the clean examples', () => {
    const r = segdoc(['check', 'examples'], repoRoot);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // Each document's tally line (scores.test.ts checks them), then the summary.
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 11, r.stdout);
    for (const line of lines.slice(0, 8))
      assert.match(
        line,
        /^examples\/(en|ru)\/[\w.-]+\.md {2}(Buyer persona|Segmentation analysis|GTM strategy|Segment prioritization) · 100% complete/,
      );
    assert.deepEqual(lines.slice(8), ['', 'No problems (8 files).', '']);
    assert.equal(r.stderr, '');
  });

  test('1 when a document has errors', () => {
    const r = segdoc(['check', 'docs']);
    assert.equal(r.code, 1);
  });

  test('warnings alone exit 0, unless there are more than --max-warnings', () => {
    const dir = workspace('warn', (t) => t.replace(/^- \*\*Industry\*\*:.*\n/m, ''));
    const ok = segdoc(['check', '--format', 'json'], dir);
    assert.equal(ok.code, 0, ok.stdout);
    const report = json(ok);
    assert.deepEqual(report.summary, { files: 1, errors: 0, warnings: 1, infos: 0 });
    assert.equal(report.files[0]!.diagnostics[0]!.rule, 'required-field');
    assert.equal(segdoc(['check', '--max-warnings', '1'], dir).code, 0);
    const over = segdoc(['check', '--max-warnings', '0'], dir);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'segdoc found 1 warning (--max-warnings 0).\n');
  });

  test('2 for a path that does not exist, with a clear message, after checking the rest', () => {
    const r = segdoc(['check', 'docs', 'no/such/folder', 'docs/*.nothing']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'segdoc: no such file or folder: no/such/folder\nsegdoc: no files match the pattern docs/*.nothing\n');
    assert.match(r.stdout, /docs\/missing\.persona\.md:1:3/);
  });

  test(
    '2 for a file that cannot be read',
    { skip: process.getuid?.() === 0 ? 'running as root: every file is readable' : false },
    () => {
      const dir = workspace('unreadable');
      const file = path.join(dir, 'dana.persona.md');
      chmodSync(file, 0o000);
      try {
        const r = segdoc(['check'], dir);
        assert.equal(r.code, 2);
        assert.equal(r.stderr, 'segdoc: cannot read dana.persona.md: EACCES\n');
      } finally {
        chmodSync(file, 0o644);
      }
    },
  );

  test('2 for usage errors, with the usage text', () => {
    for (const args of [
      ['check', '--format', 'xml'],
      ['check', '--max-warnings', 'many'],
      ['check', '--lang', 'de'],
      ['check', '--bogus'],
      ['lint'],
      [],
    ]) {
      const r = segdoc(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^segdoc: /, args.join(' '));
      assert.match(r.stderr, /Usage: segdoc check/, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
    assert.equal(
      segdoc(['check', '--format', 'xml']).stderr.split('\n')[0],
      'segdoc: invalid value "xml" for --format; expected stylish, json, sarif, junit, github, markdown.',
    );
    assert.equal(segdoc(['check', '--bogus']).stderr.split('\n')[0], 'segdoc: unknown option "--bogus".');
  });

  test('--help and --version exit 0', () => {
    const help = segdoc(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: segdoc check \[options\] \[paths or globs\.\.\.\]/);
    const version = segdoc(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });
});

describe('which files are checked', () => {
  test('folders are searched for Markdown; files that are not segdoc documents, node_modules and dot-folders are skipped', () => {
    const dir = path.join(tmp, 'tree');
    for (const sub of ['a/b', 'node_modules/pkg', '.hidden', 'c']) mkdirSync(path.join(dir, sub), { recursive: true });
    copyFileSync(path.join(fixtures, 'docs', 'missing.persona.md'), path.join(dir, 'a/b/sam.persona.md'));
    copyFileSync(path.join(fixtures, 'docs', 'missing.persona.md'), path.join(dir, 'node_modules/pkg/sam.persona.md'));
    copyFileSync(path.join(fixtures, 'docs', 'missing.persona.md'), path.join(dir, '.hidden/sam.persona.md'));
    copyFileSync(example, path.join(dir, 'c/dana.markdown'));
    copyFileSync(path.join(fixtures, 'docs', 'README.md'), path.join(dir, 'README.md'));
    const r = segdoc(['check', '--format', 'json'], dir);
    // dana.markdown is found by its extension and detected by its "# Persona:" title.
    assert.deepEqual(
      json(r).files.map((f) => [f.path, f.kind]),
      [
        ['a/b/sam.persona.md', 'persona'],
        ['c/dana.markdown', 'persona'],
      ],
    );
    // An explicit file or glob is taken as given.
    const glob = segdoc(['check', '--format', 'json', '**/*.persona.md'], dir);
    assert.deepEqual(
      json(glob).files.map((f) => f.path),
      ['a/b/sam.persona.md'],
    );
  });

  test('paths are printed relative to the working folder with forward slashes', () => {
    const r = segdoc(['check', '--format', 'json', path.join(fixtures, 'docs')], repoRoot);
    assert.deepEqual(
      json(r).files.map((f) => f.path),
      ['test/fixtures/cli/docs/missing.persona.md'],
    );
  });
});

describe('formats', () => {
  test('json: the report shape (version 1)', () => {
    const r = segdoc(['check', '--format', 'json', 'docs']);
    const report = json(r);
    // `skipped` (files not checked, with the reason) was added after the first shape.
    assert.deepEqual(Object.keys(report), ['version', 'files', 'summary', 'skipped']);
    assert.equal(report.version, 1);
    assert.equal(report.files.length, 1);
    const file = report.files[0]!;
    assert.deepEqual(Object.keys(file), ['path', 'kind', 'language', 'diagnostics', 'scores']);
    assert.deepEqual([file.path, file.kind, file.language], ['docs/missing.persona.md', 'persona', 'en']);
    // The score tallies (their shape is checked in scores.test.ts).
    assert.equal((file.scores as { kind?: string }).kind, 'persona');
    for (const d of file.diagnostics) assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range']);
    const buying = file.diagnostics.find((d) => d.message === 'Missing required section "Buying Process"');
    assert.ok(buying, JSON.stringify(file.diagnostics));
    assert.equal(buying.rule, 'required-section');
    assert.equal(buying.severity, 'error');
    // The title "Persona: Sam the Site Reliability Engineer" after "# ".
    assert.deepEqual(buying.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 44 } });
    const count = (s: string) => file.diagnostics.filter((d) => d.severity === s).length;
    assert.deepEqual(report.summary, {
      files: 1,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info') + count('hint'),
    });
    assert.equal(report.summary.errors, 6);
  });

  test('stylish: grouped by file, path:line:col, severity, message and rule aligned, a summary, no colours off a TTY', () => {
    const r = segdoc(['check', 'docs']);
    const lines = r.stdout.split('\n');
    // The file's path, then its tally line.
    assert.equal(lines[0], 'docs/missing.persona.md  Buyer persona · 40% complete');
    const rows = lines.filter((l) => l.startsWith('  '));
    assert.ok(rows.length >= 6);
    assert.ok(
      rows.includes(
        '  docs/missing.persona.md:1:3  error  Missing required section "Buying Process"                       required-section',
      ),
      rows.join('\n'),
    );
    // Columns line up: every rule id starts at the same column.
    const ruleColumns = new Set(rows.map((l) => l.search(/(required|recommended)-section$/)));
    assert.equal(ruleColumns.size, 1);
    assert.match(lines.at(-2)!, /^✖ \d+ problems \(6 errors, 0 warnings, \d+ infos\)$/);
    assert.ok(!r.stdout.includes('\u001b['), 'no ANSI escapes when stdout is not a terminal');
  });

  test('stylish: colours on a terminal, none with NO_COLOR', async () => {
    const capture = async (env: Record<string, string>) => {
      let out = '';
      const code = await runCli(['check', 'docs'], {
        cwd: fixtures,
        env: { SEGDOC_TODAY: '2026-11-23', ...env },
        stdout: { write: (s: string) => (out += s), isTTY: true },
        stderr: { write: () => true },
      });
      return { code, out };
    };
    const tty = await capture({});
    assert.equal(tty.code, 1);
    // eslint-disable-next-line no-control-regex -- the ANSI escape is what this test looks for
    assert.match(tty.out, /\u001b\[31merror/);
    const plain = await capture({ NO_COLOR: '1' });
    assert.ok(!plain.out.includes('\u001b['));
  });

  test('sarif: SARIF 2.1.0 with the rule registry and 1-based regions', () => {
    const r = segdoc(['check', '--format', 'sarif', 'docs']);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'segdoc');
    assert.deepEqual(
      run.tool.driver.rules.map((x: { id: string }) => x.id),
      registry.map((x) => x.id),
    );
    const req = run.tool.driver.rules.find((x: { id: string }) => x.id === 'required-section');
    assert.equal(req.shortDescription.text, 'A section the document kind requires is missing.');
    assert.equal(req.defaultConfiguration.level, 'error');
    const result = run.results.find(
      (x: { message: { text: string } }) => x.message.text === 'Missing required section "Buying Process"',
    );
    assert.equal(result.ruleId, 'required-section');
    assert.equal(result.level, 'error');
    assert.equal(
      result.ruleIndex,
      registry.findIndex((x) => x.id === 'required-section'),
    );
    const loc = result.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'docs/missing.persona.md');
    assert.deepEqual(loc.region, { startLine: 1, startColumn: 3, endLine: 1, endColumn: 45 });
    assert.ok(
      run.results.some((x: { level: string }) => x.level === 'note'),
      'infos are SARIF notes',
    );
  });
});

describe('language', () => {
  test('--lang ru: Russian messages, severities and summary', () => {
    const r = segdoc(['check', '--lang', 'ru', 'docs']);
    assert.equal(r.code, 1);
    // Section names are quoted as the document writes them: this document is in English.
    assert.ok(
      r.stdout.includes('  docs/missing.persona.md:1:3  ошибка     Отсутствует обязательный раздел «Buying Process»'),
      r.stdout,
    );
    assert.match(r.stdout, /✖ \d+ (проблема|проблемы|проблем) \(6 ошибок, 0 предупреждений, 7 замечаний\)\n$/);
  });

  test('the environment decides when --lang is absent; usage errors are translated too', () => {
    const r = segdoc(['check', 'docs'], fixtures, { LANG: 'ru_RU.UTF-8' });
    assert.match(r.stdout, /ошибка +Отсутствует обязательный раздел «Buying Process»/);
    const usage = segdoc(['check', '--format', 'xml'], fixtures, { LC_ALL: 'ru_RU.UTF-8' });
    assert.equal(
      usage.stderr.split('\n')[0],
      'segdoc: недопустимое значение «xml» для --format; ожидается stylish, json, sarif, junit, github, markdown.',
    );
    assert.equal(
      segdoc(['check', '--lang', 'en', 'docs'], fixtures, { LANG: 'ru_RU.UTF-8' }).stdout.includes('Missing required section'),
      true,
    );
  });
});

describe('the config file', () => {
  test('a rule turned off', () => {
    const dir = workspace(
      'off',
      (t) => t.replace(/## Buying Process[\s\S]*?(?=## Objections)/, ''),
      '{ "rules": { "required-section": "off" } }',
    );
    const r = segdoc(['check', '--format', 'json'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(json(r).files[0]!.diagnostics, []);
    // Without the config the missing section is an error.
    rmSync(path.join(dir, '.segdoc.json'));
    assert.equal(segdoc(['check'], dir).code, 1);
  });

  test('a severity changed', () => {
    const dir = workspace(
      'severity',
      (t) => t.replace(/## Buying Process[\s\S]*?(?=## Objections)/, ''),
      '{ "rules": { "required-section": "warning" } }',
    );
    const r = segdoc(['check', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(
      json(r).files[0]!.diagnostics.map((d) => [d.rule, d.severity, d.message]),
      [['required-section', 'warning', 'Missing required section "Buying Process"']],
    );
  });

  test('a rule option', () => {
    const dir = workspace('option', undefined, '{ "rules": { "stale-document": ["warning", { "reviewPeriodDays": 5 }] } }');
    const r = segdoc(['check', '--format', 'json'], dir);
    assert.deepEqual(
      json(r).files[0]!.diagnostics.map((d) => [d.rule, d.severity, d.range.start.line]),
      [['stale-document', 'warning', 113]],
    );
    // The default review period (90 days) is not exceeded on 2026-11-23.
    rmSync(path.join(dir, '.segdoc.json'));
    assert.deepEqual(json(segdoc(['check', '--format', 'json'], dir)).files[0]!.diagnostics, []);
  });

  test('--config FILE is used instead of the nearest .segdoc.json', () => {
    const dir = workspace(
      'explicit',
      (t) => t.replace(/## Buying Process[\s\S]*?(?=## Objections)/, ''),
      '{ "rules": { "required-section": "off" } }',
    );
    writeFileSync(path.join(tmp, 'strict.json'), '{ "rules": { "required-section": "error" } }');
    assert.equal(segdoc(['check'], dir).code, 0);
    assert.equal(segdoc(['check', '--config', path.join(tmp, 'strict.json')], dir).code, 1);
    const missing = segdoc(['check', '--config', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'segdoc: cannot read the config file nope.json: ENOENT\n');
  });

  test('a broken config exits 2 and says where', () => {
    const config = '{\n  "rules": {\n    "required-sections": "off",\n    "placeholder": "loud"\n  }\n}\n';
    const dir = workspace('broken', undefined, config);
    const r = segdoc(['check'], dir);
    assert.equal(r.code, 2);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '.segdoc.json');
    const cells = lines.filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/ {2,}/));
    assert.deepEqual(cells, [
      ['.segdoc.json:3:5', 'error', 'Unknown rule "required-sections"; did you mean "required-section"?', 'config'],
      [
        '.segdoc.json:4:20',
        'error',
        'Invalid severity "loud" for rule "placeholder"; expected one of "off", "error", "warning", "info", "hint"',
        'config',
      ],
    ]);
    const report = json(segdoc(['check', '--format', 'json'], dir));
    assert.deepEqual(
      report.files.map((f) => [f.path, f.kind]),
      [
        ['.segdoc.json', 'config'],
        ['dana.persona.md', 'persona'],
      ],
    );
    assert.deepEqual(report.files[0]!.diagnostics[0]!.range, {
      start: { line: 2, character: 4 },
      end: { line: 2, character: 23 },
    });
  });
});

describe('the other checked documents (unknown-segment)', () => {
  const typo = (t: string): string =>
    t.replace('**Segment**: Mid-Market Platform Teams', '**Segment**: Mid-Market Platfrom Teams');

  test('a persona is compared with the segments the checked segmentation documents define', () => {
    const dir = workspace('segments', typo);
    copyFileSync(
      path.join(repoRoot, 'examples', 'en', 'stratus-cloud.segmentation.md'),
      path.join(dir, 'stratus.segmentation.md'),
    );
    const report = json(segdoc(['check', '--format', 'json'], dir));
    const persona = report.files.find((f) => f.path === 'dana.persona.md')!;
    assert.deepEqual(
      persona.diagnostics.map((d) => [d.rule, d.message, d.range.start.line]),
      [
        [
          'unknown-segment',
          'Segment "Mid-Market Platfrom Teams" is not defined in the workspace: did you mean "Mid-Market Platform Teams" (stratus.segmentation.md)?',
          4,
        ],
      ],
    );
    // Checked on its own, the persona has nothing to be compared with: no finding.
    assert.deepEqual(json(segdoc(['check', '--format', 'json', 'dana.persona.md'], dir)).files[0]!.diagnostics, []);
  });
});
