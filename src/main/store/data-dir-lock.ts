import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../base/startup-error';

const LOCK_FILE = 'mockmost.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Mockmost per data dir: two servers writing one workspace would hand out clashing ids and
 * interleave two users' traffic. A lock file naming the owner's pid; a lock left by a killed
 * process (its pid is gone) is taken over, so a SIGKILL never blocks the next start.
 */
export function lockDataDir(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StartupError('DATA_DIR_UNUSABLE', `data dir ${dir} cannot be created: ${(error as Error).message}`);
  }
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new StartupError('DATA_DIR_UNUSABLE', `data dir ${dir} is not writable: ${(error as Error).message}`);
      }
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new StartupError('DATA_DIR_LOCKED', `data dir ${dir} is in use by another Mockmost (pid ${owner})`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new StartupError('DATA_DIR_LOCKED', `data dir ${dir} could not be locked`);
}
