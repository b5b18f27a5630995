/**
 * Helpers for the extension-host suite. Everything here uses only the `vscode` API (and the
 * extension's public exports), so the suite runs the same in desktop VS Code
 * (@vscode/test-electron) and in code-server. Waits are on events — diagnostics changes,
 * the language client's state — each bounded by a timeout that only turns a hang into a
 * readable failure.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'segdoc.segdoc';

/** vscode-languageclient's `State`; copied so that the suite does not bundle the client library. */
export const ClientState = { Stopped: 1, Running: 2, Starting: 3 } as const;

/** The part of vscode-languageclient's `LanguageClient` that the suite uses. */
export interface ClientLike {
  readonly state: number;
  onDidChangeState(listener: (e: { oldState: number; newState: number }) => void): vscode.Disposable;
  readonly initializeResult?: { capabilities: Record<string, unknown> };
}

/** What the extension's activate() returns. */
export interface SegdocApi {
  client: ClientLike;
  ready: Promise<unknown>;
}

/** Timings the suite measures; the reporter writes them into the results file. */
export const metrics: Record<string, number> = {};

export function extension(): vscode.Extension<SegdocApi> {
  const ext = vscode.extensions.getExtension<SegdocApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this editor`);
  return ext;
}

/** Activates the extension (once) and waits until its language client runs. */
export async function api(): Promise<SegdocApi> {
  const exports = await extension().activate();
  if (!exports || !exports.client) throw new Error('activate() must return { client, ready }');
  await exports.ready;
  return exports;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tests need a workspace folder (the copy of test/editor/workspace)');
  return folder.uri;
}

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Reads a workspace file as text. */
export async function readText(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
}

let scratchCounter = 0;

/**
 * Writes `text` to a new file under scratch/ and opens it in an editor. Each test works on
 * its own file, so that a quick fix applied by one test cannot change what another sees.
 * `name` keeps the fixture's suffix (`.persona.md`), which is part of kind detection.
 */
export async function openScratch(name: string, text: string): Promise<vscode.TextEditor> {
  scratchCounter += 1;
  const uri = workspaceUri(`scratch/${scratchCounter}-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Opens a copy of a workspace fixture, see openScratch. */
export async function openCopy(fixture: string): Promise<vscode.TextEditor> {
  return openScratch(fixture.split('/').pop()!, await readText(fixture));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

function describe(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(none)';
  return diags
    .map(
      (d) =>
        `${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
    )
    .join('\n    ');
}

export function describeDiagnostics(uri: vscode.Uri): string {
  return describe(vscode.languages.getDiagnostics(uri));
}

export interface WaitOptions {
  /** Only diagnostics published after the wait started count; the current ones are not tested. */
  fresh?: boolean;
  timeoutMs?: number;
}

/**
 * Resolves with the document's diagnostics as soon as `predicate` holds for them: at once
 * when it already does (unless `fresh`), else on the first onDidChangeDiagnostics for the
 * document after which it does.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!options.fresh) {
    const now = vscode.languages.getDiagnostics(uri);
    if (predicate(now)) return Promise.resolve(now);
  }
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `no diagnostics event within ${timeoutMs} ms made this true: ${what}\n  ${uri.path} has:\n    ${describeDiagnostics(uri)}`,
        ),
      );
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      const diags = vscode.languages.getDiagnostics(uri);
      if (!predicate(diags)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(diags);
    });
  });
}

/** Waits until the document has at least one diagnostic with `code`. */
export function waitForCode(uri: vscode.Uri, code: string, options: WaitOptions = {}): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === code), `a ${code} diagnostic`, options);
}

/**
 * Resolves when the client reaches `state`, after having left it if it was there at the
 * start (a restart: Running → Stopped/Starting → Running).
 */
export function waitForClientState(
  client: ClientLike,
  state: number,
  what: string,
  timeoutMs = 30_000,
): { done: Promise<void>; dispose(): void } {
  let left = client.state !== state;
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => {
      sub?.dispose();
      reject(
        new Error(`the language client did not reach state ${state} within ${timeoutMs} ms: ${what} (state now ${client.state})`),
      );
    }, timeoutMs);
    sub = client.onDidChangeState((e) => {
      if (e.newState !== state) left = true;
      else if (left) {
        clearTimeout(timer);
        sub?.dispose();
        resolve();
      }
    });
  });
  return {
    done,
    dispose() {
      clearTimeout(timer);
      sub?.dispose();
    },
  };
}

/** Sets a user setting of the `segdoc` section; `undefined` removes it (back to the default). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('segdoc').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Closes every editor, reverting unsaved ones, so that a test starts from an empty window. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Severity names as the engine writes them, mapped to the editor's. */
export const severityOf: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Range of line `line`'s text without a leading `# `, which is where whole-document findings point. */
export function headingTextRange(doc: vscode.TextDocument, line: number): vscode.Range {
  const text = doc.lineAt(line).text;
  const start = /^#+\s*/.exec(text)?.[0].length ?? 0;
  return new vscode.Range(line, start, line, text.trimEnd().length);
}

export function rangeString(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
