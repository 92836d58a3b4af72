import { useEffect, useRef } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { RenderContext } from '../post/render-context';
import { useRenderContextValue } from './render-context-value';
import { PostItem } from './PostItem';
import '../post/post.css';

/** Posts oldest first, like Mattermost's center channel, kept scrolled to the newest. */
export function PostList({ view }: { view: ChannelView }) {
  const bottom = useRef<HTMLDivElement>(null);
  const context = useRenderContextValue(view);
  const ids = [...view.posts.order].reverse();
  const newest = ids.at(-1);
  useEffect(() => {
    // Block body on purpose: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [newest]);
  return (
    <RenderContext.Provider value={context}>
      <div id="postListContent" className="post-list" role="list">
        {ids.length === 0 && <p className="post-list__empty">No posts yet. Send one to a webhook of this channel.</p>}
        {ids.map((id, i) => {
          const post = view.posts.posts[id]!;
          const previous = i > 0 ? view.posts.posts[ids[i - 1]!] : undefined;
          return <PostItem key={id} post={post} previous={previous} author={view.users[post.user_id]} teamName={view.team.name} />;
        })}
        <div ref={bottom} />
      </div>
    </RenderContext.Provider>
  );
}
