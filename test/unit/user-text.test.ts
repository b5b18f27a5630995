/**
 * Nothing a user reads says "seed". The methodology segdoc is built from is, for users, a set
 * of frameworks they can recognise — the persona template, the five segment criteria, the
 * prioritization matrix, the GTM template (docs/methodology.md) — not the internal files the
 * developers call seeds. Code comments, tests, ARCHITECTURE.md and CONTRIBUTING.md (for
 * developers) may keep the word.
 *
 * The texts are collected from where they live, not listed here: the l10n bundles; every
 * catalogue the l10n script collects (rule descriptions and messages, option descriptions,
 * hover, completion, scores, CLI, language server and client texts) and, straight from the
 * rule registry, each rule's texts; the manifest and its nls files; every string of the kind
 * and config schemas (titles, descriptions, templates, aliases, enum values and examples all
 * reach the user); the snippets; README.md, CHANGELOG.md and docs/**\/*.md.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { rules } from '../../server/src/rules/registry';
import { englishBundle } from '../../scripts/l10n';

const root = join(__dirname, '..', '..');
const SEED = /seed/i;

/** Developer pages under docs/ (benchmark method and figures), like ARCHITECTURE.md. */
const DEVELOPER_DOCS = new Set(['docs/performance.md']);

/** Every string in a JSON value, with the JSON path it is at. */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}/${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}/${k}`));
  return [];
}

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

/** Where each text comes from → the text. */
function userTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const name of readdirSync(join(root, 'l10n')).filter((n) => n.endsWith('.json'))) {
    for (const [key, value] of strings(readJson(`l10n/${name}`))) out.push([`l10n/${name}${key}`, value]);
  }
  for (const [key, entry] of Object.entries(englishBundle()))
    out.push([`catalogue: ${key.slice(0, 40)}`, typeof entry === 'string' ? entry : entry.message]);
  for (const rule of rules) {
    for (const [key, value] of strings({
      description: rule.description,
      messages: rule.messages,
      options: rule.optionsSchema ?? {},
    }))
      out.push([`rule ${rule.id}${key}`, value]);
  }
  const manifest = readJson('package.json') as Record<string, unknown>;
  for (const field of ['displayName', 'description', 'keywords', 'categories', 'contributes']) {
    for (const [key, value] of strings(manifest[field])) out.push([`package.json/${field}${key}`, value]);
  }
  for (const name of readdirSync(root).filter((n) => /^package\.nls(\.[\w-]+)?\.json$/.test(n))) {
    for (const [key, value] of strings(readJson(name))) out.push([`${name}${key}`, value]);
  }
  for (const name of readdirSync(join(root, 'schemas')).filter((n) => n.endsWith('.json'))) {
    for (const [key, value] of strings(readJson(`schemas/${name}`))) out.push([`schemas/${name}${key}`, value]);
  }
  for (const name of readdirSync(join(root, 'snippets')))
    out.push([`snippets/${name}`, readFileSync(join(root, 'snippets', name), 'utf8')]);
  for (const file of [join(root, 'README.md'), join(root, 'CHANGELOG.md'), ...markdownFiles(join(root, 'docs'))]) {
    const rel = relative(root, file).split('\\').join('/');
    if (DEVELOPER_DOCS.has(rel)) continue;
    assert.ok(existsSync(file), `${rel} exists`);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => out.push([`${rel}:${i + 1}`, line]));
  }
  return out;
}

test('the texts users see are collected from every source (the check below has something to check)', () => {
  const texts = userTexts();
  const from = (prefix: string): number => texts.filter(([where]) => where.startsWith(prefix)).length;
  assert.ok(from('catalogue: ') > 300, 'the catalogues of the code');
  assert.ok(from('l10n/bundle.l10n.ru.json') > 300, 'the Russian bundle');
  assert.ok(from('rule ') > rules.length * 2, 'the rule registry');
  assert.ok(from('schemas/persona.schema.json') > 100, 'the kind schemas');
  assert.ok(from('package.nls.ru.json') > 10, 'the manifest texts');
  assert.ok(from('docs/rules/') > 100, 'the rule pages');
  assert.ok(from('README.md:') > 50, 'README.md');
});

test('no user-facing text says "seed": name the framework instead (docs/methodology.md)', () => {
  const found = userTexts()
    .filter(([, text]) => SEED.test(text))
    .map(
      ([where, text]) =>
        `${where}: ${text.slice(Math.max(0, text.search(SEED) - 60), text.search(SEED) + 60).replace(/\s+/g, ' ')}`,
    );
  assert.deepEqual(found, []);
});
