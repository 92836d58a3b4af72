import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// Stored as `scrypt$salt$hash` (hex). Only Mockmost reads it, so Mattermost's bcrypt format
// would buy nothing; scrypt is built into Node.
const KEY_LENGTH = 32;

/**
 * Hashes in libuv's thread pool: scrypt takes tens of milliseconds, which on the main thread
 * would hold every other request (a seed with a hundred users held them for seconds).
 */
export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (error, derived) =>
      error ? reject(error) : resolve(`scrypt$${salt.toString('hex')}$${derived.toString('hex')}`),
    );
  });
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
