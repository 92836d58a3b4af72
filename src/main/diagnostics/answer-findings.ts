import type { Diagnosis } from '../../shared/contract/exchange';
import { diagnose } from './catalog';

/** Edit distance, to name the key a misspelt one was probably meant to be. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * What Mattermost silently does with the top-level keys of an integration's JSON answer:
 * unknown ones (likely typos) are dropped, and some known ones are ignored in this context.
 */
export function answerFindings(value: unknown, known: readonly string[], ignored: Record<string, string> = {}): Diagnosis[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const findings: Diagnosis[] = [];
  const unknown: { name: string; suggestion?: string }[] = [];
  for (const name of Object.keys(value)) {
    const key = name.toLowerCase();
    if (ignored[key]) findings.push(diagnose.ignoredField(name, ignored[key]));
    else if (!known.includes(key)) unknown.push({ name, suggestion: closest(name, known) });
  }
  if (unknown.length > 0) findings.unshift(diagnose.unknownFields(unknown));
  return findings;
}
