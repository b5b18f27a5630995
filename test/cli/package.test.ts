/**
 * The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
 * temporary prefix, offline (the bundles in dist/ hold every runtime dependency, so the
 * install needs nothing from the registry), then both installed commands run from there:
 * `segdoc check` on a document, and `segdoc-language-server` initialized over stdio.
 *
 * It packs the dist/ bundles already built (`npm test` builds them first; alone, run
 * `node scripts/build.mjs` before) with --ignore-scripts, so the `prepare` build does not
 * replace dist/ under the other test files running at the same time. Skips only when npm
 * itself cannot be run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { LIMIT, messageOf, ofRule, TestClient } from '../protocol/client';
import { cleanEnv, installPackage, npmMissing, run, type Installed } from './installed';
import { repoRoot } from './run-cli';

const fixture = path.join(repoRoot, 'test', 'other-editors', 'fixtures', 'irina.persona.md');
/** The line of the fixture with a value outside the field's list (0-based line 48). */
const BAD_LINE = '- **Роль в решении**: Техничский оцнщик';

const missing = npmMissing();
const skip = missing ? `${missing}; the package test needs it` : false;

let pkg: Installed;
let tmp: string;
let packed: string[];
let binDir: string;
let installed: string;

before(() => {
  if (skip) return;
  pkg = installPackage();
  ({ tmp, packed, binDir, packageDir: installed } = pkg);
});
after(() => pkg?.cleanup());

describe('the npm package', { skip }, () => {
  test('the tarball holds what runs and nothing else', () => {
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/segdoc.js',
      'bin/segdoc-language-server.js',
      'dist/cli.js',
      'dist/server.js',
      'schemas/config.schema.json',
      'schemas/persona.schema.json',
      'snippets/segdoc.code-snippets',
    ]) {
      assert.ok(packed.includes(required), `${required} is missing from the tarball: ${packed.join(', ')}`);
    }
    const allowed =
      /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/[\w-]+\.js|dist\/[\w-]+\.js|schemas\/[\w.-]+\.json|snippets\/[\w.-]+)$/;
    assert.deepEqual(
      packed.filter((f) => !allowed.test(f)),
      [],
    );
    // The VS Code client bundle needs the editor's `vscode` module; it belongs in the VSIX only.
    assert.ok(!packed.includes('dist/client.js'));
  });

  test('the install took nothing from the registry', () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      dependencies?: object;
      private?: boolean;
    };
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.dependencies ?? {}, {});
    assert.ok(!existsSync(path.join(installed, 'node_modules')), 'the installed package has a node_modules folder');
  });

  test('segdoc check reports a finding in a document', () => {
    const docs = path.join(tmp, 'docs');
    mkdirSync(docs, { recursive: true });
    writeFileSync(path.join(docs, 'irina.persona.md'), readFileSync(fixture));
    const r = run(
      path.join(binDir, 'segdoc'),
      ['check', '--format', 'json', '--lang', 'en', 'irina.persona.md'],
      docs,
      cleanEnv({ LANG: 'C', SEGDOC_TODAY: '2026-11-23' }),
    );
    assert.equal(r.stderr, '');
    const report = JSON.parse(r.stdout) as {
      files: Array<{ path: string; diagnostics: Array<{ rule: string; message: string; range: object }> }>;
    };
    const findings = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.rule === 'field-value').map((d) => ({ path: f.path, message: d.message, range: d.range })),
    );
    assert.equal(findings.length, 1, r.stdout);
    assert.equal(findings[0]!.path, 'irina.persona.md');
    assert.match(findings[0]!.message, /"Техничский оцнщик".*"Роль в решении"/);
    assert.deepEqual(findings[0]!.range, { start: { line: 48, character: 22 }, end: { line: 48, character: 39 } });

    const version = run(path.join(binDir, 'segdoc'), ['--version'], docs);
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /\d+\.\d+\.\d+/);
  });

  test('segdoc-language-server speaks LSP over stdio and publishes diagnostics', LIMIT, async (t) => {
    const child = spawn(path.join(binDir, 'segdoc-language-server'), [], {
      cwd: tmp,
      env: cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    const client = await TestClient.start({
      transport: {
        reader: new StreamMessageReader(child.stdout),
        writer: new StreamMessageWriter(child.stdin),
        dispose: () => child.stdin.end(),
      },
      initializationOptions: { locale: 'en' },
    });
    t.after(async () => {
      await client.stop();
      if (child.exitCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    });
    assert.equal(client.initializeResult.serverInfo?.name, 'segdoc');
    const uri = pathToFileURL(path.join(tmp, 'irina.persona.md')).href;
    const published = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.open(uri, readFileSync(fixture, 'utf8'));
    const [d, ...more] = ofRule(await published, 'field-value');
    assert.equal(more.length, 0);
    assert.match(messageOf(d!), /^"Техничский оцнщик" is not an allowed value of "Роль в решении"/);
    // UTF-16 columns on a Cyrillic line: the value starts after 22 code units.
    assert.deepEqual(d!.range, {
      start: { line: 48, character: BAD_LINE.indexOf('Техничский') },
      end: { line: 48, character: BAD_LINE.length },
    });
    assert.equal(stderr, '');
  });

  test('a wrong command line gets one line of usage and exit code 2', () => {
    for (const args of [['--help'], ['--version'], ['lsp'], ['--socket=x']]) {
      const r = run(path.join(binDir, 'segdoc-language-server'), args, tmp);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        /^Usage: segdoc-language-server \[--stdio \| --node-ipc \| --socket=<port> \| --pipe=<name>\]: .*\n$/,
      );
    }
    // The bundle itself without a transport: the same line, not minified code in a stack trace.
    const bare = run(process.execPath, [path.join(installed, 'dist', 'server.js')], tmp);
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /^Usage: segdoc-language-server [^\n]*\n$/);
    const ru = run(path.join(binDir, 'segdoc-language-server'), ['--help'], tmp, cleanEnv({ LANG: 'ru_RU.UTF-8' }));
    assert.match(ru.stderr, /^Использование: segdoc-language-server /);
  });
});
