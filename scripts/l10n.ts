/**
 * The English l10n bundle (l10n/bundle.l10n.json): every text segdoc shows a user, collected
 * from the message catalogues in the code, in the @vscode/l10n bundle format (key → text;
 * a plural form's key is `<text>/<plural category>` with the category as its comment). It is
 * what translators work from; each `l10n/bundle.l10n.<locale>.json` translates its keys, and
 * test/unit/l10n.test.ts proves that every locale's bundle is complete.
 *
 *   node --import tsx scripts/l10n.ts          writes l10n/bundle.l10n.json
 *   node --import tsx scripts/l10n.ts --check  exits 1 when the committed file is stale
 *
 * {@link SOURCES} names every module that calls `localize` / `localizeCount` and the
 * catalogues it translates; the l10n test fails when a module localizes text and is not
 * listed here, so no text can escape the bundles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogue as clientMessages } from '../client/src/messages';
import { help as cliHelp, messages as cliMessages, nouns as cliNouns } from '../server/src/cli/messages';
import { pluralCategories, pluralKey, type Locale, type Plural } from '../server/src/l10n';
import { counts as lspCounts, messages as lspMessages } from '../server/src/lsp/messages';
import { texts as workspaceCheckTexts } from '../server/src/lsp/workspace-check';
import { rules } from '../server/src/rules/registry';
import { optionDescriptions, schemaTexts } from '../server/src/services/config';
import { texts as completionTexts } from '../server/src/services/completion';
import { texts as hoverTexts } from '../server/src/services/hover';
import { nouns as scoreNouns, texts as scoreTexts } from '../server/src/services/scores';

/** A catalogue: texts and plurals by id. */
type Catalogue = Record<string, string | Plural>;

const ruleCatalogues: Catalogue[] = rules.map((rule) => ({ description: rule.description, ...rule.messages }));

/** Module (relative to the repository) → the catalogues of the texts it localizes. */
export const SOURCES: Record<string, Catalogue[]> = {
  // Rule messages and descriptions, localized by the engine, the config loader, hover and SARIF.
  'server/src/services/rule-message.ts': ruleCatalogues,
  // The config file's schema (schemas/config.schema.<locale>.json): its own texts, and the
  // rules' descriptions and the descriptions in their options schemas.
  'server/src/services/config/messages.ts': [
    ...ruleCatalogues,
    schemaTexts,
    Object.fromEntries(rules.flatMap(optionDescriptions).map((d) => [d, d])),
  ],
  'server/src/cli/report.ts': ruleCatalogues,
  'server/src/services/hover.ts': [hoverTexts, ...ruleCatalogues],
  'server/src/services/completion.ts': [completionTexts],
  'server/src/services/scores.ts': [scoreTexts, scoreNouns],
  'server/src/lsp/messages.ts': [lspMessages, lspCounts],
  'server/src/lsp/workspace-check.ts': [workspaceCheckTexts],
  'server/src/cli/messages.ts': [{ help: cliHelp }, cliMessages, cliNouns],
  'client/src/messages.ts': [clientMessages],
};

export const BUNDLE_PATH = resolve(__dirname, '..', 'l10n', 'bundle.l10n.json');

/** A bundle entry: a text, or a text with a translator's comment (the plural category). */
export type BundleEntry = string | { message: string; comment: string[] };

function isPlural(value: string | Plural): value is Plural {
  return typeof value === 'object';
}

/** Every English text by bundle key, in key order. */
export function englishBundle(): Record<string, BundleEntry> {
  const entries = new Map<string, BundleEntry>();
  for (const catalogues of Object.values(SOURCES)) {
    for (const catalogue of catalogues) {
      for (const value of Object.values(catalogue)) {
        if (!isPlural(value)) {
          entries.set(value, value);
          continue;
        }
        for (const category of pluralCategories('en')) {
          entries.set(pluralKey(value, category), { message: category === 'one' ? value.one : value.other, comment: [category] });
        }
      }
    }
  }
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The keys a locale's bundle must translate: every text, and each plural in each of the locale's categories. */
export function expectedKeys(locale: Locale): string[] {
  const keys = new Set<string>();
  for (const catalogues of Object.values(SOURCES)) {
    for (const catalogue of catalogues) {
      for (const value of Object.values(catalogue)) {
        if (!isPlural(value)) keys.add(value);
        else for (const category of pluralCategories(locale)) keys.add(pluralKey(value, category));
      }
    }
  }
  return [...keys].sort();
}

export function bundleText(): string {
  return `${JSON.stringify(englishBundle(), null, 2)}\n`;
}

if (require.main === module) {
  const next = bundleText();
  if (process.argv.includes('--check')) {
    if (readFileSync(BUNDLE_PATH, 'utf8') !== next) {
      console.error('l10n/bundle.l10n.json is stale: run `npm run l10n`.');
      process.exit(1);
    }
  } else {
    writeFileSync(BUNDLE_PATH, next);
    console.log(`wrote ${Object.keys(englishBundle()).length} texts to l10n/bundle.l10n.json`);
  }
}
