import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_RUNES, splitMessage } from '../../../src/main/workspace/split-message';

describe('splitting long webhook text', () => {
  it('keeps a message of exactly the limit whole', () => {
    expect(splitMessage('a'.repeat(MAX_MESSAGE_RUNES))).toHaveLength(1);
  });

  it('cuts at the limit and keeps the remainder', () => {
    expect(splitMessage('a'.repeat(MAX_MESSAGE_RUNES + 1)).map((p) => p.length)).toEqual([MAX_MESSAGE_RUNES, 1]);
  });

  it('counts runes, not UTF-16 units, and never cuts a character in two', () => {
    const emoji = '😀'.repeat(MAX_MESSAGE_RUNES);
    expect(splitMessage(emoji)).toEqual([emoji]);
    const parts = splitMessage(`${emoji}😀`);
    expect(parts.map((p) => Array.from(p).length)).toEqual([MAX_MESSAGE_RUNES, 1]);
    expect(parts[1]).toBe('😀');
  });
});
