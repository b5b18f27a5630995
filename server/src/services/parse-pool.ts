/**
 * Chunk parsing off the calling thread, within a time budget (model/build.ts
 * buildDocumentAsync asks; this answers). The language server and the CLI parse through one
 * pool each, so that:
 *
 * - the thread that answers the editor is never inside micromark: while a worker parses, the
 *   server answers hovers, completion and other documents' checks;
 * - a chunk whose parse runs past the budget is stopped (its worker is terminated and
 *   replaced) and becomes a skipped part of its document, reported by parse-limit at that
 *   chunk, while the rest of the document is checked. The skipped fragment is cached under
 *   the chunk's text like any other, so edits elsewhere do not pay the budget again;
 * - a parse that kills its worker (out of memory under the worker's resource limits) is a
 *   skipped part too, not a crashed server.
 *
 * The pool is plain Node (worker_threads), no protocol. Workers start lazily, up to `size`,
 * and do not keep the process alive while idle. When a worker cannot be started at all (its
 * script is missing), chunks are parsed on the calling thread, without a budget, and that is
 * logged once.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { makeFragment, skippedFragment, type ChunkParser } from '../model/build';
import type { Fragment } from '../model/fragment';
import type { SkippedPart } from '../model/types';
import type { ParseLimits } from '../parse/markdown';
import type { ParseJob, ParseReply } from './parse-worker';

/**
 * The default budget for one chunk's parse. Chunks are about 2 KB and parse in well under a
 * millisecond; inputs micromark reads in quadratic time are bounded before parsing
 * (parse/markdown.ts checkChunkLimits) to about half a second, so only input those checks do
 * not know reaches this.
 */
export const DEFAULT_PARSE_BUDGET_MS = 3000;

export interface ParsePoolOptions {
  /** Workers at most (default: one per core but one, at least 1, at most 4). */
  size?: number;
  /** Milliseconds one chunk's parse may take (default DEFAULT_PARSE_BUDGET_MS). */
  budgetMs?: number;
  /** The worker script (default: parse-worker beside this module or bundle). */
  script?: string;
  /** Heap limit of a worker in MB (default 512): a parse that needs more ends as `parse-failed`. */
  maxHeapMb?: number;
  /** Where the pool says that it fell back to parsing on the calling thread, or a worker died. */
  log?: (message: string) => void;
}

interface Job extends ParseJob {
  resolve: (f: Fragment) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Ends the worker once it has been idle for IDLE_MS. */
  idle?: NodeJS.Timeout;
}

/** A worker idle this long is stopped, giving its memory back; the next parse starts one. */
const IDLE_MS = 60_000;

/** Counters for tests and the benchmark. */
export interface ParsePoolStats {
  parsed: number;
  timedOut: number;
  failed: number;
  workersStarted: number;
}

export class ParsePool implements ChunkParser {
  readonly size: number;
  readonly budgetMs: number;
  readonly stats: ParsePoolStats = { parsed: 0, timedOut: 0, failed: 0, workersStarted: 0 };
  private readonly script: string;
  private readonly maxHeapMb: number;
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  /** Set when no worker could be started: parse on this thread from then on. */
  private broken = false;
  private disposed = false;
  private alive: NodeJS.Timeout | undefined;

