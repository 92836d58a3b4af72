import { WritesLostError } from './write-batch';

/** SQLite's result codes, by their primary code. */
const SQLITE_REASONS: Record<string, string> = {
  SQLITE_FULL: 'the disk that holds its data dir is full',
  SQLITE_READONLY: 'its data dir has become read-only',
  SQLITE_IOERR: 'the disk that holds its data dir failed to write',
  SQLITE_CANTOPEN: 'its data dir can no longer be opened',
  SQLITE_BUSY: 'another process holds its database',
};

/** The file system's, for the files the store keeps beside its database (uploads, emoji). */
const FILE_REASONS: Record<string, string> = {
  ENOSPC: 'the disk that holds its data dir is full',
  EDQUOT: 'the disk quota of its data dir is used up',
  EROFS: 'its data dir has become read-only',
  EACCES: 'its data dir may no longer be written to',
  EPERM: 'its data dir may no longer be written to',
  EIO: 'the disk that holds its data dir failed to write',
};

/**
 * Why the store could not keep a write, in words for whoever sent the request; undefined when
 * `error` did not come from the store. SQLite's extended codes (SQLITE_IOERR_WRITE…) read as
 * their primary code.
 */
export function storageFailure(error: unknown): string | undefined {
  const cause = error instanceof WritesLostError ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (Object.hasOwn(FILE_REASONS, code)) return FILE_REASONS[code];
  if (!code.startsWith('SQLITE_')) return undefined;
  const primary = Object.keys(SQLITE_REASONS).find((known) => code === known || code.startsWith(`${known}_`));
  return primary ? SQLITE_REASONS[primary] : `its database answered ${code}`;
}
