import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenedDialog } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { ChannelSidebar } from './ChannelSidebar';
import { DialogModal } from './DialogModal';
import { MessageBox } from './MessageBox';
import { PostList } from './PostList';
import { ThreadPanel } from './ThreadPanel';
import { useLiveEvents } from './use-live-events';
import './channel.css';

/** Events arrive over the WebSocket; this slow poll only covers a dropped socket. */
const FALLBACK_REFRESH_MS = 5000;

/**
 * Runs `task` when asked, never twice at once: asks that come while it runs make one more run
 * after it, so a burst of events (200 posts a second) costs a few fetches, not one per event.
 */
function useCoalesced(task: () => Promise<void>): () => void {
  const state = useRef({ running: false, again: false });
  const latest = useRef(task);
  latest.current = task;
  return useCallback(() => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    void (async () => {
      do {
        s.again = false;
        await latest.current().catch(() => undefined);
      } while (s.again);
      s.running = false;
    })();
  }, []);
}

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

/** A channel, opened at its newest posts or, from a permalink, at `focus` (highlighted). */
export function ChannelPage({ team, channel, focus }: { team: string; channel: string; focus?: string }) {
  const view = useApp((s) => s.view);
  const viewError = useApp((s) => s.viewError);
  const loadChannel = useApp((s) => s.loadChannel);
  const refreshChannel = useApp((s) => s.refreshChannel);
  const actAs = useApp((s) => s.actAs);
  const threadRootId = useApp((s) => s.threadRootId);
  const current = view && view.team.name === team && view.channel.name === channel ? view : null;
  const { dialog, poll, close } = useOpenDialog(current?.viewer.id);
  const refresh = useCoalesced(() => refreshChannel(team, channel));
  const pollDialogs = useCoalesced(poll);
  useLiveEvents(current?.viewer.id, (event) => (event === 'open_dialog' ? pollDialogs() : refresh()));

  useEffect(() => {
    void loadChannel(team, channel, focus);
    pollDialogs();
    const timer = window.setInterval(() => {
      refresh();
      pollDialogs();
    }, FALLBACK_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [team, channel, focus, loadChannel, actAs, refresh, pollDialogs]);

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
          <div className="channel-header__tools">
            <RemoteImagesToggle />
          </div>
        </header>
        {viewError && !current ? (
          <p className="app-error" role="alert">
            {viewError}
          </p>
        ) : current ? (
          <>
            <PostList key={`${current.channel.id} ${focus ?? ''}`} view={current} focus={focus} />
            <MessageBox view={current} onSent={refresh} />
            {dialog && <DialogModal opened={dialog} view={current} onClose={close} />}
          </>
        ) : (
          <p className="app-loading">Loading…</p>
        )}
      </main>
      {current && threadRootId && <ThreadPanel view={current} rootId={threadRootId} onSent={refresh} />}
    </div>
  );
}
