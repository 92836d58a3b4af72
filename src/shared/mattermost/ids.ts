// Mattermost ids: 16 random bytes in base32 with Mattermost's own alphabet, unpadded,
// which gives 26 lowercase characters (server/public/model/utils.go NewId).
const ALPHABET = 'ybndrfg8ejkmcpqxot1uwisza345h769';

export function encodeId(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

const VALID_ID = /^[a-zA-Z0-9]{26}$/;

/** Mattermost's IsValidId: exactly 26 letters or digits. */
export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && VALID_ID.test(value);
}
