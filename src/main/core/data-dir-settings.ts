import { formatKeepRule, parseKeepRule, type KeepRule } from '../store/retention';
import type { Store } from '../store/store';
import { validateSeed, type SeedFile } from '../workspace/seed-schema';

// Mockmost's own settings live in the data dir (its settings table) with everything else, so a
// restart (and the desktop app, which has no flags) carries on with them: the seed that resets
// use and how much captured history to keep. A flag given to `serve` overrides its setting for
// that run only.

const SEED_KEY = 'seed_document';
const KEEP_KEY = 'keep_rule';

/** The seed stored in the settings, if any. */
export function storedSeed(store: Store): SeedFile | undefined {
  const stored = store.getSetting(SEED_KEY);
  if (stored === undefined) return undefined;
  // It was validated before it was stored; a data dir edited by hand falls back to the built-in seed.
  try {
    return validateSeed(JSON.parse(stored));
  } catch {
    return undefined;
  }
}

/** Stores the seed later resets use; undefined goes back to the built-in one. */
export function storeSeed(store: Store, seed: SeedFile | undefined): void {
  store.setSetting(SEED_KEY, seed && JSON.stringify(seed));
}

/** How much history to keep, as stored; undefined: everything. */
export function storedKeepRule(store: Store): KeepRule | undefined {
  const text = store.getSetting(KEEP_KEY);
  return text === undefined ? undefined : parseKeepRule(text);
}

export function storeKeepRule(store: Store, rule: KeepRule | undefined): void {
  store.setSetting(KEEP_KEY, rule && formatKeepRule(rule));
}
