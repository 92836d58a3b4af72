// The vectors' comparison rules: recursive subsets, value tokens, arrays of equal
// length unless the expected one ends with "...".

const FIVE_MINUTES_MS = 5 * 60 * 1000;

/** Keeps failure messages readable when a vector carries 16 KB strings. */
const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
};

function withinNow(value: unknown, unit: 'ms' | 's'): boolean {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) return false;
  const ms = unit === 'ms' ? n : n * 1000;
  return Math.abs(ms - Date.now()) <= FIVE_MINUTES_MS;
}

function matchToken(expected: string, actual: unknown, present: boolean): boolean | undefined {
  if (expected === '<any>') return present;
  if (expected === '<absent>') return !present;
  if (expected === '<id>') return typeof actual === 'string' && /^[a-z0-9]{26}$/i.test(actual);
  if (expected === '<nonempty>')
    return actual !== undefined && actual !== null && actual !== '' && !(Array.isArray(actual) && actual.length === 0);
  if (expected === '<ms>') return withinNow(actual, 'ms');
  if (expected === '<s>') return withinNow(actual, 's');
  if (expected.startsWith('<prefix:') && expected.endsWith('>'))
    return typeof actual === 'string' && actual.startsWith(expected.slice(8, -1));
  return undefined;
}

/** Lists every difference between `expected` (a subset with tokens) and `actual`. */
export function differences(expected: unknown, actual: unknown, path = '$', present = true): string[] {
  if (typeof expected === 'string') {
    const token = matchToken(expected, actual, present);
    if (token !== undefined) return token ? [] : [`${path}: expected ${expected}, got ${present ? show(actual) : 'nothing'}`];
  }
  if (!present) return [`${path}: missing (expected ${show(expected)})`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${show(actual)}`];
    const prefix = expected.at(-1) === '...';
    const items = prefix ? expected.slice(0, -1) : expected;
    if (prefix ? actual.length < items.length : actual.length !== items.length) {
      return [`${path}: expected ${items.length}${prefix ? '+' : ''} items, got ${actual.length}`];
    }
    return items.flatMap((item, i) => differences(item, actual[i], `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object, got ${show(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) =>
      differences(value, (actual as Record<string, unknown>)[key], `${path}.${key}`, key in actual),
    );
  }
  return expected === actual ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}
