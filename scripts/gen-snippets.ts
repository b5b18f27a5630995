/**
 * Generates snippets/segdoc.code-snippets from the kind schemas (schemas/*.schema.json, read
 * through server/src/schemas/builtin.ts), so that snippets keep no template text of their own.
 *
 *   npx tsx scripts/gen-snippets.ts          writes the file
 *   npx tsx scripts/gen-snippets.ts --check  exits 1 when the committed file is stale
 *
 * Each kind gets one snippet per language: the title template, then every section the kind
 * requires (a required section, or the section a required top-level property stands for,
 * such as the prioritization matrix), in template order, each as the required-section quick
 * fix would insert it. Bracketed placeholders become tabstops whose default text is the
 * placeholder itself, so an untouched snippet is still flagged by the `placeholder` rule.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Language } from '../server/src/model/types';
import { sectionText } from '../server/src/rules/util/insert';
import { builtinKinds } from '../server/src/schemas/builtin';
import { detectKind } from '../server/src/schemas/detect';
import { pick, type KindSchema, type SectionSpec } from '../server/src/schemas/kinds';
import { buildDocument } from '../server/src/model/build';

export interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

export const SNIPPETS_PATH = resolve(__dirname, '..', 'snippets', 'segdoc.code-snippets');

const LANGUAGES: readonly Language[] = ['en', 'ru'];

/**
 * What counts as a template placeholder inside a template: `[Text]` (with an optional `$`
 * before it, which stays literal so that typing `2M` gives `$2M`) and date templates. Links,
 * task-list boxes and footnotes are not placeholders. This deliberately does not reuse the
 * `placeholder` rule's finder: that one must be conservative about `[label]: …` in user text
 * (it could be a link definition), while in a template every bracket is a placeholder.
 */
const PLACEHOLDER = /\[([^[\]\n]{1,120})\](?!\()|\b(?:YYYY-MM-DD|YYYY-MM|DD\.MM\.YYYY|ГГГГ-ММ-ДД|ДД\.ММ\.ГГГГ)\b/gu;

function isPlaceholder(match: RegExpExecArray): boolean {
  const inner = match[1];
  if (inner === undefined) return true;
  return !/^[ xX]$/.test(inner) && !inner.startsWith('^');
}

/** Escapes text for a snippet body: `$`, `}` and `\` are special in the snippet grammar. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Turns plain template text into snippet text, numbering tabstops from `next.value`. */
function toSnippet(text: string, next: { value: number }): string {
  let out = '';
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m; m = PLACEHOLDER.exec(text)) {
    if (!isPlaceholder(m)) continue;
    out += escapeSnippetText(text.slice(last, m.index));
    out += `\${${next.value++}:${escapeSnippetText(m[0])}}`;
    last = m.index + m[0].length;
  }
  return out + escapeSnippetText(text.slice(last));
}

/** Sections a new document of this kind must have, in template order. */
export function snippetSections(kind: KindSchema): SectionSpec[] {
  const wanted = new Set(kind.sections.filter((s) => s.required).map((s) => s.id));
  // A required top-level property that stands for a section (`x-segdoc.section`), such as
  // the prioritization kind's `matrices`, makes that section's template part of the snippet.
  for (const name of kind.json.required ?? []) {
    const section = kind.json.properties?.[name]?.['x-segdoc']?.section;
    if (section) wanted.add(section);
  }
  return kind.sections.filter((s) => wanted.has(s.id));
}

/** The plain Markdown of a new document of this kind (what the snippet inserts by default). */
export function templateText(kind: KindSchema, language: Language, frontMatter: boolean): string {
  const parts = [pick(kind.titleTemplate, language) + '\n'];
  for (const spec of snippetSections(kind)) parts.push(sectionText(spec, kind.sectionDepth, language));
  const body = parts.join('\n');
  return frontMatter ? `---\nsegdoc: ${kind.kind}\n---\n\n${body}` : body;
}

/** Whether a document starting with the kind's title template alone is detected as the kind. */
function titleDetects(kind: KindSchema, language: Language): boolean {
  const doc = buildDocument(templateText(kind, language, false), { path: 'untitled.md' });
  return detectKind(doc, builtinKinds())?.kind.kind === kind.kind;
}

export function generateSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const kind of builtinKinds()) {
    for (const language of LANGUAGES) {
      const text = templateText(kind, language, !titleDetects(kind, language));
      const snippet = toSnippet(text, { value: 1 });
      const name = `segdoc: ${pick(kind.title, language)}`;
      out[name] = {
        prefix: language === 'en' ? kind.kind : `${kind.kind}-${language}`,
        body: snippet.replace(/\n$/, '').split('\n'),
        description: pick(kind.description, language),
      };
    }
  }
  return out;
}

/** The file's exact text, so the drift test can compare bytes. */
export function renderSnippetsFile(): string {
  return JSON.stringify(generateSnippets(), null, 2) + '\n';
}

if (require.main === module) {
  const text = renderSnippetsFile();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SNIPPETS_PATH, 'utf8');
    } catch {
      // A missing file is stale too.
    }
    if (current !== text) {
      console.error(`${SNIPPETS_PATH} is stale: run npx tsx scripts/gen-snippets.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(SNIPPETS_PATH, text);
    console.log(`wrote ${join('snippets', 'segdoc.code-snippets')} (${Object.keys(JSON.parse(text)).length} snippets)`);
  }
}
