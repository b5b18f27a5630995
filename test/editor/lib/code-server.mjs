// Starts code-server (VS Code's workbench served to a browser, with the real Node extension
// host) headless on loopback, and stops it with its whole process group.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerBin, editorDir } from './env.mjs';

/**
 * User settings for every editor test run. Telemetry off: a built-in extension keeps calling
 * a telemetry host otherwise, which fails here. No start-up editor, no git, no tips: each
 * would put UI on screen that the UI tests would have to close first, and git would scan
 * the workspace for nothing.
 */
export const userSettings = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
};

/**
 * Lays out the folders of one code-server run under `base`: XDG homes (so nothing lands in
 * the user's home folder), user data with the settings above, an extensions folder and a
 * copy of the test workspace (tests edit documents, the checked-in fixtures must not change).
 */
export function prepare(base, { settings = {} } = {}) {
  const dirs = {
    base,
    userData: join(base, 'user-data'),
    extensions: join(base, 'extensions'),
    workspace: join(base, 'workspace'),
    xdg: join(base, 'xdg'),
  };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  for (const x of ['config', 'data', 'cache']) mkdirSync(join(dirs.xdg, x), { recursive: true });
  // SEGDOC_EDITOR_SETTINGS (JSON) adds settings for a debugging run, e.g.
  // {"segdoc.trace.server":"verbose"} with SEGDOC_KEEP_TEMP=1 to read the protocol log.
  const extra = process.env.SEGDOC_EDITOR_SETTINGS ? JSON.parse(process.env.SEGDOC_EDITOR_SETTINGS) : {};
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify({ ...userSettings, ...settings, ...extra }, null, 2));
  cpSync(join(editorDir, 'workspace'), dirs.workspace, { recursive: true });
  return dirs;
}

function environment(dirs, extraEnv) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    // An empty gallery stops the marketplace look-ups that would fail here anyway.
    EXTENSIONS_GALLERY: '{}',
    ...extraEnv,
  };
}

/** `code-server --install-extension`, the way a user installs a VSIX. */
export function installExtension(dirs, vsix) {
  const r = spawnSync(
    codeServerBin,
    ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { env: environment(dirs, {}), encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}${r.stderr}`.trim();
}

/**
 * Starts code-server on 127.0.0.1 with port 0, so the kernel picks a free port and no
 * other process can take it between a check and the bind; the port is read from
 * code-server's "HTTP server listening on" line, which is also the readiness signal.
 * Resolves to { url, port, log(), stop() }. `workspaceTrust`: keep VS Code's Workspace Trust on
 * (the workspace then opens in Restricted Mode until it is trusted).
 */
export async function startCodeServer(dirs, { env = {}, timeoutMs = 60_000, workspaceTrust = false } = {}) {
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace Trust is off except in the test of segdoc's restricted mode.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    dirs.workspace,
  ];
  // detached: true makes the child a session and process-group leader (setsid), so stop()
  // can end it together with the extension host and the language server it starts.
  const child = spawn(codeServerBin, args, { env: environment(dirs, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (b) => {
    output += b.toString();
    if (process.env.SEGDOC_EDITOR_DEBUG) process.stderr.write(`[code-server] ${b}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    // code-server ends its extension hosts on SIGTERM; a group that outlives 5 s is killed.
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', check);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`));
    });
  }).catch(async (e) => {
    await stop();
    throw e;
  });

  return { port, url: `http://127.0.0.1:${port}`, log: () => output, stop, exited };
}

/**
 * The workbench URL for `folder`, with the `payload` query parameter that code-server's
 * workbench reads the way desktop VS Code reads its command line: extensionDevelopmentPath,
 * extensionTestsPath and openFile. Paths become vscode-remote URIs whose authority must be
 * the page's own host:port.
 */
export function workbenchUrl(server, folder, payload = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const entries = Object.entries(payload).map(([k, v]) => [k, remote(v)]);
  const query = new URLSearchParams({ folder });
  if (entries.length) query.set('payload', JSON.stringify(entries));
  return `${server.url}/?${query}`;
}

export { editorDir };
