import { memo, useState } from 'react';
import type { Attachment } from '../../../../shared/mattermost/incoming-webhook-request';
import type { Post, User } from '../../../../shared/mattermost/model';
import { emojiCodepoints } from '../../../../shared/emoji/emoji';
import { emojiImageUrl } from '../post/Emoji';
import { safeImageUrl } from '../../../../shared/markdown/url-safety';
import { onInAppLinkClick } from '../../app/navigate';
import { useApp } from '../../app/store';
import { AttachmentList } from '../post/attachments/AttachmentList';
import { ReactionList } from '../post/ReactionList';
import { FileAttachmentList } from '../post/FileAttachmentList';
import { postFiles } from '../post/file-display';
import { CollapsibleText } from '../post/CollapsibleText';
import { Markdown } from '../post/Markdown';
import { useRenderContext } from '../post/render-context';
import { clockTime, displayName, fullDate, isFromWebhook, localIsoTime, postFrame } from './post-display';

interface Props {
  post: Post;
  previous: Post | undefined;
  author: User | undefined;
  teamName: string;
  /** The center channel (the default) or the thread on the right, whose ids differ (webapp/channels/src/components/post/post_component.tsx). */
  location?: 'CENTER' | 'RHS';
  /** A permalink's target, for its first seconds on screen. */
  highlight?: boolean;
}

/** Above a pinned post, as the web app's PostPreHeader marks it (components/post_view/post_pre_header). */
function PinnedHeader() {
  return (
    <div className="post-pre-header">
      <div className="post-pre-header__icons-container">
        <i className="icon icon--post-pre-header-pin icon-pin-outline" aria-hidden="true" />
      </div>
      <div className="post-pre-header__text-container">Pinned</div>
    </div>
  );
}

/** The reply arrow of a post in the center: opens its thread on the right, with the reply count. */
function ReplyButton({ post }: { post: Post }) {
  const openThread = useApp((s) => s.openThread);
  if (post.type === 'system_ephemeral' || post.id.startsWith('preview')) return null;
  const root = post.root_id || post.id;
  return (
    <button
      id={`CENTER_commentIcon_${post.id}`}
      type="button"
      className="post-menu__item post-menu__comment"
      aria-label="reply"
      onClick={() => openThread(root)}
    >
      <i className="icon icon-reply-outline" aria-hidden="true" />
      {post.reply_count > 0 && <span className="post-menu__comment-count">{post.reply_count}</span>}
    </button>
  );
}

const MESSAGE_MAX_PX = 600;
const PRIORITY_TAGS: Record<string, [string, string]> = {
  important: ['Tag Tag--info', 'Important'],
  urgent: ['Tag Tag--danger', 'Urgent'],
};

function PriorityTag({ post }: { post: Post }) {
  const { settings } = useRenderContext();
  const priority = (post.metadata as { priority?: { priority?: string } } | undefined)?.priority?.priority;
  const tag = priority ? PRIORITY_TAGS[priority] : undefined;
  if (!tag || !settings.postPriority || post.root_id) return null;
  return (
    <span className={tag[0]}>
      <span>{tag[1]}</span>
    </span>
  );
}

function PostTime({ at }: { at: number }) {
  return (
    <time className="post__time" dateTime={localIsoTime(at)} title={fullDate(at)}>
      {clockTime(at)}
    </time>
  );
}

/**
 * The profile picture: a webhook's icon override (its emoji's image from Mockmost's own route, a URL
 * only when it may load), else the author's initial. Mockmost has no uploaded pictures.
 */
