import { createContext, useContext } from 'react';
import type { RenderSettings } from '../../../../shared/contract/control-api';
import type { User } from '../../../../shared/mattermost/model';
import type { MarkdownOptions } from '../../../../shared/markdown/ast';

/** What rendering a post needs to know beyond the post: who and what its text can refer to. */
export interface RenderContextValue {
  teamName: string;
  viewer: User | undefined;
  /** Lower-cased username → user, for @mentions. */
  usersByName: Map<string, User>;
  /** Channel name → channel the viewer knows, for ~links. */
  channelsByName: Map<string, { id?: string; name: string; display_name: string; team_name?: string }>;
  settings: RenderSettings;
  markdown: MarkdownOptions;
  /** Remote images load only when the user allowed them. */
  allowRemoteImages: boolean;
}

export const EMPTY_SETTINGS: RenderSettings = {
  siteUrl: '',
  autolinkSchemes: ['http', 'https', 'ftp', 'mailto', 'tel', 'mattermost'],
  minimumHashtagLength: 3,
  latex: false,
  inlineLatex: false,
  svgs: false,
  postPriority: true,
  customEmoji: {},
};

export function markdownOptionsOf(settings: RenderSettings): MarkdownOptions {
  return {
    autolinkSchemes: settings.autolinkSchemes,
    minimumHashtagLength: settings.minimumHashtagLength,
    latex: settings.latex,
    inlineLatex: settings.inlineLatex,
  };
}

export const RenderContext = createContext<RenderContextValue>({
  teamName: '',
  viewer: undefined,
  usersByName: new Map(),
  channelsByName: new Map(),
  settings: EMPTY_SETTINGS,
  markdown: markdownOptionsOf(EMPTY_SETTINGS),
  allowRemoteImages: false,
});

export const useRenderContext = () => useContext(RenderContext);
