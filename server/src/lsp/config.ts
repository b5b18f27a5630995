/**
 * Which `.segdoc.json` applies to a document, for the language server. The loading and
 * checking is services/config.ts (shared with the CLI); this adds what only an editor has:
 * unsaved config buffers (an open `.segdoc.json` is linted against as the user types, and
 * its problems are reported from the buffer), and the set of files whose change must
 * trigger a re-check.
 */
import * as path from 'node:path';
import type { Language } from '../model/types';
import { CONFIG_FILE_NAME, findConfigFile, lintOptionsFor, loadConfigFile, type LoadedConfig } from '../services/config';
import type { LintOptions } from '../services/engine';

/** An open editor buffer: what the editor holds instead of the file on disk. */
export interface Buffer {
  version: number;
  text: string;
}

export interface DocumentConfig {
  /** The config file that applies, when there is one. */
  loaded?: LoadedConfig;
  /** What to pass to `lint()`. */
  options: Pick<LintOptions, 'config' | 'relativePath'>;
}

export class ConfigStore {
  /** Configs parsed from open buffers, by path, valid for one buffer version, locale and trust. */
  private readonly fromBuffers = new Map<string, { version: number; locale: string; loaded: LoadedConfig }>();
  /**
   * Whether the workspace is trusted (Workspace Trust): in an untrusted one the kind schema
   * files configs point to are not read (services/config.ts `trusted`). Set by the server.
   */
  trusted = true;
  /** Every file some loaded config was read from (configs and their schema files). */
  private readonly dependencies = new Set<string>();

  /** `buffer(path)` returns the open editor buffer of a file, if it is open. */
  constructor(private readonly buffer: (fsPath: string) => Buffer | undefined) {}

  /** The config for a document at `fsPath` (none for documents that are not files). */
  forDocument(fsPath: string | undefined, locale: Language | undefined): DocumentConfig {
    if (fsPath === undefined) return { options: {} };
    const configPath = findConfigFile(fsPath);
    if (!configPath) return { options: {} };
    const loaded = this.load(configPath, locale);
    return { loaded, options: lintOptionsFor(loaded, fsPath) };
  }

  /** One config file, from its open buffer when it has one. */
  load(configPath: string, locale: Language | undefined): LoadedConfig {
    const abs = path.resolve(configPath);
    const buf = this.buffer(abs);
    let loaded: LoadedConfig;
    if (buf) {
      const key = `${locale ?? ''}${this.trusted ? '' : '\0untrusted'}`;
      const hit = this.fromBuffers.get(abs);
      if (hit && hit.version === buf.version && hit.locale === key) return hit.loaded;
      loaded = loadConfigFile(abs, { text: buf.text, trusted: this.trusted, ...(locale ? { locale } : {}) });
      this.fromBuffers.set(abs, { version: buf.version, locale: key, loaded });
    } else {
      this.fromBuffers.delete(abs);
      loaded = loadConfigFile(abs, { trusted: this.trusted, ...(locale ? { locale } : {}) });
    }
    for (const d of loaded.dependencies) this.dependencies.add(path.resolve(d));
    return loaded;
  }

  /** Whether a change to `fsPath` can change what documents are checked against. */
  affects(fsPath: string): boolean {
    const abs = path.resolve(fsPath);
    return path.basename(abs) === CONFIG_FILE_NAME || this.dependencies.has(abs);
  }

  /** Forgets every config parsed from a buffer (trust changed: they are read again). */
  clear(): void {
    this.fromBuffers.clear();
  }

  /** Forgets what was parsed from a buffer (it was closed: the file on disk applies again). */
  closed(fsPath: string): void {
    this.fromBuffers.delete(path.resolve(fsPath));
  }
}