function Avatar({ post, name }: { post: Post; name: string }) {
  const { allowRemoteImages, settings } = useRenderContext();
  const emoji = typeof post.props?.override_icon_emoji === 'string' ? post.props.override_icon_emoji.replace(/^:|:$/g, '') : '';
  const unified = isFromWebhook(post) && emoji ? emojiCodepoints(emoji.toLowerCase()) : undefined;
  if (unified) {
    return (
      <span
        className="profile-icon profile-icon--emoji"
        aria-label={`:${emoji}:`}
        style={{ backgroundImage: `url(${emojiImageUrl(unified)})` }}
      />
    );
  }
  const url =
    isFromWebhook(post) && typeof post.props?.override_icon_url === 'string' ? safeImageUrl(post.props.override_icon_url) : undefined;
  if (url && (allowRemoteImages || url.startsWith('/') || url.startsWith(settings.siteUrl))) {
    return <img className="profile-icon" src={url} alt="" width={36} height={36} />;
  }
  return (
    <span className="profile-icon" aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}

/**
 * One post with the ids and class names of Mattermost's web app (webapp/channels/src/components/post/post_component.tsx), so that
 * selectors written against Mattermost work here. Everything is rendered from a parsed tree:
 * nothing in a post can become markup.
 */
function PostItemView({ post, previous, author, teamName, location = 'CENTER', highlight = false }: Props) {
  const { viewer } = useRenderContext();
  const [hovered, setHovered] = useState(false);
  const center = location === 'CENTER';
  const deleted = post.state === 'DELETED';
  const webhook = isFromWebhook(post);
  const bot = post.props?.from_bot === 'true' || author?.is_bot === true;
  const ephemeral = post.type === 'system_ephemeral';
  const frame = postFrame(post, previous, { viewerId: viewer?.id, location, highlight, bot });
  // Mattermost's own messages (a built-in command's ephemeral answer, say) are signed "System",
  // unless a bot or an integration sent them.
  const fromSystem = post.type.startsWith('system_') && !webhook && !bot;
  const name = fromSystem ? 'System' : displayName(post, author);
  const attachments = Array.isArray(post.props?.attachments) ? (post.props.attachments as Attachment[]) : [];

  return (
    <div
      id={center ? `post_${post.id}` : `rhsPost_${post.id}`}
      className={post.is_pinned && center && !deleted ? `${frame.classes} post--pinned-or-flagged` : frame.classes}
      role="listitem"
      data-testid="postView"
      tabIndex={0}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setHovered(true)}
      onBlur={() => setHovered(false)}
    >
      {post.is_pinned && !deleted && <PinnedHeader />}
      <div className="post__content" data-testid="postContent">
        {center && !deleted && (
          <div className="post-menu">
            <ReplyButton post={post} />
          </div>
        )}
        <div className="post__img">{!frame.hideProfilePicture && <Avatar post={post} name={name} />}</div>
        <div>
          <div className="post__header">
            <div className="col col__name">
              {fromSystem ? (
                <div className="user-popover">System</div>
              ) : (
                <button type="button" className="user-popover">
                  {name}
                </button>
              )}
              {(webhook || bot) && (
                <div className="Tag Tag--xs BotTag">
                  <span>BOT</span>
                </div>
              )}
            </div>
            <div className="col">
              {(!frame.hideProfilePicture || hovered || !center) && (
                <div className="post__time">
                  {/* A deleted post's time is no longer a permalink. */}
                  {deleted ? (
                    <PostTime at={post.create_at} />
                  ) : (
                    <a
                      id={`${location}_time_${post.id}`}
                      href={`/${teamName}/pl/${post.id}`}
                      className="post__permalink"
                      onClick={onInAppLinkClick}
                    >
                      <PostTime at={post.create_at} />
                    </a>
                  )}
                </div>
              )}
              <PriorityTag post={post} />
              {ephemeral && <span className="post__visibility">(Only visible to you)</span>}
            </div>
          </div>
          <div id={center ? `${post.id}_message` : undefined} className={post.edit_at > 0 ? 'post__body post--edited' : 'post__body'}>
            {deleted ? (
              <p>(message deleted)</p>
            ) : (
              <>
                <CollapsibleText maxHeight={MESSAGE_MAX_PX} collapseClass="post-collapse">
                  <div
                    id={center ? `postMessageText_${post.id}` : `rhsPostMessageText_${post.id}`}
                    className="post-message__text"
                    dir="auto"
                  >
                    <Markdown text={post.message} />
                    {post.edit_at > 0 && <span className="post-edited__indicator">Edited</span>}
                  </div>
                </CollapsibleText>
                {attachments.length > 0 && <AttachmentList postId={post.id} attachments={attachments} />}
                <FileAttachmentList files={postFiles(post.metadata)} viewerId={viewer?.id} />
                <ReactionList post={post} viewerId={viewer?.id} />
              </>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

const samePost = (a: Post | undefined, b: Post | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.id === b.id && a.update_at === b.update_at && a.edit_at === b.edit_at);

/** Memoised on what the post shows: only new or changed posts are drawn again. */
export const PostItem = memo(
  PostItemView,
  (a, b) =>
    samePost(a.post, b.post) &&
    a.post.state === b.post.state &&
    samePost(a.previous, b.previous) &&
    a.author?.username === b.author?.username &&
    a.author?.is_bot === b.author?.is_bot &&
    a.teamName === b.teamName &&
    a.location === b.location &&
    a.highlight === b.highlight &&
    a.post.reply_count === b.post.reply_count,
);
