import { utf8ByteLength } from './utf8';

// Mattermost's post `hashtags` field (model.ParseHashtags): every whitespace-separated word
// that, once surrounding punctuation is trimmed and leading #s are folded to one, is `#`, a
// letter, then letters, digits, `-`, `_` or `.`, ending in a letter or digit. Duplicates stay.

// Go's \d and \s are ASCII-only, hence [0-9] and [\t\n\f\r ].
const PUNCTUATION_START = /^[^\p{L}0-9\t\n\f\r #]+/u;
const PUNCTUATION_END = /[^\p{L}0-9\t\n\f\r ]+$/u;
const MANY_HASHES = /^#{2,}/;
const HASHTAG = /^#\p{L}[\p{L}0-9\-_.]*[\p{L}0-9]$/u;
const MAX_BYTES = 1000;

export function parseHashtags(text: string): string {
  let tags = '';
  for (const raw of text.split(/\s+/)) {
    if (raw === '') continue;
    const word = raw.replace(PUNCTUATION_START, '').replace(PUNCTUATION_END, '').replace(MANY_HASHES, '#');
    if (HASHTAG.test(word)) tags += ` ${word}`;
  }
  if (utf8ByteLength(tags) > MAX_BYTES) {
    // Cut to 999 bytes, then back to the last whole tag.
    let cut = tags;
    while (utf8ByteLength(cut) > MAX_BYTES - 1) cut = cut.slice(0, -1);
    const lastSpace = cut.lastIndexOf(' ');
    tags = lastSpace > -1 ? cut.slice(0, lastSpace) : '';
  }
  return tags.trim();
}
