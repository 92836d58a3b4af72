// Button colours by action style, in the current theme (webapp/channels/src/components/post_view/message_attachments/action_button/action_button.tsx:
// a theme key such as "sidebarBg", a named style, or a hex colour).
import { hexToRgb, type Theme } from '../../../theme/themes';

/** The style's colour as "r, g, b", or undefined for the theme's plain button look. */
export function buttonRgb(style: unknown, theme: Theme): string | undefined {
  if (typeof style !== 'string' || style === '') return undefined;
  const named: Partial<Record<string, string>> = {
    primary: theme.buttonBg,
    danger: theme.errorTextColor,
    success: '#339970',
    good: '#339970',
    warning: '#cc8f00',
    default: theme.centerChannelColor,
  };
  // Own keys only: a style of "constructor" or "__proto__" is no colour, not Object's.
  const hex = [
    Object.hasOwn(named, style) ? named[style] : undefined,
    Object.hasOwn(theme, style) ? (theme as unknown as Record<string, unknown>)[style] : undefined,
    style,
  ].find((candidate): candidate is string => typeof candidate === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(candidate));
  return hex === undefined ? undefined : hexToRgb(hex);
}
