/**
 * The CI formats of `segdoc check` (the built CLI; `node scripts/build.mjs` before running this
 * file alone): JUnit XML read back by an XML parser as a CI server reads it, GitHub workflow
 * commands read back the way the runner undoes their escaping, the Markdown tables' shape,
 * and several `--format`/`--output` pairs in one run. Each is compared with the json report of
 * the same files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { githubData, githubProperty, markdownCell, xmlEscape } from '../../server/src/cli/formats';
import { ruleDocUrl } from '../../server/src/services/rules-doc';
import { loadFixture } from '../fixtures/wrap';
import { ensureBuilt, repoRoot, segdoc, type JsonReport } from './run-cli';

const rulesDir = path.join(repoRoot, 'test', 'fixtures', 'rules');

let dir: string;
let expected: JsonReport;
before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'segdoc-formats-'));
  // A percent sign in messages (allocations), quotes and a comma and colon in a file name.
  const docs: Record<string, string> = {
    'alloc.segmentation.md': 'allocation-sum/reject-allocation-table.segmentation.md',
    'role, a: b.persona.md': 'field-value/reject-role.persona.md',
    'tiers.prioritization.md': 'score-tier/reject-crlf-ru.prioritization.md',
  };
  for (const [name, fixture] of Object.entries(docs))
    writeFileSync(path.join(dir, name), loadFixture(path.join(rulesDir, fixture)).text);
  expected = JSON.parse(segdoc(['check', '--format', 'json', '.'], dir).stdout) as JsonReport;
  assert.equal(expected.files.length, 3);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe('--format junit', () => {
  test('is valid XML: one test suite per file, one test case per file and rule, failures with line:col', () => {
    const r = segdoc(['check', '--format', 'junit', '.'], dir);
    assert.equal(r.code, 1);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const suites = asArray(xml.testsuites.testsuite);
    assert.deepEqual(
      suites.map((s: { name: string }) => s.name),
      expected.files.map((f) => f.path),
    );
    for (const [i, suite] of suites.entries()) {
      const file = expected.files[i]!;
      const rules = [...new Set(file.diagnostics.map((d) => d.rule))];
      const cases = asArray(suite.testcase) as Array<{
        name: string;
        classname: string;
        failure?: { message: string; type: string };
      }>;
      assert.deepEqual(
        cases.map((c) => c.name),
        rules,
      );
      assert.equal(Number(suite.tests), rules.length);
      for (const c of cases) {
        assert.equal(c.classname, file.path);
        const failing = file.diagnostics.filter((d) => d.rule === c.name && (d.severity === 'error' || d.severity === 'warning'));
        if (!failing.length) {
          assert.equal(c.failure, undefined);
          continue;
        }
        const first = failing[0]!;
        assert.equal(c.failure!.message, `${first.range.start.line + 1}:${first.range.start.character + 1} ${first.message}`);
        assert.equal(c.failure!.type, first.severity);
      }
    }
  });

  test('escapes markup and drops characters XML cannot hold', () => {
    assert.equal(xmlEscape('a<b>&"c\'\u0001\n'), 'a&lt;b&gt;&amp;&quot;c&apos;&#10;');
  });
});

/** A workflow command read back the way the runner does: properties split on `,` and `=`, then unescaped. */
function parseCommand(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, line);
  const unescape = (s: string): string =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(
    m[2]!.split(',').map((p) => {
      const at = p.indexOf('=');
      return [p.slice(0, at), unescape(p.slice(at + 1))];
    }),
  );
  return { command: m[1]!, props, message: unescape(m[3]!) };
}

