/** Thrown for a command line that cannot be run; the CLI prints the message and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * `--name value` / `--name=value` flags of the given names, `--name` alone for the `switches`
 * (set to "true"), plus positional arguments.
 */
export function parseFlags(
  argv: string[],
  names: readonly string[],
  switches: readonly string[] = [],
): { flags: Map<string, string>; positionals: string[] } {
  const flags = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (match && switches.includes(match[1]!) && match[2] === undefined) {
      flags.set(match[1]!, 'true');
      continue;
    }
    if (!match || !names.includes(match[1]!)) throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${match[1]} needs a value`);
    flags.set(match[1]!, value);
  }
  return { flags, positionals };
}
