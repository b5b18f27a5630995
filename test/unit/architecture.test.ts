/**
 * Architecture invariants (ARCHITECTURE.md), enforced on the source tree:
 * imports go one way, l10n → parse → model → schemas → rules → services → protocol → lsp | cli,
 * only server/src/lsp imports the protocol connection, and the client takes from the server
 * only the l10n module and the protocol's types.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '..', '..');
const src = join(root, 'server', 'src');
const LAYERS = ['l10n', 'parse', 'model', 'schemas', 'rules', 'services', 'protocol', 'lsp', 'cli'];
/** Layers each layer may import from (itself included). lsp and cli are siblings. */
const allowed: Record<string, string[]> = {
  l10n: ['l10n'],
  parse: ['l10n', 'parse'],
  model: ['l10n', 'parse', 'model'],
  schemas: ['l10n', 'parse', 'model', 'schemas'],
  rules: ['l10n', 'parse', 'model', 'schemas', 'rules'],
  services: ['l10n', 'parse', 'model', 'schemas', 'rules', 'services'],
  protocol: ['l10n', 'parse', 'model', 'schemas', 'rules', 'services', 'protocol'],
  lsp: ['l10n', 'parse', 'model', 'schemas', 'rules', 'services', 'protocol', 'lsp'],
  cli: ['l10n', 'parse', 'model', 'schemas', 'rules', 'services', 'cli'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re =
    /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

test('every server source file sits in a known layer', () => {
  for (const f of files(src)) {
    const layer = relative(src, f).split(/[\\/]/)[0]!;
    assert.ok(LAYERS.includes(layer), `${relative(root, f)} is outside the layers ${LAYERS.join(', ')}`);
  }
});

test('layers import one way: l10n → parse → model → schemas → rules → services → protocol → lsp | cli', () => {
  const violations: string[] = [];
  for (const f of files(src)) {
    const layer = relative(src, f).split(/[\\/]/)[0]!;
    for (const spec of imports(f)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(f), spec);
      if (!target.startsWith(src)) continue;
      const targetLayer = relative(src, target).split(/[\\/]/)[0]!;
      if (!allowed[layer]!.includes(targetLayer))
        violations.push(`${relative(root, f)} imports ${spec} (${layer} → ${targetLayer})`);
    }
  }
  assert.deepEqual(violations, []);
});

test('only server/src/lsp imports vscode-languageserver, and the client never imports the engine', () => {
  const violations: string[] = [];
  for (const f of files(src)) {
    const layer = relative(src, f).split(/[\\/]/)[0]!;
    for (const spec of imports(f)) {
      if (/^vscode-languageserver(\/|$)/.test(spec) && layer !== 'lsp') violations.push(`${relative(root, f)} imports ${spec}`);
      if (spec === 'vscode') violations.push(`${relative(root, f)} imports vscode`);
    }
  }
  for (const f of files(join(root, 'client', 'src'))) {
    for (const spec of imports(f)) {
      if (spec.includes('server/src') && !/server\/src\/(l10n|protocol)$/.test(spec))
        violations.push(`${relative(root, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('server/src/protocol holds only types and method names: it brings nothing of the engine into the client', () => {
  const violations: string[] = [];
  for (const f of files(join(src, 'protocol'))) {
    const text = readFileSync(f, 'utf8');
    const re = /^\s*(import|export)\s+(?!type\b)[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) violations.push(`${relative(root, f)}: ${m[0].trim()}`);
  }
  assert.deepEqual(violations, []);
});

test('l10n imports nothing of segdoc but its bundles', () => {
  const violations: string[] = [];
  for (const f of files(join(src, 'l10n'))) {
    for (const spec of imports(f)) {
      if (spec.startsWith('.') && !/\/l10n\/bundle\.l10n\.[\w-]+\.json$/.test(spec))
        violations.push(`${relative(root, f)} imports ${spec}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('ESLint keeps remark in parse/ and mdast in parse/ and model/fragment.ts', async () => {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: root });
  const probe =
    "import type { Root } from 'mdast';\nimport { unified } from 'unified';\nexport type T = Root;\nexport const u = unified;\n";
  const restricted = async (file: string) => {
    const [result] = await eslint.lintText(probe, { filePath: join(root, file) });
    return result!.messages
      .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
      .map((m) => m.message.split(' ')[0]);
  };
  assert.deepEqual(await restricted('server/src/rules/probe.ts'), ["'mdast'", "'unified'"], 'a rule may import neither');
  assert.deepEqual(await restricted('server/src/model/fragment.ts'), ["'unified'"], 'fragment.ts reads mdast, never remark');
  assert.deepEqual(await restricted('server/src/parse/probe.ts'), [], 'parse/ may import both');
});
