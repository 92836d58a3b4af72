import type { JsonSchema } from './attachment-schema';

// The JSON Schema of a seed file (contract/seed.ts), for Monaco's completion and hover docs in
// the Settings page. The server's checks (main/core/seed-schema.ts) also check names across
// lists (a channel's team, a hook's creator), which a schema cannot.

const name = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
const id = (description: string): JsonSchema => ({ type: 'string', pattern: '^[a-z0-9]{26}$', description });
const integration: Record<string, JsonSchema> = {
  key: name('Your name for it; the reset answers its id under this key.'),
  id: id('A fixed id (26 characters, a-z 0-9), so its URL stays the same across resets.'),
  team: name('The team, by name.'),
  creator: name('The user who owns it, by username.'),
  display_name: { type: 'string' },
  description: { type: 'string' },
  username: { type: 'string', description: 'Username override for its posts.' },
  icon_url: { type: 'string', description: 'Icon override for its posts.' },
};
const token = id('A fixed token, for an integration that checks the one it was given.');
const urls: JsonSchema = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^https?://' } };
const list = (properties: Record<string, JsonSchema>, required: string[]): JsonSchema => ({
  type: 'array',
  items: { type: 'object', additionalProperties: false, properties, required },
});

export const SEED_JSON_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['teams', 'users', 'channels'],
  properties: {
    teams: list({ name: name('URL name, e.g. dev.'), display_name: name('Shown name.'), type: { enum: ['O', 'I'] } }, [
      'name',
      'display_name',
    ]),
    users: list(
      {
        username: name('3–64 of a-z 0-9 . - _, starting with a letter.'),
        password: name('The password to log in with.'),
        email: { type: 'string' },
        roles: { type: 'string', description: '"system_user" (the default) or "system_user system_admin".' },
        teams: { type: 'array', items: { type: 'string' }, description: 'Teams the user joins, by name.' },
      },
      ['username', 'password'],
    ),
    channels: list(
      {
        team: name('The team, by name.'),
        name: name('URL name, e.g. town-square.'),
        display_name: name('Shown name.'),
        type: { enum: ['O', 'P'], description: 'O: public (the default), P: private.' },
        members: { type: 'array', items: { type: 'string' }, description: 'Members, by username.' },
      },
      ['team', 'name', 'display_name'],
    ),
    config: { type: 'object', description: 'Merged over a fresh Mattermost\'s config, e.g. {"ServiceSettings": {"EnableLatex": true}}.' },
    incoming_hooks: list({ ...integration, channel: name('The channel, by name.'), channel_locked: { type: 'boolean' } }, [
      'key',
      'team',
      'channel',
      'creator',
    ]),
    outgoing_hooks: list(
      {
        ...integration,
        token,
        channel: { type: 'string', description: 'A public channel, by name; without one, trigger words are needed.' },
        trigger_words: { type: 'array', items: { type: 'string', minLength: 1 } },
        trigger_when: { enum: [0, 1], description: '0: the first word is a trigger word; 1: the message starts with one.' },
        callback_urls: urls,
        content_type: { enum: ['application/x-www-form-urlencoded', 'application/json'] },
      },
      ['key', 'team', 'creator', 'callback_urls'],
    ),
    commands: list(
      {
        ...integration,
        token,
        trigger: { type: 'string', pattern: '^[A-Za-z0-9_./-]+$', description: 'The word after the slash, without it.' },
        url: { type: 'string', pattern: '^https?://' },
        method: { enum: ['P', 'G'], description: 'P: POST (the default), G: GET.' },
        auto_complete: { type: 'boolean' },
        auto_complete_desc: { type: 'string' },
        auto_complete_hint: { type: 'string' },
      },
      ['key', 'team', 'creator', 'trigger', 'url'],
    ),
  },
};
