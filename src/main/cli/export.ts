import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXCHANGE_KINDS, type ExchangeDirection, type ExchangeKind } from '../../shared/contract/exchange';
import { defaultDataDir } from '../core/default-data-dir';
import { collectionToHar } from '../../shared/contract/har';
import { toCollection } from '../replay/to-collection';
import { writeAtomically } from '../base/write-atomically';
import { DATABASE_FILE } from '../store/open-database';
import { openReadOnlyStore } from '../store/read-only-store';
import { parseFlags, UsageError } from './flags';

const DEFAULT_LIMIT = 1000;
const VERSION = '0.1.0';

/**
 * `mockmost export`: captured exchanges as a collection file. Reads the database without
 * taking the data dir, so it works while `mockmost serve` runs.
 */
export async function exportCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseFlags(argv, ['out', 'data', 'kind', 'direction', 'limit', 'name', 'format']);
  if (positionals.length > 0) throw new UsageError(`unknown argument ${JSON.stringify(positionals[0])}`);
  const out = flags.get('out');
  if (!out) throw new UsageError('export needs --out FILE');
  const kind = flags.get('kind');
  if (kind !== undefined && !(EXCHANGE_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind must be one of ${EXCHANGE_KINDS.join(', ')}`);
  const direction = flags.get('direction') ?? 'outbound';
  if (!['outbound', 'inbound', 'all'].includes(direction)) throw new UsageError('--direction must be outbound, inbound or all');
  const format = flags.get('format') ?? 'collection';
  if (format !== 'collection' && format !== 'har') throw new UsageError('--format must be collection or har');
  const limitText = flags.get('limit') ?? String(DEFAULT_LIMIT);
  if (!/^[1-9]\d*$/.test(limitText)) throw new UsageError('--limit must be a positive whole number');

  const file = join(resolve(flags.get('data') ?? defaultDataDir()), DATABASE_FILE);
  if (!existsSync(file)) {
    process.stderr.write(`mockmost: no Mockmost database at ${file}\n`);
    return 1;
  }
  const store = openReadOnlyStore(file);
  try {
    const exchanges = store.exchanges
      .query({
        kind: kind as ExchangeKind | undefined,
        direction: direction === 'all' ? undefined : (direction as ExchangeDirection),
        limit: Number(limitText),
      })
      .reverse();
    const base = store.meta('listen_url') ?? 'http://127.0.0.1:8065';
    const collection = toCollection(flags.get('name') ?? `exported ${new Date().toISOString()}`, exchanges, base);
    const document = format === 'har' ? collectionToHar(collection, { name: 'Mockmost', version: VERSION }) : collection;
    writeAtomically(resolve(out), `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`Exported ${exchanges.length} exchange(s) to ${out}\n`);
    return 0;
  } finally {
    store.close();
  }
}
