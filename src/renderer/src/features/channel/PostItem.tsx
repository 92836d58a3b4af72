import type { Post, User } from '../../../../shared/mattermost/model';
import { onInAppLinkClick } from '../../app/navigate';
import { AttachmentList } from './AttachmentList';
import { clockTime, displayName, isConsecutive, isFromWebhook, localIsoTime } from './post-display';

interface Props {
  post: Post;
  previous: Post | undefined;
  author: User | undefined;
  teamName: string;
}

/**
 * One post with the ids and class names of Mattermost's web app (rendering.md §2.1), so that
 * selectors written against Mattermost work here. The message is shown as text until the
 * markdown renderer lands; React escapes it, so nothing in a post can become markup.
 */
export function PostItem({ post, previous, author, teamName }: Props) {
  const webhook = isFromWebhook(post);
  const bot = post.props?.from_bot === 'true' || author?.is_bot === true;
  const consecutive = isConsecutive(post, previous);
  const classes = [
    'a11y__section',
    'post',
    consecutive ? 'same--root same--user' : 'other--root',
    post.root_id ? 'post--comment' : 'post--root',
    bot ? 'post--bot' : '',
  ].filter(Boolean);
  const name = displayName(post, author);
  const attachments = Array.isArray(post.props?.attachments) ? (post.props.attachments as Record<string, unknown>[]) : [];

  return (
    <div id={`post_${post.id}`} className={classes.join(' ')} role="listitem" data-testid="postView" tabIndex={0}>
      <div className="post__content" data-testid="postContent">
        <div className="post__img">
          <span className="profile-icon" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
        </div>
        <div>
          <div className="post__header">
            <div className="col col__name">
              <button type="button" className="user-popover">
                {name}
              </button>
              {(webhook || bot) && (
                <div className="Tag Tag--xs BotTag">
                  <span>BOT</span>
                </div>
              )}
            </div>
            <div className="col">
              <div className="post__time">
                <a id={`CENTER_time_${post.id}`} href={`/${teamName}/pl/${post.id}`} className="post__permalink" onClick={onInAppLinkClick}>
                  <time className="post__time" dateTime={localIsoTime(post.create_at)}>
                    {clockTime(post.create_at)}
                  </time>
                </a>
              </div>
            </div>
          </div>
          <div id={`${post.id}_message`} className={post.edit_at > 0 ? 'post__body post--edited' : 'post__body'}>
            <div className="post-message post-message--collapsed">
              <div className="post-message__text-container">
                <div id={`postMessageText_${post.id}`} className="post-message__text" dir="auto">
                  {post.message !== '' && <p>{post.message}</p>}
                </div>
              </div>
            </div>
            {attachments.length > 0 && <AttachmentList postId={post.id} attachments={attachments} />}
          </div>
        </div>
      </div>
    </div>
  );
}
