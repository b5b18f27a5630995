/**
 * Checking a document's text as the language server does: with the `.segdoc.json` that
 * applies (from its open buffer, when it has one), the message language, the rules, "today"
 * and the workspace's segments. The chunks are parsed in the pool, the rules run on this
 * thread. Rule failures and slow checks are logged; a check that crashes resolves to
 * undefined and leaves the published diagnostics as they were.
 */
import type { Language } from '../model/types';
import type { ParseLimits } from '../parse/markdown';
import type { Rule, WorkspaceContext } from '../rules/types';
import type { LoadedConfig } from '../services/config';
import { lintAsync, type LintOptions, type LintResult } from '../services/engine';
import type { ParsePool } from '../services/parse-pool';
import type { ConfigStore } from './config';
import type { Checked } from './diagnostics-state';
import type { ServerSettings } from './settings';
import { enginePathOf, fsPathOf } from './uri';

/** A check slower than this is logged, so that a slow document can be found in the output. */
const SLOW_CHECK_MS = 1000;

export interface CheckOptions {
  rules: readonly Rule<object>[];
  /** "Today" for date rules (tests). */
  now?: () => Date;
  /** Parse limits instead of the defaults. */
  limits?: ParseLimits;
}

export interface CheckerHost {
  /** The editor's display language, when the client said. */
  clientLocale(): Language | undefined;
  /** The segments the workspace defines; undefined until they are known (workspace-segments.ts). */
  workspace(): WorkspaceContext | undefined;
  /** A config file was read for a check: its own diagnostics are to be published. */
  configLoaded(loaded: LoadedConfig): void;
  /** A check of an open document finished (before whoever asked for it hears of it). */
  checked(uri: string, checked: Checked): void;
  /** A check ran, whatever its outcome (memory.ts collects garbage after work). */
  worked(): void;
  warn(message: string): void;
  logError(what: string, e: unknown): void;
}

export class DocumentChecker {
  constructor(
    private readonly configs: ConfigStore,
    private readonly pool: ParsePool,
    private readonly options: CheckOptions,
    private readonly host: CheckerHost,
  ) {}

  /** Lints `text` as the document at `uri`, with the settings that apply to it; also for files on disk. */
  async lint(uri: string, text: string, settings: ServerSettings): Promise<{ result: LintResult; loaded?: LoadedConfig }> {
    const { options, loaded } = this.lintOptions(uri, settings);
    const result = await lintAsync(text, this.pool, options);
    return loaded ? { result, loaded } : { result };
  }

  /** Checks one version of an open document; undefined when the check itself crashed. */
  async check(
    uri: string,
    version: number,
    text: string,
    settings: ServerSettings,
    generation: number,
  ): Promise<Checked | undefined> {
    const started = performance.now();
    try {
      const { result, loaded } = await this.lint(uri, text, settings);
      // The engine isolates rules: one that throws loses only its own findings.
      for (const { rule, error } of result.ruleErrors) {
        this.host.logError(`Rule "${rule}" failed while checking ${uri}; its findings are missing`, error);
      }
      if (loaded) this.host.configLoaded(loaded);
      const checked: Checked = { version, generation, result };
      this.host.checked(uri, checked);
      return checked;
    } catch (e) {
      this.host.logError(`Checking ${uri} (version ${version}) failed; its diagnostics were not updated`, e);
      return undefined;
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_CHECK_MS) this.host.warn(`Checking ${uri} took ${Math.round(ms)} ms (${text.length} characters)`);
      this.host.worked();
    }
  }

  /** What lint() is given for the document at `uri`: its config, the message language, the rules, "today". */
  private lintOptions(uri: string, settings: ServerSettings): { options: LintOptions; loaded?: LoadedConfig } {
    // The user's explicit choice wins, then the language the team's config asks for, then
    // the editor's display language; with none of them the engine uses the document's.
    const explicit = settings.language === 'auto' ? undefined : settings.language;
    const clientLocale = this.host.clientLocale();
    const dc = this.configs.forDocument(fsPathOf(uri), explicit ?? clientLocale);
    const locale = explicit ?? dc.loaded?.language ?? clientLocale;
    const options: LintOptions = {
      path: enginePathOf(uri),
      ...dc.options,
      ...(locale ? { locale } : {}),
      rules: this.options.rules,
      ...(this.options.now ? { now: this.options.now() } : {}),
      ...(this.options.limits ? { limits: this.options.limits } : {}),
    };
    const workspace = this.host.workspace();
    if (workspace) options.workspace = { ...workspace, self: uri };
    return dc.loaded ? { options, loaded: dc.loaded } : { options };
  }
}
