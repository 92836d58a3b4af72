// What the property suites share: inputs built to stress parsers, and the time budget that tells
// catastrophic (super-linear) behaviour from an ordinary slow run.
import fc from 'fast-check';

/** The bound for one input; an input over it is re-run once, so a GC pause cannot fail a run. */
export const BUDGET_MS = 100;

export const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** CPU time this process spent, in ms: unlike the wall clock, it does not grow while other processes hold the cores. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Calls `fn(input)` and throws when it used more CPU time than the budget twice in a row. It
 * tells catastrophic behaviour (seconds to hours on these inputs) from an ordinary run; CPU
 * time keeps a busy machine (CI beside other jobs) from failing it.
 */
export function withinBudget<T, R>(fn: (input: T) => R, input: T): R {
  for (let attempt = 0; ; attempt++) {
    const started = cpuMs();
    const result = fn(input);
    const elapsed = cpuMs() - started;
    if (elapsed <= BUDGET_MS) return result;
    if (attempt === 1) throw new Error(`took ${elapsed.toFixed(0)} ms (budget ${BUDGET_MS} ms) on ${JSON.stringify(input).slice(0, 300)}…`);
  }
}

/** Strings made of the pieces a grammar cares about, repeated: the inputs that find backtracking. */
export function fragments(pieces: readonly string[], maxPieces = 400): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...pieces) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }) },
      ),
      {
        maxLength: maxPieces,
      },
    )
    .map((parts) => parts.join(''));
}

/** One piece repeated thousands of times: the classic shapes of catastrophic regular expressions. */
export function repeated(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...pieces), fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom('', 'x', '\n', '!', ' '))
    .map(([piece, times, tail]) => piece.repeat(Math.ceil(times / piece.length)) + tail);
}
