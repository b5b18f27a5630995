/**
 * The editor settings of the `segdoc` section (package.json `contributes.configuration`)
 * as the server sees them. They can arrive three ways, because the server must not assume
 * that its client is VS Code: `initializationOptions.settings`, `workspace/configuration`
 * (pulled per document when the client supports it) and `workspace/didChangeConfiguration`
 * (pushed by clients that cannot be asked). Whatever arrives is sanitised here, so a wrong
 * value from a hand-written client configuration falls back to the default instead of
 * breaking the scheduler.
 */
import type { Language } from '../model/types';

export type ValidateMode = 'onType' | 'onSave';
export type LanguageSetting = 'auto' | 'en' | 'ru';

export interface ServerSettings {
  validate: ValidateMode;
  debounceMs: number;
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  validate: 'onType',
  debounceMs: 200,
  language: 'auto',
});

/** Longest debounce accepted; anything larger is surely a mistake and would look like a hang. */
const MAX_DEBOUNCE_MS = 60_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads the `segdoc` settings out of whatever a client sent: the section itself
 * (`{ validate }`), an object holding it (`{ segdoc: { validate } }`) or flat dotted keys
 * (`{ "segdoc.validate": … }`, as some clients forward a settings file verbatim).
 */
export function settingsSection(raw: unknown): Record<string, unknown> {
  if (!isObject(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('segdoc.')) out[k.slice('segdoc.'.length)] = v;
  }
  if (isObject(raw['segdoc'])) Object.assign(out, raw['segdoc']);
  for (const k of ['validate', 'debounceMs', 'language'] as const) {
    if (k in raw && !(k in out)) out[k] = raw[k];
  }
  return out;
}

/** Overlays the valid values of `raw` (any of the shapes above) on `base`. */
export function mergeSettings(base: Readonly<ServerSettings>, raw: unknown): ServerSettings {
  const s = settingsSection(raw);
  const out: ServerSettings = { ...base };
  if (s['validate'] === 'onType' || s['validate'] === 'onSave') out.validate = s['validate'];
  const debounce = typeof s['debounceMs'] === 'string' ? Number(s['debounceMs']) : s['debounceMs'];
  if (typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0) {
    out.debounceMs = Math.min(Math.round(debounce), MAX_DEBOUNCE_MS);
  }
  if (s['language'] === 'auto' || s['language'] === 'en' || s['language'] === 'ru') out.language = s['language'];
  return out;
}

/**
 * Maps a BCP 47 tag from the client (`ru`, `ru-RU`, `en-us`) to a message language. A POSIX
 * name that is no locale (`C`, `POSIX`, `C.UTF-8`: what a client started from a bare shell
 * may forward from its environment) says nothing, like a missing one: the engine then uses
 * each document's language.
 */
export function languageOfLocale(locale: unknown): Language | undefined {
  if (typeof locale !== 'string' || !locale.trim()) return undefined;
  const tag = locale.trim();
  if (/^(C|POSIX)([._@].*)?$/i.test(tag)) return undefined;
  return /^ru(\b|[-_])/i.test(tag) ? 'ru' : 'en';
}

/**
 * The language of messages: the setting when it names one, else the editor's display
 * language. Undefined lets the engine fall back to the document's own language, which is
 * the best guess when the client told us nothing.
 */
export function messageLanguage(settings: ServerSettings, clientLocale: Language | undefined): Language | undefined {
  return settings.language === 'auto' ? clientLocale : settings.language;
}

/** How the server asks the client for a document's settings (`workspace/configuration`). */
export interface SettingsClient {
  ask(uri: string): Promise<unknown>;
  logError(what: string, e: unknown): void;
}

/**
 * The settings of each document as far as the server knows them: asked from the client once
 * per document (when it answers `workspace/configuration`), then kept until they change;
 * for clients that cannot be asked, the initial settings overlaid with pushed ones.
 */
export class DocumentSettings {
  /** Whether the client answers `workspace/configuration`. */
  private canAsk = false;
  /** Defaults overlaid with initializationOptions.settings. */
  private base: ServerSettings = { ...DEFAULT_SETTINGS };
  /** Settings pushed by didChangeConfiguration, for clients that cannot be asked. */
  private pushed: ServerSettings | undefined;
  private readonly requests = new Map<string, Promise<ServerSettings>>();
  /** Settings already received, so that a change can be scheduled without waiting. */
  private readonly received = new Map<string, ServerSettings>();
  /** Bumped when the editor settings change: answers from before are outdated. */
  private epoch = 0;

  constructor(private readonly client: SettingsClient) {}

  initialize(canAsk: boolean, initialSettings: unknown): void {
    this.canAsk = canAsk;
    this.base = mergeSettings(DEFAULT_SETTINGS, initialSettings);
  }

  /** The settings initialization gave (defaults overlaid with initializationOptions). */
  get initial(): ServerSettings {
    return this.base;
  }

  /** The settings when no document is involved (config files), and for clients that cannot be asked. */
  general(): ServerSettings {
    return this.pushed ?? this.base;
  }

  /** The settings for a document: asked from the client once, then kept until they change. */
  for(uri: string): Promise<ServerSettings> {
    if (!this.canAsk) return Promise.resolve(this.general());
    let request = this.requests.get(uri);
    if (!request) {
      const epoch = this.epoch;
      request = this.client.ask(uri).then(
        (raw: unknown) => mergeSettings(this.base, raw),
        (e: unknown) => {
          this.client.logError('workspace/configuration failed; using the initial settings', e);
          return this.base;
        },
      );
      request = request.then((s) => {
        // A configuration change while the request was out makes this answer outdated.
        if (epoch === this.epoch) this.received.set(uri, s);
        return s;
      });
      this.requests.set(uri, request);
    }
    return request;
  }

  /** A document's settings if they are at hand without asking the client; undefined when they must be asked for. */
  known(uri: string): ServerSettings | undefined {
    return this.received.get(uri) ?? (this.canAsk ? undefined : this.general());
  }

  /** A document's settings as received, else the general ones (for a debounce delay, which cannot wait). */
  knownOrGeneral(uri: string): ServerSettings {
    return this.received.get(uri) ?? this.general();
  }

  /** didChangeConfiguration: every answer is outdated; `pushed` counts for clients that cannot be asked. */
  changed(pushed: unknown): void {
    this.requests.clear();
    this.received.clear();
    this.epoch++;
    if (!this.canAsk && Object.keys(settingsSection(pushed)).length) this.pushed = mergeSettings(this.base, pushed);
  }

  closed(uri: string): void {
    this.requests.delete(uri);
    this.received.delete(uri);
  }
}