describe('--format github', () => {
  test('one annotation per finding, read back to the same file, place, rule and message', () => {
    const r = segdoc(['check', '--format', 'github', '.'], dir);
    const lines = r.stdout.split('\n').filter(Boolean);
    const all = expected.files.flatMap((f) => f.diagnostics.map((d) => ({ path: f.path, ...d })));
    assert.equal(lines.length, all.length);
    assert.ok(all.some((d) => d.message.includes('%')) && all.some((d) => d.path.includes(',')));
    for (const [i, line] of lines.entries()) {
      const d = all[i]!;
      const { command, props, message } = parseCommand(line);
      assert.equal(command, d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice');
      assert.deepEqual(props, {
        file: d.path,
        line: String(d.range.start.line + 1),
        col: String(d.range.start.character + 1),
        endLine: String(d.range.end.line + 1),
        endColumn: String(d.range.end.character + 1),
        title: `segdoc ${d.rule}`,
      });
      assert.equal(message, d.message);
    }
  });

  test('escapes as the runner requires', () => {
    assert.equal(githubData('50 %\r\nnext: a, b'), '50 %25%0D%0Anext: a, b');
    assert.equal(githubProperty('a: b, 5%'), 'a%3A b%2C 5%25');
  });
});

/** The cells of a Markdown table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  assert.match(row, /^\| .* \|$/);
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.trim());
}

describe('--format markdown', () => {
  test('a summary table, then a table of findings with rules linked to their pages', () => {
    const r = segdoc(['check', '--format', 'markdown', '.'], dir);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '### segdoc');
    assert.deepEqual(cells(lines[2]!), ['Files', 'Errors', 'Warnings', 'Infos']);
    const s = expected.summary;
    assert.deepEqual(cells(lines[4]!), [s.files, s.errors, s.warnings, s.infos].map(String));
    const rows = lines.slice(8);
    const all = expected.files.flatMap((f) => f.diagnostics.map((d) => ({ path: f.path, ...d })));
    assert.deepEqual(cells(lines[6]!), ['Where', 'Severity', 'Rule', 'Message']);
    assert.equal(rows.length, all.length);
    for (const [i, row] of rows.entries()) {
      const d = all[i]!;
      const [where, severity, rule, message] = cells(row);
      assert.equal(where, markdownCell(`${d.path}:${d.range.start.line + 1}`));
      assert.equal(severity, d.severity);
      assert.equal(rule, `[${d.rule}](${ruleDocUrl(d.rule)})`);
      assert.equal(message, markdownCell(d.message));
    }
  });

  test('escapes pipes, so that a cell stays one cell', () => {
    assert.equal(markdownCell('a | b \\ c\nd'), 'a \\| b \\\\ c<br>d');
    assert.equal(cells(`| ${markdownCell('x | y')} | z |`).length, 2);
  });
});

describe('--output', () => {
  test('several --format/--output pairs in one run; a --format without --output goes to stdout', () => {
    const r = segdoc(
      ['check', '-f', 'json', '-o', 'out.json', '--format', 'junit', '--output', 'out.xml', '-f', 'github', '.'],
      dir,
    );
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')), expected);
    assert.equal(XMLValidator.validate(readFileSync(path.join(dir, 'out.xml'), 'utf8')), true);
    assert.match(r.stdout, /^::(error|warning|notice) file=/);
    rmSync(path.join(dir, 'out.json'));
    rmSync(path.join(dir, 'out.xml'));
  });

  test('an --output before any --format takes the stylish report; two for one format are a usage error', () => {
    const r = segdoc(['check', '-o', 'out.txt', '.'], dir);
    assert.equal(r.stdout, '');
    assert.match(readFileSync(path.join(dir, 'out.txt'), 'utf8'), /✖ \d+ problems/);
    rmSync(path.join(dir, 'out.txt'));
    const twice = segdoc(['check', '-f', 'json', '-o', 'a.json', '-o', 'b.json', '.'], dir);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /--output b\.json follows another --output/);
  });

  test('a file that cannot be written is a problem, exit 2', () => {
    const r = segdoc(['check', '-f', 'json', '-o', path.join(dir, 'missing', 'out.json'), '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write .*out\.json: ENOENT/);
  });
});
