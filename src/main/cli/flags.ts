import { parseArgs } from 'node:util';

/** Thrown for a command line that cannot be run; the CLI prints the message and the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** How far apart two words are: insertions, deletions, substitutions and swaps of neighbours (`--prot` is one from `--port`). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known flag nearest to a mistyped one, when it is close enough to be what was meant. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const ranked = known.map((name) => ({ name, d: distance(word, name) })).sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/**
 * `--name value` / `--name=value` flags of the given names, `--name` alone for the `switches`
 * (set to "true"), plus positional arguments; read with Node's util.parseArgs. An unknown flag is
 * a UsageError naming the nearest known one.
 */
export function parseFlags(
  argv: string[],
  names: readonly string[],
  switches: readonly string[] = [],
): { flags: Map<string, string>; positionals: string[] } {
  const options = Object.fromEntries([
    ...names.map((name) => [name, { type: 'string' as const }]),
    ...switches.map((name) => [name, { type: 'boolean' as const }]),
  ]);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageErrorOf(error as Error & { code?: string }, [...names, ...switches]);
  }
  const flags = new Map<string, string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`--${name} needs a value`);
    flags.set(name, String(value));
  }
  return { flags, positionals: parsed.positionals };
}

function usageErrorOf(error: Error & { code?: string }, known: string[]): UsageError {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = nearest(flag.replace(/^-+/, ''), known);
    return new UsageError(`unknown argument ${JSON.stringify(flag)}${guess ? `; did you mean --${guess}?` : ''}`);
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(/does not take an argument/.test(error.message) ? `${flag} takes no value` : `${flag} needs a value`);
  }
  return new UsageError(error.message);
}
