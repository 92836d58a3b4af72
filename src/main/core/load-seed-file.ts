import { readFileSync } from 'node:fs';
import { StartupError } from '../base/startup-error';
import { SeedError, validateSeed, type SeedFile } from '../workspace/seed-schema';

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
  try {
    return validateSeed(parsed);
  } catch (error) {
    if (error instanceof SeedError) throw new StartupError('SEED_INVALID', `seed file ${path}: ${error.message}`);
    throw error;
  }
}
