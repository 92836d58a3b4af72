// Decoding JSON the way Mattermost's Go server does (encoding/json into a struct): only the
// first JSON value counts, keys match fields case-insensitively, unknown keys are dropped,
// `null` leaves a field at its zero value, and any type mismatch fails the whole decode.

export type GoType =
  | 'string'
  | 'bool'
  | 'int'
  | 'any'
  /** Mattermost's SlackCompatibleBool: true/false, or those words quoted in any case. */
  | 'slack_bool'
  | { struct: Record<string, GoType> }
  | { slice: GoType }
  | { map: GoType };

export class GoJsonError extends Error {
  override name = 'GoJsonError';
}

/** The text of the first JSON value in `text`; trailing bytes are ignored, as Go's Decoder does. */
export function firstJsonValue(text: string): string {
  let i = 0;
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  const start = i;
  const first = text[i];
  if (first === '{' || first === '[') {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = skipString(text, i);
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return text.slice(start, i + 1);
      }
    }
    return text.slice(start);
  }
  if (first === '"') return text.slice(start, skipString(text, i) + 1);
  while (i < text.length && !' \t\n\r{["'.includes(text[i]!)) i++;
  return text.slice(start, i);
}

function skipString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

/** Parses the first JSON value of `text`; throws GoJsonError with the reason when it is not JSON. */
export function parseFirstJson(text: string): unknown {
  const value = firstJsonValue(text);
  if (value === '') throw new GoJsonError('unexpected end of JSON input');
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new GoJsonError(error instanceof Error ? error.message : String(error));
  }
}

const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function mismatch(value: unknown, type: string, path: string): never {
  throw new GoJsonError(`json: cannot unmarshal ${typeName(value)} into Go value of type ${type} (at ${path || 'top level'})`);
}

/** Decodes an already parsed value into the shape of `type`; `undefined` stands for Go's zero/nil. */
export function decodeAs(value: unknown, type: GoType, path = ''): unknown {
  if (value === null) return undefined;
  if (type === 'any') return value;
  if (type === 'string') return typeof value === 'string' ? value : mismatch(value, 'string', path);
  if (type === 'bool') return typeof value === 'boolean' ? value : mismatch(value, 'bool', path);
  if (type === 'int') return typeof value === 'number' && Number.isInteger(value) ? value : mismatch(value, 'int64', path);
  if (type === 'slack_bool') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    return mismatch(value, 'SlackCompatibleBool', path);
  }
  if ('slice' in type) {
    if (!Array.isArray(value)) return mismatch(value, 'slice', path);
    return value.map((item, i) => decodeAs(item, type.slice, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) return mismatch(value, 'slice' in type ? 'slice' : 'struct', path);
  if ('map' in type) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = decodeAs(item, type.map, `${path}.${key}`) ?? null;
    return out;
  }
  return decodeStruct(value as Record<string, unknown>, type.struct, path);
}

function decodeStruct(value: Record<string, unknown>, fields: Record<string, GoType>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = Object.keys(fields);
  for (const [key, item] of Object.entries(value)) {
    const field = key in fields ? key : names.find((name) => name.toLowerCase() === key.toLowerCase());
    if (field === undefined) continue;
    const decoded = decodeAs(item, fields[field]!, path ? `${path}.${field}` : field);
    if (decoded === undefined) delete out[field];
    else out[field] = decoded;
  }
  return out;
}
