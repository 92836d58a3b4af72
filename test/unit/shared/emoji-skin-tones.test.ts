import { describe, expect, it } from 'vitest';
import { emojiCodepoints, emojiNameOfText, unifiedToText } from '../../../src/shared/emoji/emoji';

// Mattermost's web app names each skin variation after the emoji's main short name
// (`+1_medium_skin_tone`), and knows the five tone swatches as emoji of their own (`skin-tone-2`…).
describe('emoji skin tones', () => {
  it('names toned emoji as the web app does, both ways', () => {
    expect(emojiCodepoints('+1_medium_skin_tone')).toBe('1f44d-1f3fd');
    expect(emojiCodepoints('wave_dark_skin_tone')).toBe('1f44b-1f3ff');
    expect(emojiNameOfText(unifiedToText('1f44d-1f3fd'))).toBe('+1_medium_skin_tone');
    expect(emojiNameOfText('👋🏿')).toBe('wave_dark_skin_tone');
  });

  it('keeps the swatches as emoji, so `:+1::skin-tone-3:` is two of them', () => {
    expect(emojiCodepoints('skin-tone-3')).toBe('1f3fc');
    expect(emojiCodepoints('+1')).toBe('1f44d');
  });
});
