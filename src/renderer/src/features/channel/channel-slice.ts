import type { StateCreator } from 'zustand';
import type { ChannelView } from '../../../../shared/contract/control-api';
import type { AppState } from '../../app/store';
import { appendNewer, appendOlder, changesSince, mergeChanges, trimView } from './merge-view';

/** The most posts the channel view holds: two of the server's pages (src/main/server/routes/control/view.ts). */
export const SHOWN_POSTS = 400;
/** How many posts of an older page go in per frame. */
const OLDER_PER_FRAME = 50;

export interface ChannelSlice {
  view: ChannelView | null;
  /**
   * The newest change the view has heard of (see changesSince), whatever part of the channel it
   * shows now: reading back, the view holds only old posts, and asking for the changes since the
   * newest of those would bring back every post made after them (megabytes, and a frozen frame,
   * every few seconds).
   */
  changesSeen: number;
  viewError: string | null;
  /** The user the channel view acts as and shows the channel to; null: sysadmin. */
  actAs: string | null;
  setActAs: (userId: string) => void;
  /** A Mattermost session token for the user, for REST calls made from the UI. */
  sessionFor: (userId: string) => Promise<string>;
  /**
   * Loads a channel's newest posts, or with `focus` the posts around that one (a permalink);
   * keeps the old view on screen while it loads.
   */
  loadChannel: (team: string, channel: string, focus?: string) => Promise<void>;
  /** Folds in what changed since the view was loaded (live traffic); loads the channel when another is shown. */
  refreshChannel: (team: string, channel: string) => Promise<void>;
  /** Appends the page of posts older than the oldest shown; answers whether there were any. */
  loadOlderPosts: () => Promise<boolean>;
  /** Adds the page of posts newer than the newest shown, when the view is not at the newest (a permalink's). */
  loadNewerPosts: () => Promise<void>;
  /** Whether the reader is at the newest posts, following new ones as they arrive. */
  following: boolean;
  setFollowing: (following: boolean) => void;
  /** The root of the thread open on the right, if any. */
  threadRootId: string | null;
  openThread: (rootId: string) => void;
  closeThread: () => void;
}

const isShowing = (view: ChannelView | null, team: string, channel: string, actAs: string | null) =>
  view !== null && view.team.name === team && view.channel.name === channel && (actAs === null || view.viewer.id === actAs);

const tokens = new Map<string, Promise<string>>();

export const createChannelSlice: StateCreator<AppState, [], [], ChannelSlice> = (set, get) => ({
  view: null,
  changesSeen: 0,
  viewError: null,
  actAs: null,
  setActAs: (userId) => set({ actAs: userId }),
  following: true,
  setFollowing: (following) => {
    if (get().following !== following) set({ following });
  },
  threadRootId: null,
  openThread: (rootId) => set({ threadRootId: rootId }),
  closeThread: () => set({ threadRootId: null }),
  sessionFor: (userId) => {
    const control = get().control;
    if (!control) return Promise.reject(new Error('No control token yet.'));
    let token = tokens.get(userId);
    if (!token) {
      token = control.call('POST /sessions', { body: { user_id: userId } }).then((r) => r.token);
      token.catch(() => tokens.delete(userId));
      tokens.set(userId, token);
    }
    return token;
  },
  loadChannel: async (team, channel, focus) => {
    const control = get().control;
    if (!control) return;
    try {
      const actAs = get().actAs;
      const view = await control.call('GET /view/channel', {
        query: { team, channel, ...(focus ? { around: focus } : {}), ...(actAs ? { as: actAs } : {}) },
      });
      const threadRootId = get().view?.channel.id === view.channel.id ? get().threadRootId : null;
      set({ view, changesSeen: changesSince(view), viewError: null, threadRootId, following: !focus });
    } catch (error) {
      set({ viewError: (error as Error).message });
    }
  },
  refreshChannel: async (team, channel) => {
    const { control, view, actAs } = get();
    if (!control) return;
    if (!view || !isShowing(view, team, channel, actAs)) return get().loadChannel(team, channel);
    try {
      const since = String(get().changesSeen);
      const update = await control.call('GET /view/channel', { query: { team, channel, since, ...(actAs ? { as: actAs } : {}) } });
      // Another channel (or viewer) may have been chosen meanwhile.
      const now = get().view;
      if (!now || !isShowing(now, team, channel, get().actAs)) return;
      const merged = mergeChanges(now, update);
      // Following arrivals at the bottom, the oldest posts go as new ones come.
      set({
        view: get().following ? trimView(merged, SHOWN_POSTS, 'newest') : merged,
        changesSeen: Math.max(get().changesSeen, changesSince(update)),
        viewError: null,
      });
    } catch (error) {
      set({ viewError: (error as Error).message });
    }
  },
  loadOlderPosts: async () => {
    const { control, view, actAs } = get();
    if (!control || !view) return false;
    const oldest = view.posts.order.at(-1);
    if (oldest === undefined) return false;
    // One past the oldest shown, so posts made in the same millisecond are not skipped (known ones are dropped).
    const before = String(view.posts.posts[oldest]!.create_at + 1);
    const older = await control.call('GET /view/channel', {
      query: { team: view.team.name, channel: view.channel.name, before, ...(actAs ? { as: actAs } : {}) },
    });
    // A page goes in a few posts a frame, nearest first: drawn at once, 200 posts are a frame of
    // 50 to 70 ms. Reading back, the newest posts go (below the screen) as older ones come.
    const { order } = older.posts;
    for (let end = Math.min(OLDER_PER_FRAME, order.length); ; end = Math.min(end + OLDER_PER_FRAME, order.length)) {
      const now = get().view;
      if (now?.channel.id !== view.channel.id) return false;
      const part = { ...older, posts: { ...older.posts, order: order.slice(0, end) } };
      set({ view: trimView(appendOlder(now, part), SHOWN_POSTS, 'oldest') });
      if (end >= order.length) break;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return order.length > 0;
  },
  loadNewerPosts: async () => {
    const { control, view, actAs } = get();
    if (!control || !view || view.posts.next_post_id === '') return;
    const newest = view.posts.order.find((id) => view.posts.posts[id]!.type !== 'system_ephemeral');
    if (newest === undefined) return;
    // One before the newest shown, so posts made in the same millisecond are not skipped (known ones are dropped).
    const after = String(view.posts.posts[newest]!.create_at - 1);
    const newer = await control.call('GET /view/channel', {
      query: { team: view.team.name, channel: view.channel.name, after, ...(actAs ? { as: actAs } : {}) },
    });
    const now = get().view;
    if (now?.channel.id === view.channel.id)
      set({ view: appendNewer(now, newer), changesSeen: Math.max(get().changesSeen, changesSince(newer)) });
  },
});
