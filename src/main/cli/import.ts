import { resolve } from 'node:path';
import { CollectionError } from '../../shared/contract/collection';
import { writeAtomically } from '../base/write-atomically';
import { parseFlags, UsageError } from './flags';
import { loadCollection } from './replay';

/** `mockmost import FILE --out COLLECTION.json`: a HAR file (or a collection) as a Mockmost collection. */
export async function importCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseFlags(argv, ['out', 'name']);
  if (positionals.length !== 1) throw new UsageError('import needs exactly one HAR or collection file');
  const out = flags.get('out');
  if (!out) throw new UsageError('import needs --out FILE');
  const file = positionals[0]!;
  try {
    const collection = loadCollection(resolve(file));
    if (flags.get('name')) collection.name = flags.get('name')!;
    writeAtomically(resolve(out), `${JSON.stringify(collection, null, 2)}\n`);
    process.stdout.write(`Imported ${collection.entries.length} exchange(s) from ${file} to ${out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CollectionError) {
      process.stderr.write(`mockmost: ${file}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
