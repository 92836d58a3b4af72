import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Reply } from './http-types';

/**
 * `/static/emoji/{unified}.png`, where Mattermost serves its system emoji (posts' `override_icon_url`
 * for `icon_emoji`, and the web app's emoji). Mattermost's own image set is its asset; Mockmost
 * draws Twemoji instead (CC BY 4.0, from @iconify-json/twemoji: one JSON of SVGs, 1.5 MB packed),
 * rendered once per emoji to a 64-pixel PNG as Mattermost's images are, and kept.
 */
export const EMOJI_PATH = /^\/static\/emoji\/([0-9a-f]{1,6}(?:-[0-9a-f]{1,6}){0,9})\.png$/;

const SIZE = 64;
const KEEP = 4000;

interface IconSet {
  chars: Record<string, string>;
  icons: { icons: Record<string, { body: string }>; aliases?: Record<string, { parent: string }>; width?: number; height?: number };
}

const load = createRequire(__filename);
let set: Promise<IconSet> | undefined;
const drawn = new Map<string, Buffer | null>();

function iconSet(): Promise<IconSet> {
  set ??= (async () => {
    const read = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;
    const [chars, icons] = await Promise.all([
      read(load.resolve('@iconify-json/twemoji/chars.json')),
      read(load.resolve('@iconify-json/twemoji/icons.json')),
    ]);
    return { chars: chars as IconSet['chars'], icons: icons as IconSet['icons'] };
  })();
  set.catch(() => (set = undefined));
  return set;
}

/** The SVG body for a unified code, trying it as given, without the emoji variation selector, and with it. */
function svgBody(icons: IconSet, unified: string): string | undefined {
  for (const code of [unified, unified.replace(/-fe0f/g, ''), `${unified}-fe0f`]) {
    let name = icons.chars[code];
    if (name === undefined) continue;
    name = icons.icons.aliases?.[name]?.parent ?? name;
    const icon = icons.icons.icons[name];
    if (icon) return icon.body;
  }
  return undefined;
}

async function draw(unified: string): Promise<Buffer | null> {
  const icons = await iconSet();
  const body = svgBody(icons, unified);
  if (body === undefined) return null;
  const box = `0 0 ${icons.icons.width ?? 36} ${icons.icons.height ?? 36}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box}" width="${SIZE}" height="${SIZE}">${body}</svg>`;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The emoji's PNG, or Mattermost's plain 404 for a code it has no image for. */
export async function emojiImage(unified: string): Promise<Reply> {
  let png = drawn.get(unified);
  if (png === undefined) {
    png = await draw(unified);
    if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
    drawn.set(unified, png);
  }
  if (png === null) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
  return { status: 200, headers: { 'Content-Type': 'image/png', 'Cache-Control': 'max-age=31556926, public' }, body: png };
}
