import { describe, expect, it } from 'vitest';
import { storageFailure } from '../../../../src/main/store/storage-failure';
import { WritesLostError } from '../../../../src/main/store/write-batch';

const sqliteError = (code: string) => Object.assign(new Error('database or disk is full'), { code });

describe('storageFailure', () => {
  it('names the cause of a write SQLite refused, extended codes by their primary one', () => {
    expect(storageFailure(sqliteError('SQLITE_FULL'))).toBe('the disk that holds its data dir is full');
    expect(storageFailure(sqliteError('SQLITE_IOERR_WRITE'))).toBe('the disk that holds its data dir failed to write');
    expect(storageFailure(sqliteError('SQLITE_READONLY_DBMOVED'))).toBe('its data dir has become read-only');
    expect(storageFailure(sqliteError('SQLITE_CORRUPT'))).toBe('its database answered SQLITE_CORRUPT');
  });

  it('names the cause of a file the data dir refused (an upload, a custom emoji)', () => {
    const fsError = (code: string) => Object.assign(new Error(`${code}: open`), { code });
    expect(storageFailure(fsError('ENOSPC'))).toBe('the disk that holds its data dir is full');
    expect(storageFailure(fsError('EROFS'))).toBe('its data dir has become read-only');
    expect(storageFailure(fsError('EACCES'))).toBe('its data dir may no longer be written to');
  });

  it('looks through a lost batch to what undid it', () => {
    expect(storageFailure(new WritesLostError(sqliteError('SQLITE_FULL')))).toBe('the disk that holds its data dir is full');
  });

  it('leaves errors that are not the store’s alone', () => {
    expect(storageFailure(new TypeError('x is undefined'))).toBeUndefined();
    expect(storageFailure(Object.assign(new Error('nope'), { code: 'ENOENT' }))).toBeUndefined();
    expect(storageFailure(null)).toBeUndefined();
  });
});
