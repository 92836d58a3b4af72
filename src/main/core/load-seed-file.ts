import { readFileSync } from 'node:fs';
import { StartupError } from '../base/startup-error';
import { SeedError, validateSeed, type SeedFile } from '../workspace/seed-schema';

/** Checks a seed given as an object, with the same answers as a file's (`what` names it in them). */
export function checkSeedObject(seed: unknown, what = 'seed'): SeedFile {
  try {
    return validateSeed(seed);
  } catch (error) {
    if (error instanceof SeedError) throw new StartupError('SEED_INVALID', `${what}: ${error.message}`);
    throw error;
  }
}

/** Reads and checks a `--seed` file; every failure names the file and, when it can, the field. */
export function loadSeedFile(path: string): SeedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new StartupError('SEED_INVALID', `seed file ${path} cannot be read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StartupError('SEED_INVALID', `seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return checkSeedObject(parsed, `seed file ${path}`);
}
