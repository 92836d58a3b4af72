import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../../../src/main/workspace/default-seed';
import { SeedError, validateSeed } from '../../../../src/main/workspace/seed-schema';

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
    [
      { ...DEFAULT_SEED, commands: [{ key: 'k', team: 'dev', creator: 'sysadmin', trigger: '/deploy', url: 'http://127.0.0.1:4000' }] },
      'commands[0].trigger: must be 1–128 of letters, digits and _ . / - without a leading /',
    ],
    [
      { ...DEFAULT_SEED, commands: [{ key: 'k', team: 'dev', creator: 'sysadmin', trigger: 'Echo', url: 'http://127.0.0.1:4000' }] },
      'commands[0].trigger: /echo is a built-in command',
    ],
    [
      { ...DEFAULT_SEED, commands: [{ key: 'k', team: 'dev', creator: 'sysadmin', trigger: 'deploy', url: 'ftp://host' }] },
      'commands[0].url: must be a URL starting with http:// or https://',
    ],
    [
      {
        ...DEFAULT_SEED,
        commands: [
          { key: 'a', team: 'dev', creator: 'sysadmin', trigger: 'deploy', url: 'http://h' },
          { key: 'b', team: 'dev', creator: 'sysadmin', trigger: 'DEPLOY', url: 'http://h' },
        ],
      },
      'commands[1].trigger: /deploy is used twice in team dev',
    ],
    [
      {
        ...DEFAULT_SEED,
        outgoing_hooks: [{ key: 'o', team: 'dev', channel: 'private-qa', creator: 'sysadmin', callback_urls: ['http://h'] }],
      },
      'outgoing_hooks[0].channel: private-qa is private: outgoing webhooks listen to public channels only',
    ],
    [
      { ...DEFAULT_SEED, outgoing_hooks: [{ key: 'o', team: 'dev', creator: 'sysadmin', callback_urls: ['http://h'] }] },
      'outgoing_hooks[0]: needs a channel or trigger words (Mattermost requires one of them)',
    ],
    [
      { ...DEFAULT_SEED, outgoing_hooks: [{ key: 'o', team: 'dev', creator: 'sysadmin', trigger_words: ['go'], callback_urls: [] }] },
      'outgoing_hooks[0].callback_urls: must be a list of one or more URLs',
    ],
    [
      {
        ...DEFAULT_SEED,
        incoming_hooks: [{ key: 'same', team: 'dev', channel: 'town-square', creator: 'sysadmin' }],
        outgoing_hooks: [{ key: 'same', team: 'dev', creator: 'sysadmin', trigger_words: ['go'], callback_urls: ['http://h'] }],
      },
      'outgoing_hooks[0].key: same is used twice',
    ],
  ])('names the field that is wrong (%#)', (seed, message) => {
    expect(() => validateSeed(seed)).toThrow(new SeedError(message));
  });
});
