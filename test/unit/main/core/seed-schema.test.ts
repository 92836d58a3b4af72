import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../../../src/main/core/default-seed';
import { SeedError, validateSeed } from '../../../../src/main/core/seed-schema';

describe('seed files', () => {
  it('accepts the default seed', () => {
    expect(validateSeed(structuredClone(DEFAULT_SEED))).toEqual(DEFAULT_SEED);
  });

  it.each([
    [[], 'seed: must be a JSON object'],
    [{ ...DEFAULT_SEED, users: [{ username: 'a' }] }, 'users[0].password: must be a non-empty string'],
    [{ ...DEFAULT_SEED, channels: [{ team: 'nope', name: 'c', display_name: 'C' }] }, 'channels[0].team: no team named nope'],
    [
      { ...DEFAULT_SEED, channels: [{ team: 'dev', name: 'c', display_name: 'C', type: 'X' }] },
      'channels[0].type: must be one of "O", "P"',
    ],
    [
      { ...DEFAULT_SEED, incoming_hooks: [{ key: 'k', team: 'dev', channel: 'town-square', creator: 'sysadmin', id: 'short' }] },
      'incoming_hooks[0].id: must be a 26-character Mattermost id',
    ],
  ])('names the field that is wrong (%#)', (seed, message) => {
    expect(() => validateSeed(seed)).toThrow(new SeedError(message));
  });
});
