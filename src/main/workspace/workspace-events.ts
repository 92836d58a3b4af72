import type { OpenedDialog } from '../../shared/contract/control-api';
import type { Channel, Post } from '../../shared/mattermost/model';
import type { CustomEmoji } from '../store/emoji-table';
import type { Reaction } from '../store/reaction-table';
import type { Status } from '../store/status-table';

/** What happened in the workspace, for the WebSocket and the UI; emitted once it is committed. */
export type WorkspaceEvent =
  | { type: 'posted'; post: Post; channel: Channel; senderName: string }
  | { type: 'post_edited'; post: Post; channel: Channel }
  | { type: 'post_deleted'; post: Post; channel: Channel; deletedBy: string }
  | { type: 'ephemeral_message'; post: Post; userId: string }
  | { type: 'open_dialog'; dialog: OpenedDialog }
  | { type: 'reaction_added' | 'reaction_removed'; reaction: Reaction; channel: Channel }
  | { type: 'status_change'; status: Status }
  | { type: 'typing'; channel: Channel; userId: string; parentId: string }
  | { type: 'channel_viewed'; userId: string; times: Record<string, number> }
  | { type: 'user_removed'; channel: Channel; userId: string; removerId: string }
  | { type: 'emoji_added'; emoji: CustomEmoji };

type Listener = (event: WorkspaceEvent) => void;

export class WorkspaceEvents {
  private readonly listeners = new Set<Listener>();

  /** Subscribes; answers the unsubscribe function. */
  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: WorkspaceEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed socket) must not stop the others or the request.
      }
    }
  }
}
