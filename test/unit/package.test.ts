/**
 * The VSIX holds exactly what the installed extension runs with (.vscodeignore is an
 * allow-list), its manifest's localized strings and file references resolve, and the
 * packaged server starts on its own, with no node_modules next to it.
 *
 * The test packs the dist/ bundles that are already built (`npm test` builds them first;
 * alone, run `node scripts/build.mjs` before). It does not rebuild them itself: other test
 * files run at the same time and use dist/server.js.
 */
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import yauzl from 'yauzl';

const root = resolve(__dirname, '..', '..');

/** Every file the VSIX may hold. Anything else (sources, maps, tests, dist/cli.js, node_modules) fails the test. */
const ALLOWED: readonly (string | RegExp)[] = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.ru.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/parse-worker.js',
  'extension/snippets/segdoc.code-snippets',
  /^extension\/schemas\/[a-z-]+\.schema(\.[a-z]{2})?\.json$/,
  'extension/client/media/icon.png',
];

/** Files that must be there for the extension to work. */
const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.ru.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/parse-worker.js',
  'extension/snippets/segdoc.code-snippets',
  'extension/schemas/persona.schema.json',
  'extension/schemas/segmentation.schema.json',
  'extension/schemas/gtm.schema.json',
  'extension/schemas/prioritization.schema.json',
  'extension/schemas/config.schema.json',
  'extension/schemas/config.schema.ru.json',
];

function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolvePromise(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Every `%key%` string anywhere in the manifest. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(value)) value.forEach((v) => nlsKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => nlsKeys(v, out));
  return out;
}

describe('VSIX package', () => {
  let dir = '';
  let vsix = '';
  let files = new Map<string, Buffer>();

  before(async () => {
    for (const bundle of ['dist/client.js', 'dist/server.js']) {
      assert.ok(existsSync(join(root, bundle)), `${bundle} is missing: run node scripts/build.mjs first`);
    }
    dir = mkdtempSync(join(tmpdir(), 'segdoc-vsix-'));
    vsix = join(dir, 'segdoc.vsix');
    const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout}\n${r.stderr}`);
    files = await readZip(vsix);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('holds only the allow-listed files', (t) => {
    t.diagnostic(`VSIX size: ${(statSync(vsix).size / 1024).toFixed(1)} KB, ${files.size} files`);
    const extra = [...files.keys()].filter((name) => !ALLOWED.some((a) => (typeof a === 'string' ? a === name : a.test(name))));
    assert.deepEqual(extra, [], 'files outside the allow-list in the VSIX');
    const missing = REQUIRED.filter((name) => !files.has(name));
    assert.deepEqual(missing, [], 'files missing from the VSIX');
  });

  test('the manifest references only files inside the VSIX, and every %key% is translated', () => {
    const manifest = JSON.parse(files.get('extension/package.json')!.toString('utf8'));
    const inside = (p: string): boolean => files.has(`extension/${p.replace(/^\.\//, '')}`);
    assert.ok(inside(manifest.main), `main ${manifest.main} is in the VSIX`);
    assert.ok(inside(manifest.icon), `icon ${manifest.icon} is in the VSIX`);
    for (const s of manifest.contributes.snippets ?? []) assert.ok(inside(s.path), `snippets ${s.path} are in the VSIX`);
    // The config schema is served by the extension in the user's language (client/src/config-schema.ts)
    // from the files the VSIX holds for each language.
    for (const v of manifest.contributes.jsonValidation ?? []) {
      if (v.url === 'segdoc-schema://segdoc/config.schema.json') {
        assert.ok(
          manifest.activationEvents.includes('onFileSystem:segdoc-schema'),
          'asking for the schema activates the extension',
        );
        for (const f of ['schemas/config.schema.json', 'schemas/config.schema.ru.json'])
          assert.ok(inside(f), `${f} is in the VSIX`);
      } else assert.ok(inside(v.url), `JSON schema ${v.url} is in the VSIX`);
    }
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'segdoc.restartServer'));

    const keys = nlsKeys(manifest);
    assert.ok(keys.has('displayName') && keys.has('description') && keys.has('command.restartServer'));
    for (const nls of ['extension/package.nls.json', 'extension/package.nls.ru.json']) {
      const strings = JSON.parse(files.get(nls)!.toString('utf8')) as Record<string, string>;
      const untranslated = [...keys].filter((k) => typeof strings[k] !== 'string' || !strings[k]);
      assert.deepEqual(untranslated, [], `${nls} translates every %key% of package.json`);
      const unused = Object.keys(strings).filter((k) => !keys.has(k));
      assert.deepEqual(unused, [], `${nls} has no keys package.json does not use`);
    }
    const ru = JSON.parse(files.get('extension/package.nls.ru.json')!.toString('utf8')) as Record<string, string>;
    assert.match(ru['command.restartServer']!, /[а-яё]/iu, 'the Russian manifest strings are in Russian');
  });

  test('the client bundle needs nothing but vscode and node built-ins', () => {
    const client = files.get('extension/dist/client.js')!.toString('utf8');
    const builtins = new Set(builtinModules);
    const required = new Set([...client.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
    const foreign = [...required].filter((m) => m !== 'vscode' && !m.startsWith('node:') && !builtins.has(m));
    assert.deepEqual(foreign, [], 'modules the client would look for in a node_modules the VSIX does not have');
  });

  test(
    'the packaged server starts alone and answers initialize over IPC, as the client starts it',
    { timeout: 60_000 },
    async () => {
      // Unpack only the server, into a folder with no node_modules anywhere above it.
      const ext = join(dir, 'unpacked');
      mkdirSync(join(ext, 'dist'), { recursive: true });
      const server = join(ext, 'dist', 'server.js');
      writeFileSync(server, files.get('extension/dist/server.js')!);
      const child = fork(server, ['--node-ipc'], { cwd: ext, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      try {
        const reply = await new Promise<{ id?: number; result?: { capabilities?: object }; error?: unknown }>(
          (resolveReply, reject) => {
            child.on('message', (m: { id?: number }) => {
              if (m.id === 1) resolveReply(m);
            });
            child.on('exit', (code) =>
              reject(new Error(`the server exited (code ${code}) before answering initialize:\n${stderr}`)),
            );
            child.on('error', reject);
            child.send({
              jsonrpc: '2.0',
              id: 1,
              method: 'initialize',
              params: {
                processId: process.pid,
                rootUri: null,
                capabilities: {},
                initializationOptions: { settings: {}, locale: 'en' },
              },
            });
          },
        );
        assert.equal(reply.error, undefined, `initialize failed: ${JSON.stringify(reply.error)}`);
        assert.ok(reply.result?.capabilities, 'the server reports its capabilities');
      } finally {
        child.kill();
      }
    },
  );
});
