/**
 * Paths and URIs with the characters people put in folder and file names — `%`, `#`, `?`,
 * `&()`, spaces, Cyrillic, upper-case extensions — and symbolic links between folders:
 *
 * - a file path is never URI-decoded (`100%/dana.persona.md` is detected by its name);
 * - a URI made from a path names that path again, and URIs of one file spelt differently
 *   (`&` or `%26`) compare equal (lsp/uri.ts `uriKey`);
 * - the CLI's folder walk (cli/files.ts) and the server's (services/workspace-files.ts)
 *   report each real file once, whatever links lead to it, and match extensions in any case;
 * - the CLI reads only regular files, their size checked first (a FIFO, a link to /dev/zero);
 * - front matter naming an unknown kind is a finding, never silence (rule unknown-kind).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { collectFiles, readDocument } from '../../server/src/cli/files';
import { enginePathOf, fsPathOf, sameUri, uriKey, uriOfPath } from '../../server/src/lsp/uri';
import { lint } from '../../server/src/services/engine';
import { WorkspaceFiles } from '../../server/src/services/workspace-files';

const PERSONA = '# Dana\n\nShe runs the platform team.\n';
const NAMES = [
  '100%/dana.persona.md',
  'q #1/what?.persona.md',
  'a&b (1)/x.persona.md',
  'my docs/Дана.persona.md',
  '%E0%A4%A/bad.persona.md',
  'UPPER.PERSONA.MD',
];
const posix = process.platform !== 'win32';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'segdoc-paths-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const rel = (root: string, files: readonly string[]): string[] => files.map((f) => relative(root, f).split('\\').join('/'));

describe('kind detection by file name', () => {
  for (const name of NAMES) {
    test(`${name} is a persona by its name, the path taken as written`, () => {
      const result = lint(PERSONA, { path: `/work/${name}` });
      assert.equal(result.detection?.kind.kind, 'persona');
      assert.equal(result.detection?.source, 'file-name');
    });
  }

  test('a path that looks percent-encoded is not decoded', () => {
    // `%2Epersona.md` decoded would be `.persona.md`, a persona; as written it is not.
    assert.equal(lint(PERSONA, { path: '/work/dana%2Epersona%2Emd' }).detection, undefined);
  });
});

describe('URIs and paths', () => {
  const dir = posix ? '/tmp/segdoc' : 'C:\\segdoc';
  for (const name of NAMES) {
    test(`${name}: path → URI → path, and URIs spelt two ways are one`, () => {
      const path = join(dir, name);
      const uri = uriOfPath(path);
      assert.equal(fsPathOf(uri), path);
      assert.equal(enginePathOf(uri), path);
      // Node and VS Code encode differently (`&`, `(` are left alone by node).
      const node = pathToFileURL(path).href;
      assert.ok(sameUri(node, uri), `${node} and ${uri}`);
      assert.equal(uriKey(node), uriKey(uri));
    });
  }

  test('VS Code spelling: everything but letters, digits and -._~ is escaped', () => {
    if (!posix) return;
    assert.equal(uriOfPath('/tmp/a&b (1).md'), 'file:///tmp/a%26b%20%281%29.md');
    assert.equal(uriOfPath('/tmp/100%/q#?.md'), 'file:///tmp/100%25/q%23%3F.md');
  });

  test('different files stay different; lower- and upper-case escapes are one', () => {
    assert.ok(!sameUri('file:///tmp/a%26b.md', 'file:///tmp/a%2526b.md'));
    assert.ok(sameUri('file:///tmp/%d0%94.md', 'file:///tmp/%D0%94.md'));
    assert.ok(sameUri('untitled:Untitled-1', 'untitled:Untitled-1'));
    assert.ok(!sameUri('untitled:Untitled-1', 'untitled:Untitled-2'));
  });
});

describe('the folder walks', { skip: posix ? false : 'symbolic links need privileges on Windows' }, () => {
  function linkedTree(): string {
    const root = tree({
      'docs/a.persona.md': PERSONA,
      'docs/UPPER.PERSONA.MD': PERSONA,
      'docs/sub/b.MarkDown': PERSONA,
      'docs/100%/c.md': PERSONA,
      'outside/o.md': PERSONA,
    });
    // A loop (`sub/up → ..`), a second path to a file, and a link out of the folder.
    symlinkSync('..', join(root, 'docs/sub/up'));
    symlinkSync(join(root, 'docs/a.persona.md'), join(root, 'docs/sub/again.md'));
    symlinkSync(join(root, 'outside'), join(root, 'docs/elsewhere'));
    return root;
  }

  test('CLI: each real file once, links to folders followed but never round a loop, extensions in any case', async () => {
    const root = linkedTree();
    const docs = join(root, 'docs');
    const { files, problems } = await collectFiles(['.', 'a.persona.md', 'sub'], docs);
    assert.deepEqual(problems, []);
    assert.deepEqual(rel(docs, files), ['100%/c.md', 'UPPER.PERSONA.MD', 'a.persona.md', 'elsewhere/o.md', 'sub/b.MarkDown']);
  });

  test('server: links are not followed, each file once, extensions in any case', async () => {
    const root = linkedTree();
    const docs = join(root, 'docs');
    // The same folder twice (once under another name) is walked once.
    const walk = await new WorkspaceFiles().walk([docs, join(docs, 'sub')], { maxFiles: 100, maxDirectories: 100, maxDepth: 10 });
    assert.deepEqual(
      rel(
        docs,
        walk.files.map((f) => f.path),
      ).sort(),
      ['100%/c.md', 'UPPER.PERSONA.MD', 'a.persona.md', 'sub/b.MarkDown'],
    );
  });
});

describe('reading documents (CLI)', { skip: posix ? false : 'FIFOs and /dev/zero are POSIX' }, () => {
  test('a regular file is read; a FIFO, a link to /dev/zero and a file over the limit are refused before reading', () => {
    const root = tree({ 'ok.md': PERSONA, 'big.md': 'x'.repeat(2000) });
    execFileSync('mkfifo', [join(root, 'pipe.persona.md')]);
    symlinkSync('/dev/zero', join(root, 'zero.persona.md'));
    assert.deepEqual(readDocument(join(root, 'ok.md')), { text: PERSONA });
    assert.deepEqual(readDocument(join(root, 'pipe.persona.md')), { reason: 'not-a-file' });
    assert.deepEqual(readDocument(join(root, 'zero.persona.md')), { reason: 'not-a-file' });
    assert.deepEqual(readDocument(join(root, 'big.md'), 1000), { reason: 'too-large', size: 2000, limit: 1000 });
    assert.deepEqual(readDocument(join(root, 'missing.md')), { reason: 'unreadable', detail: 'ENOENT' });
  });
});

describe('front matter naming an unknown kind', () => {
  const text = (kind: string, title = '# Dana\n') => `---\nsegdoc: ${kind}\n---\n${title}\nShe runs the platform team.\n`;

  test('with nothing else telling the kind: one finding at the value, with a fix', () => {
    const result = lint(text('personna'), { path: 'notes.md' });
    assert.equal(result.detection, undefined);
    assert.deepEqual(
      result.findings.map((f) => [f.rule, f.severity, f.message, result.doc.text.slice(f.span.start, f.span.end)]),
      [['unknown-kind', 'error', 'Unknown document kind "personna"; did you mean "persona"?', 'personna']],
    );
    assert.deepEqual(
      result.findings[0]!.fixes.map((f) => [f.title, f.edits[0]!.newText]),
      [['Change to "persona"', 'persona']],
    );
  });

  test('the file name or the title still tell the kind, and the document is checked as that', () => {
    const byName = lint(text('personna'), { path: 'dana.persona.md' });
    assert.equal(byName.detection?.kind.kind, 'persona');
    assert.equal(byName.detection?.source, 'file-name');
    assert.ok(byName.findings.some((f) => f.rule === 'unknown-kind'));
    assert.ok(byName.findings.some((f) => f.rule === 'required-section'));
    const byTitle = lint(text('"GTM strategy"', '# GTM Strategy: Stratus Fleet\n'), { path: 'launch.md' });
    assert.equal(byTitle.detection?.kind.kind, 'gtm');
    assert.deepEqual(
      byTitle.findings.filter((f) => f.rule === 'unknown-kind').map((f) => f.message),
      ['Unknown document kind "GTM strategy"; expected one of: persona, segmentation, gtm, prioritization'],
    );
  });

  test('a known kind in any case is no finding; the rule can be turned off or disabled', () => {
    assert.ok(!lint(text('Persona'), { path: 'notes.md' }).findings.some((f) => f.rule === 'unknown-kind'));
    const off = lint(text('personna'), { path: 'notes.md', config: { rules: { 'unknown-kind': 'off' } } });
    assert.deepEqual([off.detection, off.findings], [undefined, []]);
    const warn = lint(text('personna'), { path: 'notes.md', config: { rules: { 'unknown-kind': 'warning' } } });
    assert.deepEqual(
      warn.findings.map((f) => f.severity),
      ['warning'],
    );
    // A file-level disable comment: after the front matter, above the first heading.
    const disabled = lint(text('personna').replace('---\n#', '---\n<!-- segdoc-disable unknown-kind -->\n#'), {
      path: 'notes.md',
    });
    assert.ok(disabled.doc.frontMatter && disabled.doc.comments.length === 1);
    assert.deepEqual(disabled.findings, []);
  });

  test('front matter YAML warnings are not printed on every check (the process stays quiet)', async () => {
    const warnings: Error[] = [];
    const listener = (w: Error): void => {
      warnings.push(w);
    };
    process.on('warning', listener);
    try {
      for (let i = 0; i < 3; i++)
        lint(`---\nsegdoc: persona\nowner: !team${i} Platform\n---\n# Persona: Dana\n`, { path: 'dana.md' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    assert.deepEqual(
      warnings.map((w) => w.message),
      [],
    );
  });

  test('in Russian', () => {
    const result = lint(text('персона', '# Дана\n'), { path: 'заметки.md', locale: 'ru' });
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['Неизвестный вид документа «персона»; ожидается один из: persona, segmentation, gtm, prioritization'],
    );
  });
});
