import { useMemo } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { markdownOptionsOf, type RenderContextValue } from '../post/render-context';

/** What posts of this view can refer to (users, channels, settings), for the render context. */
export function useRenderContextValue(view: ChannelView): RenderContextValue {
  const allowRemoteImages = useApp((s) => s.allowRemoteImages);
  // The view is re-fetched every second; parsed messages stay cached while the settings do not change.
  const settingsKey = JSON.stringify(view.settings);
  const markdown = useMemo(() => markdownOptionsOf(JSON.parse(settingsKey) as ChannelView['settings']), [settingsKey]);
  return useMemo(() => {
    const usersByName = new Map(Object.values(view.users).map((u) => [u.username.toLowerCase(), u]));
    const channelsByName: RenderContextValue['channelsByName'] = new Map(
      view.channels
        .filter((c) => c.type === 'O' || c.type === 'P')
        .map((c) => [c.name, { id: c.id, name: c.name, display_name: c.display_name }]),
    );
    return {
      teamName: view.team.name,
      viewer: view.viewer,
      usersByName,
      channelsByName,
      settings: view.settings,
      markdown,
      allowRemoteImages,
    };
  }, [view, markdown, allowRemoteImages]);
}
