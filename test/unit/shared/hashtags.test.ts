import { describe, expect, it } from 'vitest';
import { parseHashtags } from '../../../src/shared/mattermost/hashtags';

describe('post hashtags', () => {
  it.each([
    ['#hashtag hello', '#hashtag'],
    ['(#wrapped), ##double #a1 #1a #a', '#wrapped #double #a1'],
    ['#dotted.tag. #under_score #dash-', '#dotted.tag #under_score #dash'],
    ['#ünïcode #xy #xy #x', '#ünïcode #xy #xy'],
    ['#tag٣ #tag3', '#tag #tag3'],
    ['no tags here # #', ''],
  ])('%j → %j', (message, tags) => {
    expect(parseHashtags(message)).toBe(tags);
  });

  it('keeps at most 1000 bytes of whole tags', () => {
    const tags = parseHashtags(Array.from({ length: 200 }, (_, i) => `#tag${i}`).join(' '));
    expect(new TextEncoder().encode(tags).length).toBeLessThan(1000);
    expect(tags.endsWith('#tag')).toBe(false);
    expect(tags.split(' ').every((t) => /^#tag\d+$/.test(t))).toBe(true);
  });
});

describe('UTF-8 length', () => {
  it('counts bytes as Go does', async () => {
    const { utf8ByteLength } = await import('../../../src/shared/mattermost/utf8');
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀é€']) expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text));
  });
});
