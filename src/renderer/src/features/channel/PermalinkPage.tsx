import { useEffect, useState } from 'react';
import { ControlError } from '../../app/control-client';
import { useApp } from '../../app/store';
import { ChannelPage } from './ChannelPage';
import './channel.css';

type Target = { channel: string } | { missing: true } | { error: string };

/**
 * `/{team}/pl/{post_id}`: the post's channel, opened at the post and highlighted, as
 * Mattermost's permalink view does; the address stays the permalink. A post that is gone, or
 * in another team, gets Mattermost's "Message Not Found" page.
 */
export function PermalinkPage({ team, postId }: { team: string; postId: string }) {
  const control = useApp((s) => s.control);
  const [target, setTarget] = useState<Target | null>(null);
  useEffect(() => {
    if (!control) return;
    let live = true;
    setTarget(null);
    control
      .call('GET /view/post/:id', { params: { id: postId } })
      .then((view) => {
        const inTeam = view.team.name === team && view.posts.posts[postId]?.delete_at === 0;
        if (live) setTarget(inTeam ? { channel: view.channel.name } : { missing: true });
      })
      .catch((error: unknown) => {
        if (!live) return;
        setTarget(error instanceof ControlError && error.status === 404 ? { missing: true } : { error: (error as Error).message });
      });
    return () => {
      live = false;
    };
  }, [control, team, postId]);

  if (target === null) return <p className="app-loading">Loading…</p>;
  if ('channel' in target) return <ChannelPage team={team} channel={target.channel} focus={postId} />;
  return (
    <main id="permalinkNotFound" className="app-message">
      <h1>Message Not Found</h1>
      <p role="alert">
        {'error' in target ? target.error : 'Permalink belongs to a deleted message or to a channel to which you do not have access.'}
      </p>
      <p>
        <a href="/">Back to the channels</a>
      </p>
    </main>
  );
}
