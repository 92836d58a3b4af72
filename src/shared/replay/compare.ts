// Comparing a replayed answer with the recorded one: JSON-aware, with volatile fields ignored by
// rules such as `trigger_id`, `*.create_at`, `attachments.*.ts` or `header:date`.

export interface Difference {
  path: string;
  recorded: unknown;
  replayed: unknown;
}

/** Fields that change on every run of a correct integration. */
export const DEFAULT_IGNORE = ['**.trigger_id', '**.create_at', '**.update_at', '**.edit_at', '**.timestamp', '**.request_id', '**.ts'];

/** `a.b.*` matches one segment per `*`, `**` any number; `[3]` indexes read as `3`. */
export function ignores(rules: readonly string[], path: string): boolean {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  return rules.some((rule) => matchSegments(rule.split('.').filter(Boolean), segments));
}

function matchSegments(rule: string[], path: string[]): boolean {
  if (rule.length === 0) return path.length === 0;
  const [head, ...rest] = rule;
  if (head === '**') return path.some((_, i) => matchSegments(rest, path.slice(i))) || matchSegments(rest, []);
  if (path.length === 0) return false;
  return (head === '*' || head === path[0]) && matchSegments(rest, path.slice(1));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every difference between two JSON values, by path (`text`, `attachments[0].color`). */
export function compareJson(recorded: unknown, replayed: unknown, rules: readonly string[], path = ''): Difference[] {
  if (path && ignores(rules, path)) return [];
  if (isObject(recorded) && isObject(replayed)) {
    const keys = [...new Set([...Object.keys(recorded), ...Object.keys(replayed)])];
    return keys.flatMap((key) => compareJson(recorded[key], replayed[key], rules, path ? `${path}.${key}` : key));
  }
  if (Array.isArray(recorded) && Array.isArray(replayed)) {
    const length = Math.max(recorded.length, replayed.length);
    return Array.from({ length }, (_, i) => compareJson(recorded[i], replayed[i], rules, `${path}[${i}]`)).flat();
  }
  return JSON.stringify(recorded) === JSON.stringify(replayed) ? [] : [{ path: path || '(body)', recorded, replayed }];
}
