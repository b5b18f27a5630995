/**
 * Edit-to-diagnostics latency through the real language server (`node dist/server.js
 * --stdio`), as an editor sees it: the time from sending a `textDocument/didChange` to
 * receiving the `textDocument/publishDiagnostics` for that version. The debounce is set to 0
 * (initializationOptions.settings.debounceMs; the client declares no workspace/
 * configuration, so the server keeps those settings), so the figure is the server's own
 * work: protocol, scheduling, the incremental check and the conversion of findings.
 *
 * One edit is in flight at a time; each is a single character inserted or deleted at a
 * place chosen by a seeded RNG, never inside a CRLF pair or a surrogate pair.
 */
import { spawn } from 'node:child_process';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../server/src/parse/text';
import { rng } from './corpus';

export interface LatencyRun {
  /** Milliseconds from didChange to publishDiagnostics, one per edit. */
  samples: number[];
  /** Diagnostics of the last version, to compare with the engine run locally. */
  lastDiagnostics: number;
  text: string;
}

export interface ServerSession {
  openMs: number;
  /** The server process, for its memory (bench/memory.ts). */
  pid: number;
  connection: ProtocolConnection;
  /** Edits at random places of the whole document, or of [from, to). */
  edits(count: number, seed: number, region?: { from: number; to: number }): Promise<LatencyRun>;
  stop(): Promise<void>;
}

const INSERTS = 'abcdefghijklmnopqrstuvwxyzабвгдежз 0123456789.,';

/** A safe offset near `at`: not between \r and \n, not between the halves of a surrogate pair. */
function safeOffset(text: string, at: number): number {
  let o = Math.max(0, Math.min(at, text.length));
  while (
    o > 0 &&
    o < text.length &&
    ((text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10) ||
      (text.charCodeAt(o) >= 0xdc00 && text.charCodeAt(o) <= 0xdfff))
  )
    o--;
  return o;
}

export interface SessionOptions {
  timeoutMs?: number;
  /** A workspace folder (file-system path) to announce, with workspace symbol support. */
  folder?: string;
}

export async function startServer(
  serverPath: string,
  uri: string,
  text: string,
  options: SessionOptions = {},
): Promise<ServerSession> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  // BENCH_NODE_FLAGS: node options for the server process, to compare (e.g. heap settings).
  const flags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (p: PublishDiagnosticsParams, at: number) => void>();
  // A server that dies must fail the benchmark loudly, not leave it waiting forever.
  let stopping = false;
  const died = new Promise<never>((_, reject) => {
    child.on('exit', (code, signal) => {
      if (!stopping) reject(new Error(`The server exited (code ${code}, signal ${signal}). Its stderr:\n${stderr}`));
    });
  });
  died.catch(() => undefined);
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const at = performance.now();
    if (p.uri !== uri || p.version === undefined) return;
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(p, at);
    }
  });
  connection.listen();

  const waitFor = (version: number): Promise<{ params: PublishDiagnosticsParams; at: number }> =>
    Promise.race([
      died,
      new Promise<{ params: PublishDiagnosticsParams; at: number }>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No diagnostics for version ${version} within ${timeoutMs} ms. Server stderr:\n${stderr}`)),
          timeoutMs,
        );
        waiting.set(version, (params, at) => {
          clearTimeout(timer);
          resolve({ params, at });
        });
      }),
    ]);

  await Promise.race([
    died,
    connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.folder ? [{ uri: pathToFileURL(options.folder).href, name: 'bench' }] : null,
      capabilities: options.folder ? { workspace: { symbol: {}, workspaceFolders: true } } : {},
      initializationOptions: { settings: { debounceMs: 0, validate: 'onType' } },
    }),
  ]);
  await connection.sendNotification(InitializedNotification.type, {});

  let version = 1;
  let current = text;
  const opened = waitFor(version);
  const t0 = performance.now();
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  const first = await opened;
  const openMs = first.at - t0;

  return {
    openMs,
    pid: child.pid!,
    connection,
    async edits(count, seed, region) {
      const r = rng(seed);
      const samples: number[] = [];
      let last = first.params;
      for (let i = 0; i < count; i++) {
        const lines = new LineIndex(current);
        const lo = region ? region.from : 0;
        const hi = region ? Math.min(region.to, current.length) : current.length;
        const at = safeOffset(current, lo + Math.floor(r() * (hi - lo)));
        // Mostly typing, sometimes a deletion of one character (never a line break).
        const c = current.charCodeAt(at);
        const del = r() < 0.3 && at < current.length && c !== 10 && c !== 13 && !(c >= 0xd800 && c <= 0xdfff);
        const insert = del ? '' : INSERTS[Math.floor(r() * INSERTS.length)]!;
        const range = lines.rangeOf({ start: at, end: del ? at + 1 : at });
        current = current.slice(0, at) + insert + current.slice(del ? at + 1 : at);
        version++;
        // Edits after the region's start move its end.
        if (region) region = { from: region.from, to: region.to + (del ? -1 : 1) };
        const published = waitFor(version);
        const sent = performance.now();
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ range, text: insert }],
        });
        const got = await published;
        samples.push(got.at - sent);
        last = got.params;
      }
      return { samples, lastDiagnostics: last.diagnostics.length, text: current };
    },
    async stop() {
      stopping = true;
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // The server may already be gone; it is killed below either way.
      }
      connection.dispose();
      child.kill();
    },
  };
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}
