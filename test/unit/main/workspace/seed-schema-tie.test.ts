import Ajv, { type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SEED_JSON_SCHEMA } from '../../../../src/shared/schemas/seed-json-schema';
import { DEFAULT_SEED } from '../../../../src/main/workspace/default-seed';
import { SeedError, validateSeed } from '../../../../src/main/workspace/seed-schema';

// The seed is described once, by its JSON Schema (what Monaco checks in the Settings page); the
// server's validator must agree with it on every seed the schema can judge. This feeds both the
// same seeds: valid ones, and every field of every list broken in each way the schema forbids.

const schemaCheck = new Ajv({ allErrors: false, strict: false }).compile(SEED_JSON_SCHEMA);

/** Where ajv found the first fault, in the validator's notation (`commands[0].url`). */
function schemaFault(seed: unknown): string | undefined {
  if (schemaCheck(seed)) return undefined;
  const error = schemaCheck.errors![0] as ErrorObject;
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
  const child =
    (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
    (error.params as { additionalProperty?: string }).additionalProperty;
  return child === undefined ? path : path === '' ? child : `${path}.${child}`;
}

/** Where the server's validator found the fault (the field its message starts with). */
function validatorFault(seed: unknown): string | undefined {
  try {
    validateSeed(structuredClone(seed));
    return undefined;
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    return error.message.slice(0, error.message.indexOf(': '));
  }
}

/** A seed using every list and every field, valid for both. */
const FULL = {
  teams: [{ name: 'dev', display_name: 'Dev', type: 'O' }],
  users: [
    { username: 'sysadmin', password: 'Sys@dmin-sample1', email: 'a@example.com', roles: 'system_user system_admin', teams: ['dev'] },
    { username: 'user-1', password: 'SampleUs@r-1', teams: ['dev'] },
  ],
  channels: [
    { team: 'dev', name: 'town-square', display_name: 'Town Square', type: 'O', members: ['sysadmin', 'user-1'] },
    { team: 'dev', name: 'secret', display_name: 'Secret', type: 'P', members: ['sysadmin'] },
  ],
  config: { ServiceSettings: { EnableLatex: true } },
  incoming_hooks: [
    {
      key: 'ci',
      id: 'ci000000000000000000000000',
      team: 'dev',
      channel: 'town-square',
      creator: 'sysadmin',
      display_name: 'CI',
      description: 'builds',
      username: 'ci-bot',
      icon_url: 'http://127.0.0.1/icon.png',
      channel_locked: true,
    },
  ],
  outgoing_hooks: [
    {
      key: 'watch',
      token: 'watchtoken0000000000000000',
      team: 'dev',
      channel: 'town-square',
      creator: 'sysadmin',
      trigger_words: ['build'],
      trigger_when: 1,
      callback_urls: ['http://127.0.0.1:4000/out'],
      content_type: 'application/json',
    },
  ],
  commands: [
    {
      key: 'deploy',
      token: 'deploytoken000000000000000',
      team: 'dev',
      creator: 'sysadmin',
      trigger: 'deploy',
      url: 'http://127.0.0.1:4000/deploy',
      method: 'G',
      auto_complete: true,
      auto_complete_desc: 'Deploys',
      auto_complete_hint: '[env]',
    },
  ],
};

type Schema = {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  minItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
};
const LISTS = (SEED_JSON_SCHEMA as Schema).properties!;

/** Values the schema refuses for a field, from its keywords: the wrong type, and each constraint broken. */
function badValues(field: Schema): unknown[] {
  if (field.enum) return ['not-one-of-them', 7];
  if (field.type === 'boolean') return ['yes'];
  if (field.type === 'object') return ['not an object', []];
  if (field.type === 'string')
    return [42, ...(field.minLength || field.pattern ? [''] : []), ...(field.pattern ? ['has space\n', '/x'] : [])];
  if (field.type === 'array') {
    return [
      'not a list',
      ...(field.minItems ? [[]] : []),
      [42],
      ...badValues(field.items!)
        .filter((v) => typeof v === 'string')
        .map((v) => [v]),
    ];
  }
  throw new Error(`no bad values for ${JSON.stringify(field)}`);
}

function broken(): { name: string; seed: unknown }[] {
  const cases: { name: string; seed: unknown }[] = [{ name: 'an unknown top-level field', seed: { ...FULL, extra: 1 } }];
  for (const list of ['teams', 'users', 'channels', 'config']) {
    cases.push({ name: `${list} missing or not what it must be`, seed: { ...FULL, [list]: list === 'config' ? [] : 'x' } });
  }
  for (const [list, schema] of Object.entries(LISTS)) {
    const item = schema.items;
    if (!item) continue;
    const base = (FULL as unknown as Record<string, Record<string, unknown>[]>)[list]![0]!;
    const withItem = (changed: Record<string, unknown>) => ({ ...FULL, [list]: [changed] });
    cases.push({ name: `${list}[0] with an unknown field`, seed: withItem({ ...base, chanel: 'town-square' }) });
    cases.push({ name: `${list}[0] not an object`, seed: { ...FULL, [list]: ['x'] } });
    for (const [field, fieldSchema] of Object.entries(item.properties!)) {
      if (item.required?.includes(field)) {
        const { [field]: _dropped, ...rest } = base;
        cases.push({ name: `${list}[0] without ${field}`, seed: withItem(rest) });
      }
      for (const value of badValues(fieldSchema)) {
        cases.push({ name: `${list}[0].${field} = ${JSON.stringify(value)}`, seed: withItem({ ...base, [field]: value }) });
      }
    }
  }
  return cases;
}

describe('the seed, described once by its JSON Schema', () => {
  it('is valid for both, whole and as the built-in seed', () => {
    for (const seed of [FULL, DEFAULT_SEED]) {
      expect(schemaFault(seed)).toBeUndefined();
      expect(validatorFault(seed)).toBeUndefined();
    }
  });

  it.each(broken())('$name: both refuse it, at the same field', ({ seed }) => {
    const fault = schemaFault(seed);
    expect(fault).toBeDefined();
    expect(validatorFault(seed)).toBe(fault);
  });
});
