import type { Post } from '../../../../shared/mattermost/model';
import { Emoji } from './Emoji';

interface Reaction {
  user_id: string;
  emoji_name: string;
}

/** The post's reactions grouped by emoji, in the order each emoji was first used. */
function groupByEmoji(reactions: Reaction[]): { name: string; users: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const reaction of reactions) groups.set(reaction.emoji_name, [...(groups.get(reaction.emoji_name) ?? []), reaction.user_id]);
  return [...groups].map(([name, users]) => ({ name, users }));
}

/**
 * Reactions under a post as Mattermost's web app draws them (components/post_view/reaction_list):
 * one button per emoji with its count, marked when the viewer is among those who reacted.
 */
export function ReactionList({ post, viewerId }: { post: Post; viewerId: string | undefined }) {
  const reactions = ((post.metadata as { reactions?: Reaction[] } | undefined)?.reactions ?? []).filter(
    (r) => typeof r?.emoji_name === 'string' && typeof r.user_id === 'string',
  );
  if (reactions.length === 0) return null;
  return (
    <div className="post-reaction-list">
      {groupByEmoji(reactions).map(({ name, users }) => (
        <button
          key={name}
          type="button"
          className={viewerId && users.includes(viewerId) ? 'post-reaction post-reaction--current-user' : 'post-reaction'}
          aria-label={`${users.length} ${users.length === 1 ? 'person' : 'people'} reacted with :${name}:`}
        >
          <span className="post-reaction__emoji">
            <Emoji name={name} text={`:${name}:`} />
          </span>
          <span className="post-reaction__count">{users.length}</span>
        </button>
      ))}
    </div>
  );
}
