import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const HASH = /^[0-9a-f]{64}$/;

const unlessExists = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EEXIST') throw error;
};

/**
 * The bytes of uploaded files, thumbnails and previews, one file per content (named by its
 * SHA-256, in a folder per first two hex digits). A blob is complete once `put` settles: it is
 * written to a temporary name, flushed to disk, then renamed.
 */
export class FileBlobs {
  constructor(readonly dir: string) {}

  static hashOf(data: Buffer): string {
    return createHash('sha256').update(data).digest('hex');
  }

  pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not a blob hash: ${hash}`);
    return join(this.dir, hash.slice(0, 2), hash);
  }

  /** Stores `data` (once per content) and answers its hash. */
  async put(data: Buffer): Promise<string> {
    const hash = FileBlobs.hashOf(data);
    const path = this.pathOf(hash);
    // One level at a time, not { recursive: true }: on a read-only file system Node's recursive
    // mkdir reports ENOENT, which would hide why the upload cannot be kept (EROFS).
    for (const dir of [this.dir, join(this.dir, hash.slice(0, 2))]) await mkdir(dir).catch(unlessExists);
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      const handle = await open(temporary, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return hash;
  }

  read(hash: string): Promise<Buffer> {
    return readFile(this.pathOf(hash));
  }

  /** Deletes those of `hashes` that `isReferenced` does not claim. */
  async sweepOnly(hashes: string[], isReferenced: (hash: string) => boolean): Promise<void> {
    for (const hash of new Set(hashes)) if (!isReferenced(hash)) await rm(this.pathOf(hash), { force: true });
  }

  /** Deletes every blob `isReferenced` does not claim (after a reset, or a failed upload). */
  async sweep(isReferenced: (hash: string) => boolean): Promise<number> {
    let removed = 0;
    const folders = await readdir(this.dir).catch(() => [] as string[]);
    for (const folder of folders) {
      for (const name of await readdir(join(this.dir, folder)).catch(() => [] as string[])) {
        // A temporary file belongs to an upload still being written.
        if (name.endsWith('.tmp') || (HASH.test(name) && isReferenced(name))) continue;
        await rm(join(this.dir, folder, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
