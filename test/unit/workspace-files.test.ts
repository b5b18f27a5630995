/**
 * The workspace walk shared by workspace symbols and Check Workspace
 * (server/src/services/workspace-files.ts): which files it finds, in what order, where its
 * bounds cut it, and that it sees changes made between walks.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { WorkspaceFiles, type WalkLimits } from '../../server/src/services/workspace-files';

const WIDE: WalkLimits = { maxFiles: 1000, maxDirectories: 1000, maxDepth: 10 };

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function workspace(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'segdoc-walk-'));
  roots.push(root);
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), '# x\n');
  }
  return root;
}

const names = (root: string, files: { path: string }[]): string[] =>
  files.map((f) => relative(root, f.path).split('\\').join('/'));

describe('WorkspaceFiles', () => {
  test('Markdown files only, breadth first and in name order; node_modules and dot folders skipped', async () => {
    const root = workspace([
      'b.md',
      'a.markdown',
      'notes.txt',
      'docs/z.md',
      'docs/deep/y.md',
      'node_modules/pkg/readme.md',
      '.git/x.md',
      '.vscode/y.md',
      'c/.hidden.md',
    ]);
    const walk = await new WorkspaceFiles().walk([root], WIDE);
    assert.deepEqual(names(root, walk.files), ['a.markdown', 'b.md', 'c/.hidden.md', 'docs/z.md', 'docs/deep/y.md']);
    assert.deepEqual([walk.truncated, walk.cancelled], [false, false]);
    assert.ok(walk.files.every((f) => f.root === root));
  });

  test('symbolic links, to files or folders, are not followed', async (t) => {
    const root = workspace(['real/a.md']);
    const outside = workspace(['secret.md']);
    try {
      symlinkSync(outside, join(root, 'link'), 'dir');
      symlinkSync(join(root, 'real', 'a.md'), join(root, 'alias.md'), 'file');
      symlinkSync(root, join(root, 'real', 'loop'), 'dir');
    } catch {
      t.skip('symbolic links cannot be created here');
      return;
    }
    const walk = await new WorkspaceFiles().walk([root], WIDE);
    assert.deepEqual(names(root, walk.files), ['real/a.md']);
  });

  test('the bounds cut the walk and say so: files, depth, directories', async () => {
    const root = workspace(['a.md', 'b.md', 'sub/c.md', 'sub/deeper/d.md']);
    const files = await new WorkspaceFiles().walk([root], { ...WIDE, maxFiles: 3 });
    assert.deepEqual([names(root, files.files), files.truncated], [['a.md', 'b.md', 'sub/c.md'], true]);
    const exact = await new WorkspaceFiles().walk([root], { ...WIDE, maxFiles: 4 });
    assert.deepEqual([exact.files.length, exact.truncated], [4, false]);
    const shallow = await new WorkspaceFiles().walk([root], { ...WIDE, maxDepth: 1 });
    assert.deepEqual([names(root, shallow.files), shallow.truncated], [['a.md', 'b.md', 'sub/c.md'], true]);
    const dirs = await new WorkspaceFiles().walk([root], { ...WIDE, maxDirectories: 1 });
    assert.deepEqual([names(root, dirs.files), dirs.truncated], [['a.md', 'b.md'], true]);
  });

  test('several roots: each file knows its root; a missing root is skipped', async () => {
    const one = workspace(['one.md']);
    const two = workspace(['two.md']);
    const walk = await new WorkspaceFiles().walk([one, join(one, 'missing'), two], WIDE);
    assert.deepEqual(
      walk.files.map((f) => [relative(f.root, f.path), f.root]),
      [
        ['one.md', one],
        ['two.md', two],
      ],
    );
  });

  test('a second walk sees files added and removed since the first', async () => {
    const root = workspace(['a.md', 'sub/b.md']);
    const walker = new WorkspaceFiles();
    assert.equal((await walker.walk([root], WIDE)).files.length, 2);
    writeFileSync(join(root, 'sub', 'c.md'), '# c\n');
    rmSync(join(root, 'a.md'));
    // Coarse file-system clocks: make sure the folders' modification times moved.
    const later = new Date(Date.now() + 5000);
    utimesSync(root, later, later);
    utimesSync(join(root, 'sub'), later, later);
    assert.deepEqual(names(root, (await walker.walk([root], WIDE)).files), ['sub/b.md', 'sub/c.md']);
  });

  test('cancelling stops the walk and says so', async () => {
    const root = workspace(['a.md', 'sub/b.md']);
    let asked = 0;
    const walk = await new WorkspaceFiles().walk([root], WIDE, () => ++asked > 1);
    assert.deepEqual([names(root, walk.files), walk.cancelled], [['a.md'], true]);
  });
});
