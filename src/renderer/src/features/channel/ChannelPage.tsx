import { useEffect } from 'react';
import { useApp } from '../../app/store';
import { ChannelSidebar } from './ChannelSidebar';
import { PostList } from './PostList';

/** Until the WebSocket lands, the view refreshes on this interval so new posts appear without a reload. */
const REFRESH_MS = 1000;

export function ChannelPage({ team, channel }: { team: string; channel: string }) {
  const view = useApp((s) => s.view);
  const viewError = useApp((s) => s.viewError);
  const loadChannel = useApp((s) => s.loadChannel);

  useEffect(() => {
    void loadChannel(team, channel);
    const timer = window.setInterval(() => void loadChannel(team, channel), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [team, channel, loadChannel]);

  const current = view && view.team.name === team && view.channel.name === channel ? view : null;
  return (
    <div className="channel-layout">
      <ChannelSidebar
        team={team}
        current={channel}
        channels={current?.channels ?? view?.channels ?? []}
        teamName={current?.team.display_name ?? team}
      />
      <main id="app-content" className="app__content">
        <header id="channel-header" className="channel-header">
          <h2 id="channelHeaderTitle">{current?.channel.display_name ?? channel}</h2>
        </header>
        {viewError && !current ? (
          <p className="app-error" role="alert">
            {viewError}
          </p>
        ) : current ? (
          <PostList view={current} />
        ) : (
          <p className="app-loading">Loading…</p>
        )}
      </main>
    </div>
  );
}
