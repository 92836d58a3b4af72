import type { Post } from '../../shared/mattermost/model';
import type { MattermostConfig } from './config-defaults';
import type { Store } from '../store/store';

/**
 * The `followers` of a reply's `posted` event (server/channels/app/notification.go:
 * SendNotifications, notificationsForCRT.Desktop): with collapsed threads on (Mattermost 11's
 * default) and thread auto-follow, the thread's root author and its repliers follow it; the
 * event names those still in the channel, less the replier (unless a webhook posted) and those
 * the reply mentions, who hear of it through `mentions`.
 */
export function threadFollowers(store: Store, reply: Post, members: Set<string>, mentioned: string[], config: MattermostConfig): string[] {
  if (!reply.root_id) return [];
  const settings = config.ServiceSettings ?? {};
  if (settings.CollapsedThreads === 'disabled' || settings.ThreadAutoFollow === false) return [];
  const root = store.posts.get(reply.root_id);
  if (!root) return [];
  const participants = [
    root.user_id,
    ...store.posts
      .replies(root.id)
      .reverse()
      .map((p) => p.user_id),
  ];
  const fromWebhook = reply.props?.from_webhook === 'true';
  const followers = new Set<string>();
  for (const userId of participants) {
    if (!members.has(userId) || mentioned.includes(userId)) continue;
    if (userId === reply.user_id && !fromWebhook) continue;
    followers.add(userId);
  }
  return [...followers];
}
