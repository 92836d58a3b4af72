import { randomFillSync } from 'node:crypto';
import { encodeId } from '../../shared/mattermost/ids';

// Random bytes are drawn in blocks: one syscall per 256 ids instead of one per id, which
// showed up in profiles of the webhook path (several ids per request).
const BLOCK = 16 * 256;
const pool = Buffer.alloc(BLOCK);
let offset = BLOCK;

/** Mattermost's NewId: a random UUIDv4 in Mattermost's base32, 26 characters. */
export function newId(): string {
  if (offset === BLOCK) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return encodeId(bytes);
}
