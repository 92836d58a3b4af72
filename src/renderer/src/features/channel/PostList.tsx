import { useLayoutEffect, useRef, useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { RenderContext } from '../post/render-context';
import { useRenderContextValue } from './render-context-value';
import { PostItem } from './PostItem';
import '../post/post.css';

/** Within this many pixels of an edge counts as being at it. */
const EDGE_PX = 150;

/**
 * Posts oldest first, like Mattermost's center channel. It follows new posts while the reader
 * is at the bottom (and leaves them be when they scrolled up to read), and pages older posts in
 * when they reach the top, keeping what they were reading in place. Posts off screen are not
 * laid out or painted (content-visibility in post.css), so a long channel stays light.
 */
export function PostList({ view }: { view: ChannelView }) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const loadOlderPosts = useApp((s) => s.loadOlderPosts);
  const context = useRenderContextValue(view);
  const ids = [...view.posts.order].reverse();
  const newest = ids.at(-1);
  const oldest = ids[0];
  const atBottom = useRef(true);
  const loading = useRef(false);
  const [exhausted, setExhausted] = useState(false);
  /** The scroll height before an older page went in above, to keep the reader's place. */
  const heightBeforeOlder = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (heightBeforeOlder.current !== null) {
      element.scrollTop += element.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    }
  }, [oldest]);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [newest]);
  // Posts are laid out only as they come into view (content-visibility), so the content keeps
  // growing after a jump to the bottom: a reader at the bottom stays there as it does.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !content.current) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content.current);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current!;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < EDGE_PX;
    if (element.scrollTop > EDGE_PX || loading.current || exhausted || ids.length === 0) return;
    loading.current = true;
    heightBeforeOlder.current = element.scrollHeight;
    void loadOlderPosts()
      .then((more) => setExhausted(!more))
      .catch(() => undefined)
      .finally(() => {
        loading.current = false;
      });
  };

  return (
    <RenderContext.Provider value={context}>
      <div id="postListContent" ref={scroller} className="post-list" role="list" onScroll={onScroll}>
        {ids.length === 0 && <p className="post-list__empty">No posts yet. Send one to a webhook of this channel.</p>}
        <div ref={content} className="post-list__content">
          {ids.map((id, i) => {
            const post = view.posts.posts[id]!;
            const previous = i > 0 ? view.posts.posts[ids[i - 1]!] : undefined;
            return <PostItem key={id} post={post} previous={previous} author={view.users[post.user_id]} teamName={view.team.name} />;
          })}
        </div>
      </div>
    </RenderContext.Provider>
  );
}
