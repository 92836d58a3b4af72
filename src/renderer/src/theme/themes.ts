// Mattermost's two built-in looks, with the web app's keys and values
// (mattermost-redux constants/preferences.ts: THEMES.denim and THEMES.onyx).

export const THEME_NAMES = ['denim', 'onyx'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export interface Theme {
  sidebarBg: string;
  sidebarText: string;
  sidebarUnreadText: string;
  sidebarTextHoverBg: string;
  sidebarTextActiveBorder: string;
  sidebarTextActiveColor: string;
  sidebarHeaderBg: string;
  sidebarHeaderTextColor: string;
  sidebarTeamBarBg: string;
  onlineIndicator: string;
  awayIndicator: string;
  dndIndicator: string;
  mentionBg: string;
  mentionColor: string;
  centerChannelBg: string;
  centerChannelColor: string;
  newMessageSeparator: string;
  linkColor: string;
  buttonBg: string;
  buttonColor: string;
  errorTextColor: string;
  mentionHighlightBg: string;
  mentionHighlightLink: string;
  codeTheme: 'github' | 'monokai';
}

export const THEMES: Record<ThemeName, Theme> = {
  denim: {
    sidebarBg: '#1e325c',
    sidebarText: '#ffffff',
    sidebarUnreadText: '#ffffff',
    sidebarTextHoverBg: '#28427b',
    sidebarTextActiveBorder: '#5d89ea',
    sidebarTextActiveColor: '#ffffff',
    sidebarHeaderBg: '#192a4d',
    sidebarHeaderTextColor: '#ffffff',
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
    codeTheme: 'github',
  },
  onyx: {
    sidebarBg: '#202228',
    sidebarText: '#ffffff',
    sidebarUnreadText: '#ffffff',
    sidebarTextHoverBg: '#25262a',
    sidebarTextActiveBorder: '#4a7ce8',
    sidebarTextActiveColor: '#ffffff',
    sidebarHeaderBg: '#24272d',
    sidebarHeaderTextColor: '#ffffff',
    sidebarTeamBarBg: '#292c33',
    onlineIndicator: '#3db887',
    awayIndicator: '#f5ab00',
    dndIndicator: '#d24b4e',
    mentionBg: '#4b7ce7',
    mentionColor: '#ffffff',
    centerChannelBg: '#191b1f',
    centerChannelColor: '#e3e4e8',
    newMessageSeparator: '#1adbdb',
    linkColor: '#5d89ea',
    buttonBg: '#4a7ce8',
    buttonColor: '#ffffff',
    errorTextColor: '#da6c6e',
    mentionHighlightBg: '#0d6e6e',
    mentionHighlightLink: '#a4f4f4',
    codeTheme: 'monokai',
  },
};

/** highlight.js colours of the two code themes the built-in looks use. */
const CODE_PALETTES = {
  github: { bg: '#f8f8f8', comment: '#6a737d', keyword: '#d73a49', string: '#032f62', number: '#005cc5', title: '#6f42c1', tag: '#22863a' },
  monokai: {
    bg: '#272822',
    comment: '#75715e',
    keyword: '#f92672',
    string: '#e6db74',
    number: '#ae81ff',
    title: '#a6e22e',
    tag: '#f92672',
  },
} as const;

/** "#rrggbb" as "r, g, b", for colours the styles use at several opacities. */
export function hexToRgb(hex: string): string {
  let digits = hex.slice(1);
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)).join(', ');
}

/** The CSS custom properties the styles read, named as the web app names them (`--center-channel-bg`…). */
export function themeVariables(theme: Theme): Record<string, string> {
  const code = CODE_PALETTES[theme.codeTheme];
  return {
    '--sidebar-bg': theme.sidebarBg,
    '--sidebar-text-rgb': hexToRgb(theme.sidebarText),
    '--sidebar-text-hover-bg': theme.sidebarTextHoverBg,
    '--sidebar-text-active-border': theme.sidebarTextActiveBorder,
    '--sidebar-header-bg': theme.sidebarHeaderBg,
    '--sidebar-team-bar-bg': theme.sidebarTeamBarBg,
    '--online-indicator': theme.onlineIndicator,
    '--away-indicator': theme.awayIndicator,
    '--dnd-indicator': theme.dndIndicator,
    '--mention-bg': theme.mentionBg,
    '--mention-color': theme.mentionColor,
    '--center-channel-bg': theme.centerChannelBg,
    '--center-channel-bg-rgb': hexToRgb(theme.centerChannelBg),
    '--center-channel-color-rgb': hexToRgb(theme.centerChannelColor),
    '--new-message-separator-rgb': hexToRgb(theme.newMessageSeparator),
    '--link-color': theme.linkColor,
    '--button-bg': theme.buttonBg,
    '--button-bg-rgb': hexToRgb(theme.buttonBg),
    '--button-color': theme.buttonColor,
    '--error-text': theme.errorTextColor,
    '--mention-highlight-bg-rgb': hexToRgb(theme.mentionHighlightBg),
    '--mention-highlight-link': theme.mentionHighlightLink,
    '--code-bg': code.bg,
    '--code-comment': code.comment,
    '--code-keyword': code.keyword,
    '--code-string': code.string,
    '--code-number': code.number,
    '--code-title': code.title,
    '--code-tag': code.tag,
  };
}
