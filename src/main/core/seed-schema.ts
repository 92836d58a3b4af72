import { isValidId } from '../../shared/mattermost/ids';
import { isValidUsername } from '../workspace/users';

/** A seed file (`--seed FILE`): the whole workspace a fresh data dir starts with. */
export interface SeedFile {
  teams: { name: string; display_name: string; type?: 'O' | 'I' }[];
  users: { username: string; password: string; email?: string; roles?: string; teams?: string[] }[];
  channels: { team: string; name: string; display_name: string; type?: 'O' | 'P'; members?: string[] }[];
  config?: Record<string, Record<string, unknown>>;
  incoming_hooks?: {
    key: string;
    id?: string;
    team: string;
    channel: string;
    creator: string;
    display_name?: string;
    description?: string;
    username?: string;
    icon_url?: string;
    channel_locked?: boolean;
  }[];
}

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

function list(seed: Record<string, unknown>, key: string, fields: Record<string, Check>, required: boolean): void {
  const value = seed[key];
  if (value === undefined && !required) return;
  if (!Array.isArray(value)) return fail(key, 'must be a list');
  value.forEach((item: unknown, i) => {
    const at = `${key}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return fail(at, 'must be an object');
    for (const [field, check] of Object.entries(fields)) check((item as Record<string, unknown>)[field], `${at}.${field}`);
  });
}

/** Checks the shape of a parsed seed file and the names it refers to; throws SeedError naming the field. */
export function validateSeed(value: unknown): SeedFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('seed', 'must be a JSON object');
  const seed = value as Record<string, unknown>;
  list(seed, 'teams', { name: str, display_name: str, type: oneOf('O', 'I') }, true);
  list(seed, 'users', { username: str, password: str, email: optStr, roles: optStr, teams: optStrList }, true);
  list(seed, 'channels', { team: str, name: str, display_name: str, type: oneOf('O', 'P'), members: optStrList }, true);
  const hookFields = { key: str, id: optId, team: str, channel: str, creator: str, display_name: optStr, description: optStr };
  list(seed, 'incoming_hooks', { ...hookFields, username: optStr, icon_url: optStr, channel_locked: optBool }, false);
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
  typed.incoming_hooks?.forEach((h, i) => {
    if (!typed.channels.some((c) => c.team === h.team && c.name === h.channel)) {
      fail(`incoming_hooks[${i}].channel`, `no channel ${h.channel} in team ${h.team}`);
    }
    if (!users.has(h.creator)) fail(`incoming_hooks[${i}].creator`, `no user named ${h.creator}`);
  });
  return typed;
}
