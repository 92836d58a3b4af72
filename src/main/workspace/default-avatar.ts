import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Font } from 'opentype.js';
import type { User } from '../../shared/mattermost/model';

/** Mattermost's imageProfilePixelDimension. */
const SIZE = 128;
/** The colours Mattermost's list repeats after its first five (server/channels/app/users/profile_picture.go: createProfileImage). */
const CYCLE: [number, number, number][] = [
  [197, 8, 126],
  [197, 19, 19],
  [250, 134, 6],
  [227, 207, 18],
  [123, 201, 71],
  [28, 181, 105],
  [35, 188, 224],
  [116, 49, 196],
];
/** Mattermost's 26 background colours, picked by the FNV-1a hash of the user id: five, then the cycle, repeated. */
const COLOURS: [number, number, number][] = [
  [197, 8, 126],
  [227, 207, 18],
  [28, 181, 105],
  [35, 188, 224],
  [116, 49, 196],
  ...CYCLE,
  ...CYCLE,
  ...CYCLE.slice(0, 5),
];

/** FNV-1a, 32 bits, over the UTF-8 bytes (Go's hash/fnv New32a). */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function avatarColour(userId: string): [number, number, number] {
  return COLOURS[fnv32a(userId) % COLOURS.length]!;
}

const load = createRequire(__filename);
let font: Promise<Font> | undefined;

/** Nunito Bold, the font Mattermost draws initials in (FileSettings.InitialFont's default), loaded once. */
function initialFont(): Promise<Font> {
  font ??= (async () => {
    const { parse } = await import('opentype.js');
    const data = await readFile(load.resolve('@expo-google-fonts/nunito/700Bold/Nunito_700Bold.ttf'));
    return parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  })();
  return font;
}

/**
 * The picture Mattermost makes for a user who never uploaded one: their username's first
 * character, upper case, in white Nunito Bold at half the picture's size, from a fifth of the
 * way across at two thirds down, on a colour chosen by the user id; a 128-pixel PNG.
 */
export async function defaultProfileImage(user: Pick<User, 'id' | 'username'>): Promise<Buffer> {
  const [r, g, b] = avatarColour(user.id);
  const initial = user.username.toUpperCase().charAt(0);
  const glyph = (await initialFont()).getPath(initial, SIZE / 5, Math.floor((SIZE * 2) / 3), SIZE / 2).toPathData(2);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}"><rect width="${SIZE}" height="${SIZE}" fill="rgb(${r},${g},${b})"/><path d="${glyph}" fill="#fff"/></svg>`;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).png().toBuffer();
}
