import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { useApp } from '../../app/store';
import { RenderContext } from '../post/render-context';
import { useRenderContextValue } from './render-context-value';
import { PostItem } from './PostItem';
import '../post/post.css';
import './channel.css';

/** Within this many pixels of an edge counts as being at it. */
const EDGE_PX = 150;
/** How long a permalink's post stays highlighted (Mattermost's PERMALINK_FADEOUT). */
const HIGHLIGHT_MS = 5000;

/** The permalink's post, highlighted until the fade-out. */
function useHighlight(focus: string | undefined): string | undefined {
  const [highlighted, setHighlighted] = useState(focus);
  useEffect(() => {
    setHighlighted(focus);
    if (!focus) return;
    const timer = window.setTimeout(() => setHighlighted(undefined), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [focus]);
  return highlighted;
}

/**
 * Posts oldest first, like Mattermost's center channel. It follows new posts while the reader
 * is at the bottom (and leaves them be when they scrolled up to read), and pages older posts in
 * when they reach the top, keeping what they were reading in place. Posts off screen are not
 * laid out or painted (content-visibility in post.css), and the view holds at most
 * SHOWN_POSTS (channel-slice.ts), so a long channel stays light.
 * With `focus` (a permalink) it opens on that post, highlighted, and pages newer posts in as the
 * reader scrolls down until it reaches the newest.
 */
export function PostList({ view, focus }: { view: ChannelView; focus?: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const loadOlderPosts = useApp((s) => s.loadOlderPosts);
  const loadNewerPosts = useApp((s) => s.loadNewerPosts);
  const setFollowing = useApp((s) => s.setFollowing);
  const highlighted = useHighlight(focus);
  const context = useRenderContextValue(view);
  const ids = [...view.posts.order].reverse();
  const newest = ids.at(-1);
  const oldest = ids[0];
  const atBottom = useRef(!focus);
  const loading = useRef(false);
  /** The oldest post shown when no older one came: the channel's first, until the view is cut (trimView). */
  const [exhaustedAt, setExhaustedAt] = useState<string | undefined>(undefined);
  const exhausted = exhaustedAt !== undefined && exhaustedAt === oldest;
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
  /** The permalink's post is kept in view while it is highlighted, until the reader scrolls. */
  const pinned = useRef<string | undefined>(undefined);
  const released = useRef<string | undefined>(undefined);
  pinned.current = highlighted !== released.current ? highlighted : undefined;
  const unpin = () => {
    released.current = pinned.current;
    pinned.current = undefined;
  };
  useLayoutEffect(() => {
    if (focus) document.getElementById(`post_${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus]);
  // Posts are laid out only as they come into view (content-visibility), so the content keeps
  // growing after a jump to the bottom: a reader at the bottom stays there as it does.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !content.current) return;
    // The same for a permalink's post: the posts around it take their real heights as they are
    // laid out, after it was scrolled to.
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
      else if (pinned.current) document.getElementById(`post_${pinned.current}`)?.scrollIntoView({ block: 'center' });
    });
    observer.observe(content.current);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current!;
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < EDGE_PX;
    const windowed = view.posts.next_post_id !== '';
    // A view short of the newest posts is never "at the bottom": what is below is not loaded yet.
    atBottom.current = nearBottom && !windowed;
    setFollowing(atBottom.current);
    if (nearBottom && windowed && !loading.current) {
      loading.current = true;
      void loadNewerPosts()
        .catch(() => undefined)
        .finally(() => {
          loading.current = false;
        });
      return;
    }
    if (element.scrollTop > EDGE_PX || loading.current || exhausted || ids.length === 0) return;
    loading.current = true;
    heightBeforeOlder.current = element.scrollHeight;
    const from = oldest;
    void loadOlderPosts()
      .then((more) => setExhaustedAt(more ? undefined : from))
      .catch(() => undefined)
      .finally(() => {
        loading.current = false;
        // Still at the top once the page is in (it came in a few posts a frame while the reader
        // kept going up): the next page, as no scroll event may come from a list already at 0.
        requestAnimationFrame(() => latestOnScroll.current());
      });
  };
  const latestOnScroll = useRef(onScroll);
  latestOnScroll.current = onScroll;

  return (
    <RenderContext.Provider value={context}>
      <div
        id="postListContent"
        ref={scroller}
        className="post-list"
        role="list"
        onScroll={onScroll}
        onWheel={unpin}
        onPointerDown={unpin}
        onKeyDown={unpin}
        onTouchStart={unpin}
      >
        {ids.length === 0 && <p className="post-list__empty">No posts yet. Send one to a webhook of this channel.</p>}
        <div ref={content} className="post-list__content">
          {ids.map((id, i) => {
            const post = view.posts.posts[id]!;
            const previous = i > 0 ? view.posts.posts[ids[i - 1]!] : undefined;
            return (
              <PostItem
                key={id}
                post={post}
                previous={previous}
                author={view.users[post.user_id]}
                teamName={view.team.name}
                highlight={id === highlighted}
              />
            );
          })}
        </div>
      </div>
    </RenderContext.Provider>
  );
}
