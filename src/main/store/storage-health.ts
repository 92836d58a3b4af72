/**
 * Whether the store has been keeping what it is sent. A full disk refuses every request until
 * it has room again: the log says so once per cause, and once more, with the count refused, when
 * storing works again, rather than a line per refused request.
 */
export class StorageHealth {
  private failing: { reason: string; refused: number } | undefined;

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /** A write the store could not keep, for `reason` (see storageFailure). */
  refused(reason: string, error: unknown): void {
    if (this.failing?.reason === reason) {
      this.failing.refused++;
      return;
    }
    this.log(
      `mockmost: cannot store requests: ${reason} (${(error as Error)?.message ?? String(error)}); refusing them with 503 until it can`,
    );
    this.failing = { reason, refused: (this.failing?.refused ?? 0) + 1 };
  }

  /** A write the store kept: cheap when all is well, since every request calls it. */
  stored(): void {
    if (this.failing === undefined) return;
    const { refused } = this.failing;
    this.log(`mockmost: storing requests works again; ${refused} ${refused === 1 ? 'was' : 'were'} refused meanwhile`);
    this.failing = undefined;
  }
}
