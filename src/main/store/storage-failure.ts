import { WritesLostError } from './write-batch';

const REASONS: Record<string, string> = {
  SQLITE_FULL: 'the disk that holds its data dir is full',
  SQLITE_READONLY: 'its data dir has become read-only',
  SQLITE_IOERR: 'the disk that holds its data dir failed to write',
  SQLITE_CANTOPEN: 'its data dir can no longer be opened',
  SQLITE_BUSY: 'another process holds its database',
};

/**
 * Why the store could not keep a write, in words for whoever sent the request; undefined when
 * `error` did not come from the store. SQLite's extended codes (SQLITE_IOERR_WRITE…) read as
 * their primary code.
 */
export function storageFailure(error: unknown): string | undefined {
  const cause = error instanceof WritesLostError ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  const primary = Object.keys(REASONS).find((known) => code === known || code.startsWith(`${known}_`));
  return primary ? REASONS[primary] : `its database answered ${code}`;
}
