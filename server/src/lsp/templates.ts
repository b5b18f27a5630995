/**
 * Document templates over the protocol, for an editor's "New Document" command:
 *
 *   `segdoc/templates` (no params)                  → the document templates: kind, variant,
 *                                                     title and description in en and ru;
 *   `segdoc/template { kind, language, variant? }`  → `{ kind, variant, language, title,
 *                                                     text, snippet }`, or null for a kind,
 *                                                     language or variant there is none of
 *                                                     (blocks are snippets, not documents).
 *
 * Both come from services/templates.ts, that is from the kind schemas, so a client keeps no
 * template text (and no list of kinds) of its own. `snippet` is the same text with its
 * placeholders as snippet tabstops, for clients that can insert snippets.
 */
import { RequestType0, RequestType, type Connection } from 'vscode-languageserver';
import { TEMPLATE_METHOD, TEMPLATES_METHOD, type RenderedTemplate, type TemplateEntry, type TemplateParams } from '../protocol';
import { builtinKinds } from '../schemas/builtin';
import { DEFAULT_VARIANT, documentTemplates, renderTemplate, templateSpec } from '../services/templates';

export const TemplatesRequest = new RequestType0<TemplateEntry[], void>(TEMPLATES_METHOD);
export const TemplateRequest = new RequestType<TemplateParams, RenderedTemplate | null, void>(TEMPLATE_METHOD);

export function listenTemplates(connection: Connection, logError: (what: string, e: unknown) => void): void {
  connection.onRequest(TemplatesRequest, () => {
    try {
      return documentTemplates(builtinKinds());
    } catch (e) {
      logError('Listing the document templates failed', e);
      return [];
    }
  });
  connection.onRequest(TemplateRequest, (params) => {
    try {
      const kind = builtinKinds().find((k) => k.kind === params?.kind);
      const language = params?.language;
      if (!kind || (language !== 'en' && language !== 'ru')) return null;
      const variant = typeof params.variant === 'string' ? params.variant : DEFAULT_VARIANT;
      // Blocks (a pain point, a segment) are snippets to insert into a document, not documents.
      if (templateSpec(kind, variant)?.block !== undefined) return null;
      return renderTemplate(kind, language, variant) ?? null;
    } catch (e) {
      logError(`Building the ${String(params?.kind)} template failed`, e);
      return null;
    }
  });
}
