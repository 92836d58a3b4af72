import { useCallback, useEffect, useState } from 'react';
import type { OpenedDialog } from '../../../../shared/contract/control-api';
import { onInAppLinkClick } from '../../app/navigate';
import { useApp } from '../../app/store';
import { ChannelSidebar } from './ChannelSidebar';
import { DialogModal } from './DialogModal';
import { MessageBox } from './MessageBox';
import { PostList } from './PostList';

/** Until the WebSocket lands in the UI, the view refreshes on this interval so new posts appear without a reload. */
const REFRESH_MS = 1000;

/** The newest dialog opened for the viewer since the page loaded, unless it was closed. */
function useOpenDialog(viewerId: string | undefined) {
  const control = useApp((s) => s.control);
  const [since] = useState(() => Date.now());
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<OpenedDialog | null>(null);
  const poll = useCallback(async () => {
    if (!control || !viewerId) return;
    const opened = await control.call('GET /dialogs', { query: { limit: '20' } });
    setDialog(opened.find((d) => d.user_id === viewerId && d.opened_at >= since && !closed.has(d.request.trigger_id)) ?? null);
  }, [control, viewerId, since, closed]);
  const close = () => dialog && setClosed(new Set([...closed, dialog.request.trigger_id]));
  return { dialog, poll, close };
}

/** Remote images in posts reveal the viewer to their host: they load only once allowed here. */
function RemoteImagesToggle() {
  const allow = useApp((s) => s.allowRemoteImages);
  const setAllow = useApp((s) => s.setAllowRemoteImages);
  return (
    <label className="channel-header__tool">
      <input id="allowRemoteImages" type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} /> Load remote images
    </label>
  );
}

export function ChannelPage({ team, channel }: { team: string; channel: string }) {
  const view = useApp((s) => s.view);
  const viewError = useApp((s) => s.viewError);
  const loadChannel = useApp((s) => s.loadChannel);
  const actAs = useApp((s) => s.actAs);
  const current = view && view.team.name === team && view.channel.name === channel ? view : null;
  const { dialog, poll, close } = useOpenDialog(current?.viewer.id);

  useEffect(() => {
    const refresh = () => {
      void loadChannel(team, channel);
      void poll().catch(() => undefined);
    };
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [team, channel, loadChannel, actAs, poll]);

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
          <nav className="channel-header__tools">
            <a id="composerLink" className="channel-header__tool" href="/_mockmost/composer" onClick={onInAppLinkClick}>
              Composer
            </a>
            <RemoteImagesToggle />
            <a id="trafficLink" className="channel-header__tool" href="/_mockmost/traffic" onClick={onInAppLinkClick}>
              Traffic
            </a>
            <a id="integrationsLink" className="channel-header__tool" href="/_mockmost/integrations" onClick={onInAppLinkClick}>
              Integrations
            </a>
          </nav>
        </header>
        {viewError && !current ? (
          <p className="app-error" role="alert">
            {viewError}
          </p>
        ) : current ? (
          <>
            <PostList view={current} />
            <MessageBox view={current} onSent={() => void loadChannel(team, channel)} />
            {dialog && <DialogModal opened={dialog} view={current} onClose={close} />}
          </>
        ) : (
          <p className="app-loading">Loading…</p>
        )}
      </main>
    </div>
  );
}
