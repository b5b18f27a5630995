/**
 * When documents get checked. The engine's `lint()` is synchronous and a large document can
 * take a while, so checks are queued per document and run one at a time, with a turn of
 * the event loop between two checks: incoming messages (a change, a close, another
 * document's open) are handled in between, and a document that is edited continuously goes
 * to the back of the queue instead of starving the others.
 *
 * Coalescing: the queue holds document ids, not versions. However many changes arrive while
 * a document waits, it is checked once, and the check reads the newest text when it starts.
 *
 * This module knows nothing about the protocol; `run` does the actual work.
 */

export interface SchedulerOptions {
  /** Checks one document; called at most once at a time across all documents. */
  run(id: string): void | Promise<void>;
  /** Called with anything `run` throws or rejects with; the queue carries on. */
  onError(id: string, error: unknown): void;
}

export class CheckScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents waiting for a check, in the order they asked (a Set keeps insertion order). */
  private readonly queue = new Set<string>();
  private draining = false;
  private wakeScheduled = false;
  private disposed = false;

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * Checks `id` once no new request for it has come for `delayMs`. A delay of 0 still goes
   * through the queue, on the next turn of the event loop, so that changes already received
   * are coalesced into one check.
   */
  schedule(id: string, delayMs: number): void {
    if (this.disposed) return;
    this.clearTimer(id);
    if (delayMs <= 0) {
      this.enqueue(id);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.enqueue(id);
    }, delayMs);
    this.timers.set(id, timer);
  }

  /** Forgets pending work for `id` (the document was closed). A check already running finishes. */
  cancel(id: string): void {
    this.clearTimer(id);
    this.queue.delete(id);
  }

  /** Whether `id` has a check waiting (debounced or queued). */
  isPending(id: string): boolean {
    return this.timers.has(id) || this.queue.has(id);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.queue.clear();
  }

  private clearTimer(id: string): void {
    const t = this.timers.get(id);
    if (t !== undefined) {
      clearTimeout(t);
      this.timers.delete(id);
    }
  }

  private enqueue(id: string): void {
    // Re-adding an id that waits already keeps its place: it is checked once, with the
    // newest text.
    this.queue.add(id);
    this.wake();
  }

  private wake(): void {
    if (this.draining || this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.disposed) {
        const next = this.queue.values().next();
        if (next.done) break;
        const id = next.value;
        this.queue.delete(id);
        try {
          await this.options.run(id);
        } catch (e) {
          this.options.onError(id, e);
        }
        // Let pending messages in before the next check: a close or a newer change must not
        // wait behind a whole queue of documents.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }
}
