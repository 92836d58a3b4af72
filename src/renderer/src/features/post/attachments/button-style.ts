// Button colours by action style, in the Denim theme (webapp/channels/src/components/post_view/message_attachments/action_button/action_button.tsx, utils/constants.tsx: THEMES.denim).

const DENIM: Record<string, string> = {
  sidebarBg: '#1e325c',
  sidebarText: '#ffffff',
  sidebarUnreadText: '#ffffff',
  sidebarTextHoverBg: '#28427b',
  sidebarTextActiveBorder: '#5d89ea',
  sidebarHeaderBg: '#192a4d',
  sidebarTeamBarBg: '#162545',
  onlineIndicator: '#3db887',
  awayIndicator: '#ffbc1f',
  dndIndicator: '#d24b4e',
  mentionBg: '#ffffff',
  mentionColor: '#1e325c',
  centerChannelBg: '#ffffff',
  centerChannelColor: '#3f4350',
  newMessageSeparator: '#cc8f00',
  linkColor: '#386fe5',
  buttonBg: '#1c58d9',
  buttonColor: '#ffffff',
  errorTextColor: '#d24b4e',
  mentionHighlightBg: '#ffd470',
  mentionHighlightLink: '#1b1d22',
};

const NAMED: Record<string, string> = {
  primary: DENIM.buttonBg!,
  danger: DENIM.errorTextColor!,
  success: '#339970',
  good: '#339970',
  warning: '#cc8f00',
  default: DENIM.centerChannelColor!,
};

/** The style's colour as "r, g, b", or undefined for the theme's plain button look. */
export function buttonRgb(style: unknown): string | undefined {
  if (typeof style !== 'string' || style === '') return undefined;
  let hex = NAMED[style] ?? DENIM[style];
  if (!hex && /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(style)) hex = style;
  if (!hex) return undefined;
  let digits = hex.slice(1);
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)).join(', ');
}
