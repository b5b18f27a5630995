/**
 * When the language server crashes, the client restarts it, but only a bounded number of
 * times within a window: a server that crashes on start-up (say, on one pathological
 * document that is reopened every time) would otherwise be restarted forever. The user is
 * told once per session, never once per crash.
 *
 * Plain logic with no `vscode` import, so that it stays small and readable; extension.ts
 * turns its decisions into the language client's ErrorHandler results.
 */

export interface RestartDecision {
  /** Whether to start the server again. */
  restart: boolean;
  /** Which notification to show now, if any: each is shown at most once. */
  notify?: 'restarted' | 'gave-up';
}

export class RestartPolicy {
  private crashes: number[] = [];
  private toldRestarted = false;
  private toldGaveUp = false;

  /**
   * @param maxRestarts restarts allowed within `windowMs` before giving up.
   * @param windowMs the window crashes are counted in; older crashes are forgotten.
   */
  constructor(
    readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Called when the connection to the server closed without the client asking for it. */
  closed(now: number): RestartDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    if (this.crashes.length <= this.maxRestarts) {
      if (this.toldRestarted) return { restart: true };
      this.toldRestarted = true;
      return { restart: true, notify: 'restarted' };
    }
    if (this.toldGaveUp) return { restart: false };
    this.toldGaveUp = true;
    return { restart: false, notify: 'gave-up' };
  }

  /** The user restarted the server by hand: start counting afresh (and tell again if needed). */
  reset(): void {
    this.crashes = [];
    this.toldGaveUp = false;
  }
}
