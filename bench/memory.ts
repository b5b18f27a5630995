/**
 * The language server's memory, as the operating system sees it (resident set size of the
 * `node dist/server.js --stdio` process, its parse workers included), against the targets
 * of docs/performance.md:
 *
 * - after 10,000 edits of one 32 KB document: RSS ≤ 200 MB;
 * - with 1,000 workspace documents indexed (workspace/symbol): RSS ≤ 300 MB.
 *
 * Run `npm run build && node --import tsx bench/memory.ts` (about five minutes; MEMORY_EDITS
 * and MEMORY_DOCS change the counts, MEMORY_SERVER another bundle to compare with). Prints a
 * line per round and a RESULT line of JSON. Not a test: figures, not assertions.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceSymbolRequest } from 'vscode-languageserver-protocol';
import { buildCorpus, largeDocument } from './corpus';
import { startServer } from './lsp';

const repoRoot = resolve(__dirname, '..');
const EDITS = Number(process.env['MEMORY_EDITS'] ?? 10_000);
const DOCS = Number(process.env['MEMORY_DOCS'] ?? 1_000);
const SERVER = process.env['MEMORY_SERVER'] ?? join(repoRoot, 'dist', 'server.js');
const SETTLE_MS = Number(process.env['MEMORY_SETTLE_MS'] ?? 15_000);

/** Resident set size of a process in MB (Linux: /proc/<pid>/status). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The highest RSS seen, sampled every 50 ms while `work` runs. */
async function peakDuring<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // The process is gone; the work fails on its own.
    }
  }, 50);
  try {
    return { value: await work(), peak: Math.max(peak, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

async function edits(): Promise<Record<string, number>> {
  const doc = largeDocument(repoRoot, 32);
  const folder = mkdtempSync(join(os.tmpdir(), 'segdoc-memory-'));
  const uri = pathToFileURL(join(folder, doc.path)).href;
  console.log(`== ${EDITS} edits of one ${(doc.text.length / 1024).toFixed(1)} KB document (${SERVER})`);
  const session = await startServer(SERVER, uri, doc.text);
  try {
    const opened = rssMb(session.pid);
    console.log(`   after open: ${opened.toFixed(0)} MB`);
    const rounds = 10;
    let peak = opened;
    let last = opened;
    for (let round = 1; round <= rounds; round++) {
      const r = await peakDuring(session.pid, () => session.edits(Math.ceil(EDITS / rounds), 100 + round));
      peak = Math.max(peak, r.peak);
      last = rssMb(session.pid);
      console.log(
        `   after ${Math.ceil(EDITS / rounds) * round} edits: ${last.toFixed(0)} MB (peak so far ${peak.toFixed(0)} MB)`,
      );
    }
    // What stays once the typing stops: V8 gives memory back when its heap is idle.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const settled = rssMb(session.pid);
    console.log(`   ${SETTLE_MS / 1000} s after the last edit: ${settled.toFixed(0)} MB`);
    console.log(
      `   target ≤ 200 MB after ${EDITS} edits: ${last <= 200 ? 'met' : 'NOT met'} (${last.toFixed(0)} MB at once, ${settled.toFixed(0)} MB settled, peak ${peak.toFixed(0)} MB)`,
    );
    return { openedMb: opened, afterMb: last, settledMb: settled, peakMb: peak };
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function index(): Promise<Record<string, number>> {
  const { docs } = buildCorpus(repoRoot, DOCS);
  const folder = mkdtempSync(join(os.tmpdir(), 'segdoc-memory-index-'));
  let bytes = 0;
  docs.slice(0, DOCS).forEach((d, i) => {
    // One folder per ten files, the name keeping the kind's suffix.
    const file = join(folder, `team-${Math.floor(i / 10)}`, `${i}-${d.path.split('/').pop()}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, d.text);
    bytes += d.text.length;
  });
  console.log(`\n== ${DOCS} workspace documents indexed (${(bytes / 1024 / 1024).toFixed(1)} MB of Markdown)`);
  const open = join(folder, 'open.persona.md');
  const session = await startServer(SERVER, pathToFileURL(open).href, '# Persona: Open\n', { folder });
  try {
    const before = rssMb(session.pid);
    const t0 = performance.now();
    const r = await peakDuring(session.pid, () => session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }));
    const ms = performance.now() - t0;
    const symbols = Array.isArray(r.value) ? r.value.length : 0;
    const after = rssMb(session.pid);
    console.log(
      `   before: ${before.toFixed(0)} MB; index built in ${(ms / 1000).toFixed(1)} s (${symbols} symbols); after: ${after.toFixed(0)} MB, peak ${r.peak.toFixed(0)} MB`,
    );
    console.log(
      `   target ≤ 300 MB with ${DOCS} documents indexed: ${after <= 300 ? 'met' : 'NOT met'} (${after.toFixed(0)} MB)`,
    );
    return { beforeMb: before, afterMb: after, peakMb: r.peak, indexMs: ms, symbols };
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const result = { edits: await edits(), index: await index() };
  console.log('\nRESULT ' + JSON.stringify({ node: process.version, cores: os.availableParallelism(), ...result }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
