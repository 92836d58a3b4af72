import { describe, expect, it } from 'vitest';
import { encodeId, isValidId } from '../../../src/shared/mattermost/ids';
import { newId } from '../../../src/main/base/new-id';

describe('Mattermost ids', () => {
  it('encodes 16 bytes as 26 characters of Mattermost base32', () => {
    expect(encodeId(new Uint8Array(16))).toBe('y'.repeat(26));
    expect(encodeId(new Uint8Array(16).fill(255))).toMatch(/^9{25}[a-z0-9]$/);
  });

  it('makes new ids that pass IsValidId and differ', () => {
    const ids = new Set(Array.from({ length: 200 }, newId));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(isValidId(id)).toBe(true);
      expect(id).toMatch(/^[ybndrfg8ejkmcpqxot1uwisza345h769]{26}$/);
    }
  });

  it('rejects ids of the wrong length or with other characters', () => {
    expect(isValidId('abc')).toBe(false);
    expect(isValidId('a'.repeat(27))).toBe(false);
    expect(isValidId(`${'a'.repeat(25)}_`)).toBe(false);
    expect(isValidId(42)).toBe(false);
  });
});