  constructor(private readonly options: ParsePoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? Math.min(4, Math.max(1, availableParallelism() - 1))));
    this.budgetMs = Math.max(1, options.budgetMs ?? DEFAULT_PARSE_BUDGET_MS);
    this.script = options.script ?? defaultScript();
    this.maxHeapMb = options.maxHeapMb ?? 512;
  }

  parse(text: string, last: boolean, limits: ParseLimits): Promise<Fragment> {
    if (this.broken || this.disposed) return Promise.resolve().then(() => makeFragment(text, limits, last));
    return new Promise<Fragment>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, text, last, limits, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; later parses run on the calling thread. */
  dispose(): void {
    this.disposed = true;
    this.stopAll();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) break;
      if (slot.ready && !slot.job) this.start(slot, this.queue.shift()!);
    }
    // Start another worker when work waits and every worker is busy (or still starting).
    const idle = this.slots.some((s) => !s.job);
    if (this.queue.length && !idle && this.slots.length < this.size) this.spawn();
    this.keepAlive();
  }

  /**
   * Workers never keep the process alive (they are unref'd once started); while chunks wait
   * or are parsed, this timer does, so that a caller awaiting a parse is not ended under it.
   */
  private keepAlive(): void {
    const busy = this.queue.length > 0 || this.slots.some((s) => s.job);
    if (busy && !this.alive) this.alive = setInterval(() => undefined, 1 << 30);
    else if (!busy && this.alive) {
      clearInterval(this.alive);
      this.alive = undefined;
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = undefined;
    slot.timer = setTimeout(() => this.timedOut(slot), this.budgetMs);
    slot.worker.postMessage({ id: job.id, text: job.text, last: job.last, limits: job.limits } satisfies ParseJob);
  }

  private spawn(): void {
    let worker: Worker;
    try {
      // A small young generation: a chunk's parse allocates little, and each worker's heap
      // is memory the editor's machine pays for.
      const limits = { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb }, stdout: false, stderr: false };
      worker = this.script.endsWith('.ts')
        ? // From source (tests): node does not hand its --import hooks to workers; register tsx's.
          new Worker(`require('tsx/cjs');require(${JSON.stringify(this.script)});`, { ...limits, eval: true })
        : new Worker(this.script, limits);
    } catch (e) {
      this.fallBack(`cannot start a parse worker (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    this.stats.workersStarted++;
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (m: ParseReply) => this.replied(slot, m));
    worker.on('error', (e) => this.died(slot, e));
    worker.on('exit', (code) => this.died(slot, new Error(`exited with code ${code}`)));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
  }

  private replied(slot: Slot, m: ParseReply): void {
    if ('ready' in m) {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    this.finish(slot);
    if ('error' in m) job.reject(new Error(m.error));
    else {
      this.stats.parsed++;
      job.resolve(m.fragment);
    }
    this.dispatch();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    slot.idle = setTimeout(() => {
      if (slot.job || !this.slots.includes(slot)) return;
      this.remove(slot);
      void slot.worker.terminate();
    }, IDLE_MS);
    slot.idle.unref();
  }

  private timedOut(slot: Slot): void {
    const job = slot.job;
    if (!job) return;
    this.stats.timedOut++;
    this.options.log?.(
      `Reading a part of ${job.text.length} characters took longer than ${this.budgetMs} ms: it was stopped, and is reported as not checked until its text changes`,
    );
    this.remove(slot);
    void slot.worker.terminate();
    job.resolve(this.skipped(job, 'parse-time', { budget: this.budgetMs }));
    this.dispatch();
  }

  private died(slot: Slot, error: Error): void {
    if (!this.slots.includes(slot)) return;
    this.remove(slot);
    const job = slot.job;
    if (!slot.ready && !job) {
      // It never started: its script cannot load here. Parse on this thread from now on.
      this.fallBack(`a parse worker did not start (${error.message})`);
      return;
    }
    if (job) {
      this.stats.failed++;
      this.options.log?.(
        `A parse worker stopped while reading a chunk of ${job.text.length} characters (${error.message}); that part is reported as not checked`,
      );
      job.resolve(this.skipped(job, 'parse-failed', {}));
    }
    this.dispatch();
  }

  private remove(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idle) clearTimeout(slot.idle);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private skipped(job: Job, reason: SkippedPart['reason'], detail: Record<string, number>): Fragment {
    return skippedFragment(job.text, job.limits, { span: { start: 0, end: 0 }, reason, detail });
  }

  private fallBack(why: string): void {
    if (this.broken) return;
    this.broken = true;
    this.options.log?.(`segdoc parses on the main thread, without a time budget: ${why}`);
    this.stopAll();
  }

  /** Stops every worker and parses what they had and what waits on this thread. */
  private stopAll(): void {
    for (const slot of this.slots.splice(0)) {
      if (slot.timer) clearTimeout(slot.timer);
      if (slot.idle) clearTimeout(slot.idle);
      void slot.worker.terminate();
      if (slot.job) this.runHere(slot.job);
    }
    for (const job of this.queue.splice(0)) this.runHere(job);
    this.keepAlive();
  }

  private runHere(job: Job): void {
    try {
      job.resolve(makeFragment(job.text, job.limits, job.last));
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

/**
 * parse-worker beside this module: `parse-worker.js` in the bundle (dist/), `parse-worker.ts`
 * when running from source (tests run TypeScript through tsx, which workers inherit).
 */
function defaultScript(): string {
  const here = __filename;
  return path.join(path.dirname(here), here.endsWith('.ts') ? 'parse-worker.ts' : 'parse-worker.js');
}
