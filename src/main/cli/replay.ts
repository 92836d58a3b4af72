import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { CollectionError, type Collection } from '../../shared/contract/collection';
import { parseCollectionFile } from '../../shared/contract/collection-file';
import { DEFAULT_IGNORE } from '../../shared/replay/compare';
import { describeDifference } from '../replay/describe';
import { junitXml } from '../replay/junit';
import { parseTarget, replayCollection, type ReplayResult } from '../replay/run-replay';
import { writeAtomically } from '../base/write-atomically';
import { parseFlags, UsageError } from './flags';

/** Reads a collection, HAR or curl file; CollectionError for anything unreadable. */
export function loadCollection(path: string): Collection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CollectionError(`cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseCollectionFile(basename(path), text);
}

/** A progress line that rewrites itself on a terminal and prints every 10 % otherwise. */
function progress(total: number) {
  const tty = process.stderr.isTTY === true;
  const step = Math.max(1, Math.ceil(total / 10));
  return (done: number, _total: number, result: ReplayResult) => {
    if (tty) process.stderr.write(`\r[${done}/${total}] ${result.entry.name.slice(0, 60).padEnd(60)}${done === total ? '\n' : ''}`);
    else if (total >= 20 && (done % step === 0 || done === total)) process.stderr.write(`replayed ${done}/${total}\n`);
  };
}

function report(results: ReplayResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const mark = r.outcome === 'same' ? '✓' : r.outcome === 'changed' ? '✗' : '!';
    lines.push(`${mark} ${r.entry.name}`);
    if (r.error) lines.push(`    ${r.error}`);
    for (const d of r.differences) lines.push(`    ${describeDifference(d)}`);
  }
  const count = (o: ReplayResult['outcome']) => results.filter((r) => r.outcome === o).length;
  lines.push(`Replayed ${results.length} exchange(s): ${count('same')} same, ${count('changed')} changed, ${count('failed')} failed.`);
  return `${lines.join('\n')}\n`;
}

/** `mockmost replay COLLECTION --target …`: exit 0 when every answer matches, 1 otherwise. */
export async function replayCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseFlags(argv, ['target', 'junit', 'ignore', 'timeout']);
  if (positionals.length !== 1) throw new UsageError('replay needs exactly one collection file');
  const file = positionals[0]!;
  const targetSpec = flags.get('target');
  if (!targetSpec) throw new UsageError('replay needs --target (where the integration now runs)');
  let target: (url: string) => string;
  try {
    target = parseTarget(targetSpec);
  } catch (error) {
    throw new UsageError(`--target: ${(error as Error).message}`);
  }
  const timeoutText = flags.get('timeout') ?? '30';
  if (!/^[1-9]\d*$/.test(timeoutText)) throw new UsageError('--timeout must be a positive whole number of seconds');
  const ignore = [
    ...DEFAULT_IGNORE,
    ...(flags.get('ignore') ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  ];

  let collection: Collection;
  try {
    collection = loadCollection(resolve(file));
  } catch (error) {
    if (error instanceof CollectionError) {
      process.stderr.write(`mockmost: ${file}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const results = await replayCollection(collection, {
    target,
    ignore,
    timeoutMs: Number(timeoutText) * 1000,
    onProgress: progress(collection.entries.length),
  });
  process.stdout.write(report(results));
  const junit = flags.get('junit');
  if (junit) writeAtomically(resolve(junit), junitXml(collection.name, results));
  return results.every((r) => r.outcome === 'same') ? 0 : 1;
}
