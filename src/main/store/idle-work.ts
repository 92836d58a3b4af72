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

  /** Each failing step's last logged cause, so a lasting failure is logged once. */
  private readonly failing = new Map<IdleStep, string>();

  constructor(
    private readonly steps: IdleStep[],
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Called for every request: the work keeps out of the way while traffic flows. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  start(): void {
    const next = () => {
      if (this.timer === undefined || Date.now() - this.lastActivity < QUIET_MS) return;
      if (this.steps.some((step) => this.attempt(step))) setImmediate(next);
    };
    this.timer = setInterval(next, EVERY_MS);
    this.timer.unref();
  }

  /**
   * Runs one step. A step that fails (a full disk, a damaged page) is logged, once per cause, and
   * tried again at the next tick: background work must not take the server down with it.
   */
  private attempt(step: IdleStep): boolean {
    try {
      const more = step();
      this.failing.delete(step);
      return more;
    } catch (error) {
      const cause = (error as Error).message;
      if (this.failing.get(step) !== cause) this.log(`background work (indexing, packing) failed, will retry: ${cause}`);
      this.failing.set(step, cause);
      return false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
