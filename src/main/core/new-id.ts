import { randomBytes } from 'node:crypto';
import { encodeId } from '../../shared/mattermost/ids';

/** Mattermost's NewId: a random UUIDv4 in Mattermost's base32, 26 characters. */
export function newId(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return encodeId(bytes);
}
