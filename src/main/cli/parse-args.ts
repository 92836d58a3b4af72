import { parseKeepRule, type KeepRule } from '../store/retention';
import { parseFlags, UsageError } from './flags';

export { UsageError };

export interface ServeArgs {
  port: number;
  host: string;
  data?: string;
  seed?: string;
  token?: string;
  proxies: Record<string, string>;
  keep?: KeepRule;
  /** Print one JSON line (url, control_token, data_dir, pid) instead of the two human lines. */
  json: boolean;
}

/** What each command's `--help` prints, and what a usage error prints after its message. */
export const COMMAND_HELP: Record<string, string> = {
  serve: `Usage: mockmost serve [--port 8065] [--host 127.0.0.1] [--data DIR] [--seed FILE] [--token T] [--proxy NAME=URL,...] [--keep N|AGE|SIZE] [--json]

Runs the mock Mattermost server, the control API and the web UI until SIGINT or SIGTERM.

  --port   port to listen on (default 8065, Mattermost's; 0 picks a free one)
  --host   address to bind (default 127.0.0.1; anything else exposes Mockmost to your network)
  --data   data directory holding the SQLite database (default: the per-user app data folder)
  --seed   JSON file replacing the seeded workspace of a fresh data directory
  --token  control API token (default: random per run)
  --proxy  recording proxies: /_mockmost/proxy/NAME/… forwards to URL and records both sides
  --keep   how much captured history to keep, pruning the oldest in the background: N exchanges
           (5000), an age (90s, 30m, 12h, 7d) or a database size (800KB, 500MB, 2GB)
  --json   once listening, print one JSON line {"url", "control_token", "data_dir", "pid"} and
           nothing else on stdout (for test fixtures in other languages; --port 0 picks a free port)

Exit status: 0 stopped by a signal; 1 could not start (port taken, data dir unusable or in use,
bad seed); 2 bad arguments.`,
  export: `Usage: mockmost export --out FILE [--data DIR] [--kind KIND] [--direction outbound|inbound|all] [--limit N] [--name NAME] [--format collection|har]

Writes captured exchanges as a collection (JSON that diffs well in git) or a HAR file.

  --out        the file to write
  --data       the data directory to read (default: the per-user app data folder)
  --direction  outbound (default: Mockmost's calls to integrations), inbound, or all
  --kind       only this kind (outgoing_webhook, slash_command, action, dialog, incoming_webhook, rest, …)
  --limit      the newest N (default 1000)
  --name       the collection's name
  --format     collection (default) or har (HAR 1.2, for browsers' and proxies' tools)

Exit status: 0 written; 1 the data directory cannot be read; 2 bad arguments.`,
  import: `Usage: mockmost import FILE.har|CURL-FILE --out COLLECTION.json [--name NAME]

Turns a HAR file (from a browser, a proxy or export --format har) or a file holding one curl
command into a collection; replay also reads HAR files directly.

Exit status: 0 written; 2 bad arguments or an unreadable input file.`,
  replay: `Usage: mockmost replay COLLECTION.json --target URL|RECORDED=NEW[,...] [--junit FILE] [--ignore RULES] [--timeout SECONDS]

Re-sends a collection and compares each answer with the recorded one.

  --target   where to send: one origin for all, or recorded-origin=new-origin pairs
  --junit    also write a JUnit XML report there
  --ignore   extra comma-separated paths to ignore (e.g. "body.props.*,body.**.id"); trigger ids and timestamps are ignored already
  --timeout  seconds per request (default 30)

Exit status: 0 every answer as recorded; 1 a difference or a failed request; 2 bad arguments or a broken collection.`,
};

export const USAGE = `Usage: mockmost <command> [flags]

Commands:
  serve    run the mock Mattermost server, the control API and the web UI
  export   write captured exchanges as a collection or a HAR file
  import   turn a HAR file or a curl command into a collection
  replay   re-send a collection and compare the answers with the recorded ones

mockmost <command> --help   a command's flags and exit status
mockmost --version          the version

Exit status: 0 success; 1 the command failed (could not start, a replay difference); 2 bad arguments.`;

const SERVE_FLAGS = ['port', 'host', 'data', 'seed', 'token', 'proxy', 'keep'];

/** Parses `serve`'s flags (`--name value` or `--name=value`). */
export function parseServeArgs(argv: string[]): ServeArgs {
  const { flags: values, positionals } = parseFlags(argv, SERVE_FLAGS, ['json']);
  if (positionals.length > 0) throw new UsageError(`unknown argument ${JSON.stringify(positionals[0])}`);
  const portText = values.get('port') ?? '8065';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not ${JSON.stringify(portText)}`);
  const proxies: Record<string, string> = {};
  for (const pair of (values.get('proxy') ?? '').split(',').filter(Boolean)) {
    const match = /^([A-Za-z0-9]{1,64})=(https?:\/\/\S+)$/.exec(pair);
    if (!match)
      throw new UsageError(`--proxy takes NAME=URL pairs (NAME letters and digits, URL http or https), not ${JSON.stringify(pair)}`);
    proxies[match[1]!] = match[2]!;
  }
  const keepText = values.get('keep');
  const keep = keepText === undefined ? undefined : parseKeepRule(keepText);
  if (keepText !== undefined && keep === undefined)
    throw new UsageError(
      `--keep takes a number of exchanges (5000), an age (7d, 12h, 30m, 90s) or a size (500MB, 2GB), not ${JSON.stringify(keepText)}`,
    );
  return {
    port,
    host: values.get('host') ?? '127.0.0.1',
    data: values.get('data'),
    seed: values.get('seed'),
    token: values.get('token'),
    proxies,
    keep,
    json: values.get('json') === 'true',
  };
}
