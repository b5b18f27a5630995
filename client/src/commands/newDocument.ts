/**
 * "segdoc: New Document": a quick pick of the document templates (kind × language, and the
 * comprehensive persona) → a new untitled Markdown document with the template inserted as a
 * snippet, so that Tab walks through its placeholders. The list and the text come from the
 * server (`segdoc/templates`, `segdoc/template`), which builds them from the kind schemas:
 * the client keeps no template text and no list of kinds.
 *
 * The command also takes `{ kind, language, variant? }` as its argument, skipping the pick
 * (for keybindings and tests). It resolves to the new editor, or undefined when nothing was
 * created.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  TEMPLATE_METHOD,
  TEMPLATES_METHOD,
  type RenderedTemplate,
  type TemplateEntry,
  type TemplateParams,
} from '../../../server/src/protocol';
import { t, type ClientLanguage } from '../messages';

export const NEW_DOCUMENT = 'segdoc.newDocument';

type DocLanguage = TemplateParams['language'];

/** A template to create a document from: the `segdoc/template` params. */
export type TemplateChoice = TemplateParams;

interface TemplateItem extends vscode.QuickPickItem {
  choice: TemplateChoice;
}

function isChoice(arg: unknown): arg is TemplateChoice {
  const a = arg as Partial<TemplateChoice> | undefined;
  return (
    typeof a?.kind === 'string' &&
    (a.language === 'en' || a.language === 'ru') &&
    (a.variant === undefined || typeof a.variant === 'string')
  );
}

/**
 * The quick pick's items: each template in both languages, the user's own language first,
 * titled in the user's language, with the document language as description.
 */
export function templateItems(entries: readonly TemplateEntry[], ui: ClientLanguage): TemplateItem[] {
  const order: DocLanguage[] = ui === 'ru' ? ['ru', 'en'] : ['en', 'ru'];
  return entries.flatMap((e) =>
    order.map((language) => ({
      label: `$(new-file) ${e.title[ui]}`,
      description: t(language === 'en' ? 'languageEn' : 'languageRu', ui),
      detail: e.description[ui],
      choice: { kind: e.kind, language, variant: e.variant },
    })),
  );
}

export async function newDocument(
  client: LanguageClient,
  ready: Promise<void>,
  language: () => ClientLanguage,
  arg?: unknown,
): Promise<vscode.TextEditor | undefined> {
  const ui = language();
  try {
    await ready;
  } catch {
    // The start failure was reported when it happened; here it only means no templates.
  }
  if (!client.isRunning()) {
    void vscode.window.showErrorMessage(t('templatesUnavailable', ui));
    return undefined;
  }
  let choice: TemplateChoice | undefined = isChoice(arg) ? arg : undefined;
  if (!choice) {
    const entries = await client.sendRequest<TemplateEntry[]>(TEMPLATES_METHOD);
    const picked = await vscode.window.showQuickPick(templateItems(entries, ui), {
      placeHolder: t('newDocumentPlaceholder', ui),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    choice = picked?.choice;
  }
  if (!choice) return undefined;
  const template = await client.sendRequest<RenderedTemplate | null>(TEMPLATE_METHOD, choice);
  if (!template) return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await editor.insertSnippet(new vscode.SnippetString(template.snippet), new vscode.Position(0, 0));
  return editor;
}
