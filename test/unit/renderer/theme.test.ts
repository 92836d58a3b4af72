import { describe, expect, it } from 'vitest';
import { buttonRgb } from '../../../src/renderer/src/features/post/attachments/button-style';
import { readThemeChoice, resolveTheme } from '../../../src/renderer/src/theme/theme-choice';
import { THEMES, themeVariables } from '../../../src/renderer/src/theme/themes';

const storage = (value: string | null) => ({ getItem: () => value });

describe('the theme choice', () => {
  it('reads a stored look, and anything else as following the system', () => {
    expect(readThemeChoice(storage('onyx'))).toBe('onyx');
    expect(readThemeChoice(storage('denim'))).toBe('denim');
    for (const garbage of [null, '', 'dark', '{"sidebarBg":"#000"}', 'constructor', 'x'.repeat(10_000)]) {
      expect(readThemeChoice(storage(garbage))).toBe('system');
    }
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
    };
    expect(readThemeChoice(refusing)).toBe('system');
  });

  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('onyx');
    expect(resolveTheme('system', false)).toBe('denim');
    expect(resolveTheme('denim', true)).toBe('denim');
    expect(resolveTheme('onyx', false)).toBe('onyx');
  });

  it("names the web app's variables with the theme's values", () => {
    const onyx = themeVariables(THEMES.onyx);
    expect(onyx['--center-channel-bg']).toBe('#191b1f');
    expect(onyx['--center-channel-color-rgb']).toBe('227, 228, 232');
    expect(onyx['--sidebar-bg']).toBe('#202228');
    expect(themeVariables(THEMES.denim)['--button-bg-rgb']).toBe('28, 88, 217');
  });
});

describe('attachment button colours', () => {
  it('take named styles and theme keys from the current theme', () => {
    expect(buttonRgb('primary', THEMES.denim)).toBe('28, 88, 217');
    expect(buttonRgb('primary', THEMES.onyx)).toBe('74, 124, 232');
    expect(buttonRgb('sidebarBg', THEMES.onyx)).toBe('32, 34, 40');
    expect(buttonRgb('#abc', THEMES.denim)).toBe('170, 187, 204');
  });

  it('give no colour for what is not one, including names of Object', () => {
    for (const style of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'codeTheme', 'red', '#12', 42, null, '']) {
      expect(buttonRgb(style, THEMES.denim)).toBeUndefined();
    }
  });
});
