import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// Stored as `scrypt$salt$hash` (hex). Only Mockmost reads it, so Mattermost's bcrypt format
// would buy nothing; scrypt is built into Node.
const KEY_LENGTH = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, KEY_LENGTH).toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return Promise.resolve(false);
  return new Promise((resolve) => {
    scrypt(password, Buffer.from(salt, 'hex'), KEY_LENGTH, (error, derived) => {
      resolve(!error && timingSafeEqual(derived, Buffer.from(hash, 'hex')));
    });
  });
}
