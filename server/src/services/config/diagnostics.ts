/**
 * Diagnostics of the `config` rule: each problem of a config file (or of a kind schema it
 * names) located in the config file, its message in the user's language.
 */
import * as path from 'node:path';
import type { Language } from '../../model/types';
import { LineIndex, type Range, type Span } from '../../parse/text';
import type { GlobProblem } from '../../schemas/glob-limits';
import type { MessageArgs } from '../../l10n';
import type { ValueProblem } from '../schema-values';
import { configMessage } from './messages';
import type { JsonNode } from './jsonc';

export interface ConfigDiagnostic {
  rule: 'config';
  /** Problems of the file are errors; a schema left unloaded in an untrusted folder is a warning. */
  severity: 'error' | 'warning';
  message: string;
  messageId: string;
  args: MessageArgs;
  /** The file the diagnostic is in: the config file. */
  path: string;
  span: Span;
  range: Range;
}

export function makeDiagnostic(
  file: string,
  lines: LineIndex,
  locale: Language,
  id: string,
  args: MessageArgs,
  span: Span,
): ConfigDiagnostic {
  return {
    rule: 'config',
    severity: id === 'untrusted' ? 'warning' : 'error',
    message: configMessage(id, args, locale),
    messageId: id,
    args,
    path: file,
    span,
    range: lines.rangeOf(span),
  };
}

export function globArgs(glob: string, problem: GlobProblem): MessageArgs {
  return 'limit' in problem ? { glob, limit: problem.limit } : { glob };
}

/** One config file being loaded: where its diagnostics go, and what it was read from. */
export class ConfigReport {
  readonly diagnostics: ConfigDiagnostic[] = [];
  /** Every file read: the config file and the schema files it names. */
  readonly dependencies: string[];
  readonly lines: LineIndex;
  /** Folder of the config file: schema paths are relative to it. */
  readonly dir: string;
  /** The values the config schema refused, and every value holding one: the loader does not use them. */
  private readonly refused = new Set<JsonNode>();

  constructor(
    readonly file: string,
    readonly text: string,
    public locale: Language,
  ) {
    this.lines = new LineIndex(text);
    this.dir = path.dirname(file);
    this.dependencies = [file];
  }

  report(id: string, args: MessageArgs, span: Span): void {
    this.diagnostics.push(makeDiagnostic(this.file, this.lines, this.locale, id, args, span));
  }

  /**
   * A problem of the config's shape (services/config/validate.ts) at `span`, about the last
   * value of `way` (the values from the root down to it), which the loader then leaves out.
   */
  reportShape(id: string, args: MessageArgs, span: Span, way: readonly JsonNode[]): void {
    this.report(id, args, span);
    for (const node of way) this.refused.add(node);
  }

  /** Whether the config schema refused this value or something inside it. */
  refuses(node: JsonNode): boolean {
    return this.refused.has(node);
  }

  /**
   * A problem inside a schema file: reported at the config's reference to the file (`span`),
   * the message naming the line and column in the schema.
   */
  reportInSchema(file: string, lines: LineIndex, offset: number, id: string, args: MessageArgs, span: Span): void {
    const pos = lines.positionAt(offset);
    const detail = configMessage(id, args, this.locale);
    this.report('schemaAt', { file, line: pos.line + 1, column: pos.character + 1, detail }, span);
  }

  reportValueProblem(file: string, lines: LineIndex, p: ValueProblem, span: Span): void {
    if (p.id === 'badValue') {
      const expected = configMessage(`expect.${p.expected}`, {}, this.locale);
      this.reportInSchema(file, lines, p.node.offset, 'valueMustBe', { property: p.property, expected }, span);
    } else if (p.id === 'badPattern') {
      this.reportInSchema(file, lines, p.node.offset, 'patternUnsupported', { pattern: p.pattern, detail: p.detail }, span);
    } else {
      this.reportInSchema(file, lines, p.node.offset, p.problem.id, globArgs(p.glob, p.problem), span);
    }
  }
}
