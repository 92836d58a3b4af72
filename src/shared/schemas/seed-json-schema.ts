import type { JsonSchema } from './attachment-schema';

// The JSON Schema of a seed file (contract/seed.ts): Monaco's completion, hover docs and errors
// in the Settings page, and the fields main/workspace/seed-schema.ts accepts. The server also
// checks what a schema cannot (names across lists: a channel's team, a hook's creator; reserved
// usernames; built-in triggers); test/unit/main/workspace/seed-schema-tie.test.ts feeds both the
// same seeds so that they agree on everything else.

const name = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
const id = (description: string): JsonSchema => ({ type: 'string', pattern: '^[a-zA-Z0-9]{26}$', description });
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
const url: JsonSchema = { type: 'string', pattern: '^https?://[^/\\s]+' };
const urls: JsonSchema = { type: 'array', minItems: 1, items: url };
const names = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });
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
        username: { type: 'string', pattern: '^[a-z][a-z0-9.\\-_]{2,63}$', description: '3–64 of a-z 0-9 . - _, starting with a letter.' },
        password: name('The password to log in with.'),
        email: { type: 'string' },
        roles: { type: 'string', description: '"system_user" (the default) or "system_user system_admin".' },
        teams: names('Teams the user joins, by name.'),
      },
      ['username', 'password'],
    ),
    channels: list(
      {
        team: name('The team, by name.'),
        name: name('URL name, e.g. town-square.'),
        display_name: name('Shown name.'),
        type: { enum: ['O', 'P'], description: 'O: public (the default), P: private.' },
        members: names('Members, by username.'),
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
        trigger_words: names('Words that fire the hook.'),
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
        trigger: {
          type: 'string',
          pattern: '^[A-Za-z0-9_.-][A-Za-z0-9_./-]{0,127}$',
          description: 'The word after the slash, without it.',
        },
        url,
        method: { enum: ['P', 'G'], description: 'P: POST (the default), G: GET.' },
        auto_complete: { type: 'boolean' },
        auto_complete_desc: { type: 'string' },
        auto_complete_hint: { type: 'string' },
      },
      ['key', 'team', 'creator', 'trigger', 'url'],
    ),
  },
};
