import { useEffect, useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { Post, PostList as PostListData } from '../../../../shared/mattermost/model';
import { rest } from '../../app/rest-client';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../app/store';
import { RenderContext } from '../post/render-context';
import { MessageBox } from './MessageBox';
import { PostItem } from './PostItem';
import { useRenderContextValue } from './render-context-value';

/** The thread's posts, root first, then replies oldest first; ephemeral replies sent to the viewer mixed in. */
function threadPosts(thread: PostListData | null, view: ChannelView, rootId: string): Post[] {
  const all = new Map<string, Post>();
  for (const post of Object.values(thread?.posts ?? {})) all.set(post.id, post);
  for (const post of Object.values(view.posts.posts))
    if (post.root_id === rootId && post.type === 'system_ephemeral') all.set(post.id, post);
  return [...all.values()]
    .filter((p) => p.delete_at === 0)
    .sort((a, b) => (a.id === rootId ? -1 : b.id === rootId ? 1 : a.create_at - b.create_at));
}

/**
 * The right-hand thread view: a root post and its replies as Mattermost's RHS draws them
 * (`#rhsPost_{id}`), read through REST as the viewer and refreshed whenever the channel
 * changes, with a reply box that posts (or runs a command) in the thread.
 */
export function ThreadPanel({ view, rootId, onSent }: { view: ChannelView; rootId: string; onSent: () => void }) {
  const { sessionFor, closeThread } = useApp(useShallow((s) => ({ sessionFor: s.sessionFor, closeThread: s.closeThread })));
  const context = useRenderContextValue(view);
  const [thread, setThread] = useState<PostListData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    sessionFor(view.viewer.id)
      .then((token) => rest<PostListData>(token, 'GET', `/posts/${rootId}/thread`))
      .then((list) => live && (setThread(list), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
    // view.posts changes whenever the channel does, replies included.
  }, [rootId, view.viewer.id, view.posts, sessionFor]);
  const posts = threadPosts(thread, view, rootId);
  return (
    <aside id="rhsContainer" className="sidebar--right" aria-label="Thread">
      <header className="sidebar--right__header">
        <h3>Thread</h3>
        <button id="rhsCloseButton" type="button" className="btn btn-tertiary" aria-label="Close" onClick={closeThread}>
          ×
        </button>
      </header>
      {error && (
        <p className="app-error" role="alert">
          {error}
        </p>
      )}
      <RenderContext.Provider value={context}>
        <div className="post-list post-list--thread" role="list">
          {posts.map((post, i) => (
            <PostItem
              key={post.id}
              post={post}
              previous={posts[i - 1]}
              author={view.users[post.user_id]}
              teamName={view.team.name}
              location="RHS"
            />
          ))}
        </div>
      </RenderContext.Provider>
      <MessageBox view={view} onSent={onSent} rootId={rootId} />
    </aside>
  );
}
