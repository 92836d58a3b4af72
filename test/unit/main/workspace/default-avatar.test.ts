import { describe, expect, it } from 'vitest';
import { avatarColour, fnv32a } from '../../../../src/main/workspace/default-avatar';

describe('the default picture’s colour', () => {
  it('hashes with FNV-1a 32 as Go’s hash/fnv does', () => {
    // Reference values of the FNV-1a test suite.
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });

  it('picks one of Mattermost’s colours by the hash of the id', () => {
    expect(avatarColour('')).toEqual([35, 188, 224]); // 0x811c9dc5 % 26 = 3
    expect(avatarColour('a')).toEqual([197, 19, 19]); // 0xe40c292c % 26 = 14
    expect(avatarColour('foobar')).toEqual([197, 19, 19]); // 0xbf9cf968 % 26 = 14
  });
});
