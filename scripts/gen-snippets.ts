/**
 * Generates snippets/segdoc.code-snippets from the kind schemas (schemas/*.schema.json, read
 * through server/src/schemas/builtin.ts), so that snippets keep no template text of their own.
 *
 *   npx tsx scripts/gen-snippets.ts          writes the file
 *   npx tsx scripts/gen-snippets.ts --check  exits 1 when the committed file is stale
 *
 * One snippet per template and language (server/src/services/templates.ts): each kind's
 * default document (its required sections), the document variants and the blocks its schema
 * lists under `x-segdoc.templates` (the comprehensive persona, a pain point, an objection, a
 * JTBD statement, a positioning statement, a hybrid segment). Bracketed placeholders become
 * tabstops whose default text is the placeholder itself, so an untouched snippet is still
 * flagged by the `placeholder` rule. The "New Document" command inserts the same snippets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Language } from '../server/src/model/types';
import { builtinKinds } from '../server/src/schemas/builtin';
import { pick, type KindSchema } from '../server/src/schemas/kinds';
import { LANGUAGES, templateSpecs, templateText, toSnippet, type TemplateSpec } from '../server/src/services/templates';

export interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

export const SNIPPETS_PATH = resolve(__dirname, '..', 'snippets', 'segdoc.code-snippets');

/** Where a snippet comes from: a template of a kind, in a language. */
export interface SnippetSource {
  name: string;
  kind: KindSchema;
  spec: TemplateSpec;
  language: Language;
  snippet: Snippet;
}

/** The snippet prefix of a template in a language: `persona`, `persona-ru`. */
export function snippetPrefix(spec: TemplateSpec, language: Language): string {
  return language === 'en' ? spec.prefix : `${spec.prefix}-${language}`;
}

/** Every snippet with where it came from, in file order (kind by kind, template by template). */
export function snippetSources(): SnippetSource[] {
  const out: SnippetSource[] = [];
  for (const kind of builtinKinds()) {
    for (const spec of templateSpecs(kind)) {
      for (const language of LANGUAGES) {
        const name = `segdoc: ${pick(spec.title, language)}`;
        if (out.some((s) => s.name === name)) throw new Error(`two snippets would be named "${name}"`);
        const snippet = toSnippet(templateText(kind, spec, language));
        out.push({
          name,
          kind,
          spec,
          language,
          snippet: {
            prefix: snippetPrefix(spec, language),
            body: snippet.replace(/\n$/, '').split('\n'),
            description: pick(spec.description, language),
          },
        });
      }
    }
  }
  return out;
}

export function generateSnippets(): Record<string, Snippet> {
  return Object.fromEntries(snippetSources().map((s) => [s.name, s.snippet]));
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
