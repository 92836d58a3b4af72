import { useMemo } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { markdownOptionsOf, type RenderContextValue } from '../post/render-context';

type ContextSource = Pick<ChannelView, 'team' | 'viewer' | 'users' | 'channels' | 'settings'>;

/**
 * What posts of this view can refer to (users, channels, settings), for the render context.
 * The view is re-fetched every second; the context keeps its identity while its content does
 * not change, so memoised posts and parsed messages are not redrawn for nothing.
 */
export function useRenderContextValue(view: ContextSource): RenderContextValue {
  const allowRemoteImages = useApp((s) => s.allowRemoteImages);
  const key = JSON.stringify([
    view.team.name,
    view.viewer.id,
    Object.values(view.users).map((u) => [u.id, u.username]),
    view.channels.map((c) => [c.id, c.name, c.display_name, c.type]),
    view.settings,
  ]);
  return useMemo(() => {
    const source = JSON.parse(key) as [string, string, [string, string][], [string, string, string, string][], ChannelView['settings']];
    const [teamName, viewerId, , , settings] = source;
    const usersByName = new Map(Object.values(view.users).map((u) => [u.username.toLowerCase(), u]));
    const channelsByName: RenderContextValue['channelsByName'] = new Map(
      view.channels
        .filter((c) => c.type === 'O' || c.type === 'P')
        .map((c) => [c.name, { id: c.id, name: c.name, display_name: c.display_name }]),
    );
    return {
      teamName,
      viewer: view.users[viewerId] ?? view.viewer,
      usersByName,
      channelsByName,
      settings,
      markdown: markdownOptionsOf(settings),
      allowRemoteImages,
    };
    // The key stands for the parts of `view` read here.
  }, [key, allowRemoteImages]);
}
