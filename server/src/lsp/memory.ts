/**
 * Gives memory back between checks. What a check keeps is bounded (the fragment cache in
 * bytes, one result per open document), but every check leaves garbage behind, and V8 lets a
 * heap with a high limit grow to several times what is live before it collects: after 10,000
 * edits of one 32 KB document the server held about 500 MB, of which 60 MB was live
 * (bench/memory.ts). So the server collects itself: at once when the heap has grown by
 * GROWTH_MB since the last collection, and once the work has paused for IDLE_MS.
 *
 * A full collection of a heap this size takes a few tens of milliseconds, at most once per
 * GROWTH_MB of garbage or per pause. Without a way to collect (the flag cannot be set), this
 * does nothing.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const GROWTH_MB = 48;
const IDLE_MS = 2_000;
const MB = 1024 * 1024;

function collector(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export class MemoryKeeper {
  private readonly gc = collector();
  private usedAfterLast = getHeapStatistics().used_heap_size;
  private idle: NodeJS.Timeout | undefined;
  private dirty = false;
  /** Collections made (for tests). */
  collections = 0;

  /** Call after a unit of work (a check published): collects now or after the pause. */
  worked(): void {
    if (!this.gc) return;
    this.dirty = true;
    if (getHeapStatistics().used_heap_size - this.usedAfterLast > GROWTH_MB * MB) this.collect();
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.collect(), IDLE_MS);
    this.idle.unref();
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
  }

  private collect(): void {
    if (!this.gc || !this.dirty) return;
    this.dirty = false;
    this.gc();
    this.collections++;
    this.usedAfterLast = getHeapStatistics().used_heap_size;
  }
}
