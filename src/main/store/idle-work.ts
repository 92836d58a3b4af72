const EVERY_MS = 500;
/** Idle work waits until no request has come for this long, so it never slows traffic down. */
const QUIET_MS = 250;

/** One chunk of background work; answers whether more may be waiting. */
export type IdleStep = () => boolean;

/**
 * Runs the store's background work (indexing captures, packing them) a chunk at a time whenever
 * traffic pauses, each kind in turn: a later step runs only when the earlier ones have nothing left.
 */
export class IdleWork {
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = 0;

  constructor(private readonly steps: IdleStep[]) {}

  /** Called for every request: the work keeps out of the way while traffic flows. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  start(): void {
    const next = () => {
      if (this.timer === undefined || Date.now() - this.lastActivity < QUIET_MS) return;
      if (this.steps.some((step) => step())) setImmediate(next);
    };
    this.timer = setInterval(next, EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
