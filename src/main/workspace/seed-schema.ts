import { isValidId } from '../../shared/mattermost/ids';
import { BUILTIN_TRIGGERS } from './builtin-commands';
import { isHttpUrl, isValidTrigger } from './integration-rules';
import { isValidUsername } from './users';
import type { SeedFile } from '../../shared/contract/seed';
import { SEED_JSON_SCHEMA } from '../../shared/schemas/seed-json-schema';

export type { SeedFile };

export class SeedError extends Error {
  override name = 'SeedError';
}

type Check = (value: unknown, at: string) => void;

const fail = (at: string, what: string): never => {
  throw new SeedError(`${at}: ${what}`);
};
const str: Check = (v, at) => {
  if (typeof v !== 'string' || v === '') fail(at, 'must be a non-empty string');
};
const optStr: Check = (v, at) => {
  if (v !== undefined && typeof v !== 'string') fail(at, 'must be a string');
};
const optBool: Check = (v, at) => {
  if (v !== undefined && typeof v !== 'boolean') fail(at, 'must be true or false');
};
const optStrList: Check = (v, at) => {
  if (v === undefined) return;
  if (!Array.isArray(v)) fail(at, 'must be a list of names');
  (v as unknown[]).forEach((item, i) => str(item, `${at}[${i}]`));
};
const oneOf =
  (...allowed: string[]): Check =>
  (v, at) => {
    if (v !== undefined && !allowed.includes(v as string)) fail(at, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  };
const optId: Check = (v, at) => {
  if (v !== undefined && !isValidId(v)) fail(at, 'must be a 26-character Mattermost id');
};
const httpUrl: Check = (v, at) => {
  if (typeof v !== 'string' || !isHttpUrl(v)) fail(at, 'must be a URL starting with http:// or https://');
};
const urlList: Check = (v, at) => {
  if (!Array.isArray(v) || v.length === 0) fail(at, 'must be a list of one or more URLs');
  (v as unknown[]).forEach((item, i) => httpUrl(item, `${at}[${i}]`));
};
const trigger: Check = (v, at) => {
  if (typeof v !== 'string' || !isValidTrigger(v)) fail(at, 'must be 1–128 of letters, digits and _ . / - without a leading /');
};
const optTriggerWhen: Check = (v, at) => {
  if (v !== undefined && v !== 0 && v !== 1) fail(at, 'must be 0 (first word) or 1 (starts with)');
};

type SchemaObject = { properties: Record<string, { items?: SchemaObject }> };
const SEED_FIELDS = (SEED_JSON_SCHEMA as SchemaObject).properties;

/** A field the JSON Schema does not list (a typo, most often) is refused, as Monaco marks it. */
function noUnknownFields(value: Record<string, unknown>, known: Record<string, unknown>, at: (field: string) => string): void {
  for (const field of Object.keys(value)) if (!(field in known)) fail(at(field), 'is not a field a seed takes');
}

function list(seed: Record<string, unknown>, key: string, fields: Record<string, Check>, required: boolean): void {
  const value = seed[key];
  if (value === undefined && !required) return;
  if (!Array.isArray(value)) return fail(key, 'must be a list');
  value.forEach((item: unknown, i) => {
    const at = `${key}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(at, 'must be an object');
    for (const [field, check] of Object.entries(fields)) check((item as Record<string, unknown>)[field], `${at}.${field}`);
    noUnknownFields(item as Record<string, unknown>, SEED_FIELDS[key]!.items!.properties, (field) => `${at}.${field}`);
  });
}

/** Checks the shape of a parsed seed file and the names it refers to; throws SeedError naming the field. */
export function validateSeed(value: unknown): SeedFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('seed', 'must be a JSON object');
  const seed = value as Record<string, unknown>;
  noUnknownFields(seed, SEED_FIELDS, (field) => field);
  list(seed, 'teams', { name: str, display_name: str, type: oneOf('O', 'I') }, true);
  list(seed, 'users', { username: str, password: str, email: optStr, roles: optStr, teams: optStrList }, true);
  list(seed, 'channels', { team: str, name: str, display_name: str, type: oneOf('O', 'P'), members: optStrList }, true);
  const hookFields = { key: str, id: optId, team: str, channel: str, creator: str, display_name: optStr, description: optStr };
  list(seed, 'incoming_hooks', { ...hookFields, username: optStr, icon_url: optStr, channel_locked: optBool }, false);
  const integration = { key: str, id: optId, token: optId, team: str, creator: str, display_name: optStr, description: optStr };
  const overrides = { username: optStr, icon_url: optStr };
  list(
    seed,
    'commands',
    {
      ...integration,
      ...overrides,
      trigger,
      url: httpUrl,
      method: oneOf('P', 'G'),
      auto_complete: optBool,
      auto_complete_desc: optStr,
      auto_complete_hint: optStr,
    },
    false,
  );
  list(
    seed,
    'outgoing_hooks',
    {
      ...integration,
      ...overrides,
      channel: optStr,
      trigger_words: optStrList,
      trigger_when: optTriggerWhen,
      callback_urls: urlList,
      content_type: oneOf('application/x-www-form-urlencoded', 'application/json'),
    },
    false,
  );
  if (seed.config !== undefined && (typeof seed.config !== 'object' || seed.config === null || Array.isArray(seed.config))) {
    fail('config', 'must be an object of config sections');
  }
  const typed = seed as unknown as SeedFile;
  typed.users.forEach((u, i) => {
    if (!isValidUsername(u.username))
      fail(`users[${i}].username`, 'must be 3–64 of a-z 0-9 . - _ starting with a letter, not all/channel/matterbot/system');
    if (typed.users.findIndex((other) => other.username === u.username) !== i)
      fail(`users[${i}].username`, `${u.username} is listed twice`);
  });
  const teams = new Set(typed.teams.map((t) => t.name));
  const users = new Set(typed.users.map((u) => u.username));
  typed.users.forEach((u, i) => u.teams?.forEach((t, j) => teams.has(t) || fail(`users[${i}].teams[${j}]`, `no team named ${t}`)));
  typed.channels.forEach((c, i) => {
    if (!teams.has(c.team)) fail(`channels[${i}].team`, `no team named ${c.team}`);
    c.members?.forEach((m, j) => users.has(m) || fail(`channels[${i}].members[${j}]`, `no user named ${m}`));
  });
  const channelOf = (team: string, name: string) => typed.channels.find((c) => c.team === team && c.name === name);
  const keys = new Set<string>();
  const ids = new Set<string>();
  const integrationRefs = (kind: string, i: number, h: { key: string; id?: string; team: string; creator: string }) => {
    if (keys.has(h.key)) fail(`${kind}[${i}].key`, `${h.key} is used twice`);
    keys.add(h.key);
    if (h.id !== undefined && ids.has(h.id)) fail(`${kind}[${i}].id`, `${h.id} is used twice`);
    if (h.id !== undefined) ids.add(h.id);
    if (!teams.has(h.team)) fail(`${kind}[${i}].team`, `no team named ${h.team}`);
    if (!users.has(h.creator)) fail(`${kind}[${i}].creator`, `no user named ${h.creator}`);
  };
  typed.incoming_hooks?.forEach((h, i) => {
    if (!channelOf(h.team, h.channel)) fail(`incoming_hooks[${i}].channel`, `no channel ${h.channel} in team ${h.team}`);
    integrationRefs('incoming_hooks', i, h);
  });
  typed.outgoing_hooks?.forEach((h, i) => {
    integrationRefs('outgoing_hooks', i, h);
    if (h.channel !== undefined) {
      const channel = channelOf(h.team, h.channel);
      if (!channel) fail(`outgoing_hooks[${i}].channel`, `no channel ${h.channel} in team ${h.team}`);
      if (channel?.type === 'P')
        fail(`outgoing_hooks[${i}].channel`, `${h.channel} is private: outgoing webhooks listen to public channels only`);
    }
    if (h.channel === undefined && (h.trigger_words ?? []).length === 0) {
      fail(`outgoing_hooks[${i}]`, 'needs a channel or trigger words (Mattermost requires one of them)');
    }
  });
  typed.commands?.forEach((c, i) => {
    integrationRefs('commands', i, c);
    c.trigger = c.trigger.toLowerCase();
    if (BUILTIN_TRIGGERS.has(c.trigger)) fail(`commands[${i}].trigger`, `/${c.trigger} is a built-in command`);
    if (typed.commands!.findIndex((other) => other.team === c.team && other.trigger.toLowerCase() === c.trigger) !== i) {
      fail(`commands[${i}].trigger`, `/${c.trigger} is used twice in team ${c.team}`);
    }
  });
  return typed;
}
