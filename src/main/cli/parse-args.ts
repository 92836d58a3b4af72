/** Thrown for a command line that cannot be run; the CLI prints the message and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ServeArgs {
  port: number;
  host: string;
  data?: string;
  seed?: string;
  token?: string;
}

export const USAGE = `Usage: mockmost serve [--port 8065] [--host 127.0.0.1] [--data DIR] [--seed FILE] [--token T]

  --port   port to listen on (default 8065, Mattermost's)
  --host   address to bind (default 127.0.0.1; anything else exposes Mockmost to your network)
  --data   data directory holding the SQLite database (default: the per-user app data folder)
  --seed   JSON file replacing the seeded workspace of a fresh data directory
  --token  control API token (default: random per run)`;

const FLAGS = new Set(['port', 'host', 'data', 'seed', 'token']);

/** Parses `serve`'s flags (`--name value` or `--name=value`). */
export function parseServeArgs(argv: string[]): ServeArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match || !FLAGS.has(match[1]!)) throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${match[1]} needs a value`);
    values.set(match[1]!, value);
  }
  const portText = values.get('port') ?? '8065';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not ${JSON.stringify(portText)}`);
  return { port, host: values.get('host') ?? '127.0.0.1', data: values.get('data'), seed: values.get('seed'), token: values.get('token') };
}
