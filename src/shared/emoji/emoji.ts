import { EMOJI_TABLE } from './emoji-table.generated';

let byName: Map<string, string> | undefined;
let byText: Map<string, string> | undefined;

const VARIATION_SELECTOR = /\uFE0F/g;

/** Codepoints such as "1f44d-1f3fb" as the emoji text. */
export function unifiedToText(unified: string): string {
  return String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));
}

function load(): void {
  byName = new Map();
  byText = new Map();
  for (const pair of EMOJI_TABLE.split(';')) {
    const [name, unified] = pair.split('=') as [string, string];
    byName.set(name, unified);
    const text = unifiedToText(unified).replace(VARIATION_SELECTOR, '');
    // The first name listed is the emoji's main short name.
    if (!byText.has(text)) byText.set(text, name);
  }
}

/** The codepoints of a system emoji name (`smile` → `1f604`), or undefined. */
export function emojiCodepoints(name: string): string | undefined {
  if (!byName) load();
  return byName!.get(name);
}

/** The short name of a unicode emoji (`👍` → `+1`), or undefined when Mattermost does not know it. */
export function emojiNameOfText(text: string): string | undefined {
  if (!byText) load();
  return byText!.get(text.replace(VARIATION_SELECTOR, ''));
}
