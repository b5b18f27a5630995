/**
 * The diagnostics of `.segdoc.json` files, reported in the config file itself (open or not),
 * and what changes on disk and in trust do to them. Which config applies to a document is
 * config.ts; what was last sent for each config file is remembered in DiagnosticsState, so
 * that only changes go out.
 */
import { FileChangeType, type Diagnostic, type FileEvent, type PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Language } from '../model/types';
import { clearConfigCache, type LoadedConfig } from '../services/config';
import type { ConfigStore } from './config';
import { configDiagnostic } from './convert';
import type { DiagnosticsState } from './diagnostics-state';
import { fsPathOf, isConfigFile, uriOfPath } from './uri';

export interface ConfigFilesHost {
  /** The version of the open document at `uri`, undefined when it is not open. */
  openVersion(uri: string): number | undefined;
  /** The language of the config files' messages. */
  locale(): Language | undefined;
  send(params: PublishDiagnosticsParams): void;
  logError(what: string, e: unknown): void;
}

export class ConfigFiles {
  constructor(
    private readonly configs: ConfigStore,
    private readonly state: DiagnosticsState,
    private readonly host: ConfigFilesHost,
  ) {}

  /** Loads a config file (from its open buffer, when it has one) and publishes its diagnostics. */
  publishFile(fsPath: string): void {
    try {
      const locale = this.host.locale();
      this.publish(this.configs.load(fsPath, locale));
    } catch (e) {
      this.host.logError(`Loading ${fsPath} failed`, e);
    }
  }

  /** Publishes a loaded config's diagnostics, unless the same ones are out for the same version. */
  publish(loaded: LoadedConfig): void {
    if (!loaded.path) return;
    const uri = this.state.openAt(loaded.path) ?? uriOfPath(loaded.path);
    const diagnostics: Diagnostic[] = loaded.diagnostics.map(configDiagnostic);
    const version = this.host.openVersion(uri);
    if (!this.state.publishConfig(uri, `${version ?? ''}\n${JSON.stringify(diagnostics)}`)) return;
    this.host.send({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
  }

  /**
   * Watched files changed on disk. Config files nobody has open are reported again (or, when
   * deleted, lose their diagnostics). Returns whether a config or a schema file changed, so
   * that the documents are to be checked again.
   */
  watchedChanged(changes: readonly FileEvent[]): boolean {
    let relevant = false;
    for (const change of changes) {
      const fsPath = fsPathOf(change.uri);
      if (fsPath === undefined || !(this.configs.affects(fsPath) || /\.schema\.json$/i.test(fsPath))) continue;
      relevant = true;
      if (!isConfigFile(change.uri) || this.state.isOpen(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.state.forgetConfig(change.uri);
        this.host.send({ uri: change.uri, diagnostics: [] });
      }
    }
    if (!relevant) return false;
    clearConfigCache();
    for (const change of changes) {
      const fsPath = fsPathOf(change.uri);
      if (fsPath !== undefined && isConfigFile(change.uri) && change.type !== FileChangeType.Deleted) this.publishFile(fsPath);
    }
    return true;
  }

  /**
   * The user trusted the folder (or took trust back): configs are read again and reported.
   * Returns whether trust changed, so that the documents are to be checked again.
   */
  trustChanged(trusted: boolean): boolean {
    if (trusted === this.configs.trusted) return false;
    this.configs.trusted = trusted;
    this.configs.clear();
    clearConfigCache();
    for (const fsPath of this.paths()) this.publishFile(fsPath);
    return true;
  }

  /** Config files diagnostics were published for, or open: their warnings change with trust. */
  private paths(): string[] {
    const paths = new Set<string>();
    for (const uri of [...this.state.configUris(), ...this.state.openUris()]) {
      const fsPath = isConfigFile(uri) ? fsPathOf(uri) : undefined;
      if (fsPath !== undefined) paths.add(fsPath);
    }
    return [...paths];
  }
}
