import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Core } from '../../core/core';
import { newId } from '../../base/new-id';
import type { WorkspaceEvent } from '../../workspace/workspace-events';
import { postMentions } from '../../workspace/mentions';
import { threadFollowers } from '../../workspace/thread-followers';
import { servedPost } from '../../workspace/serve-post';
import { setAutomaticStatus, userTyping } from '../../workspace/statuses';
import { VERSION_ID } from '../envelope';
import { sessionForToken, tokenFromHeaders } from '../auth';

const PATH = '/api/v4/websocket';
/** Client frames are small JSON actions; anything bigger is abuse. */
const MAX_FRAME_BYTES = 64 * 1024;

interface Broadcast {
  omit_users: Record<string, boolean> | null;
  user_id: string;
  channel_id: string;
  team_id: string;
  connection_id: string;
  omit_connection_id: string;
}

const broadcast = (fields: Partial<Broadcast>): Broadcast => ({
  omit_users: null,
  user_id: '',
  channel_id: '',
  team_id: '',
  connection_id: '',
  omit_connection_id: '',
  ...fields,
});

/** One client connection: its user once authenticated, and its own event sequence. */
class Connection {
  userId: string | undefined;
  private seq = 0;
  readonly id = newId();

  constructor(readonly socket: WebSocket) {}

  event(event: string, data: Record<string, unknown>, to: Broadcast): void {
    this.socket.send(JSON.stringify({ event, data, broadcast: to, seq: this.seq++ }));
  }

  reply(seq: unknown, status: 'OK' | 'FAIL', extra: Record<string, unknown> = {}): void {
    this.socket.send(JSON.stringify({ status, seq_reply: seq, ...extra }));
  }
}

/**
 * Mattermost's WebSocket (/api/v4/websocket): authentication by header, cookie or the
 * authentication_challenge action, then `hello` and the workspace's events in Mattermost's
 * envelope `{event, data, broadcast, seq}`, so bots built on Mattermost's client libraries run.
 */
export class WebSocketHub {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly connections = new Set<Connection>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(private readonly core: Core) {
    this.unsubscribe = core.events.on((event) => this.dispatch(event));
  }

  /** Answers whether the upgrade was ours to take. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = (req.url ?? '').split('?')[0];
    if (path !== PATH) return false;
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
    return true;
  }

  /** Drops every connection (on reset the sessions they belong to are gone). */
  closeAll(): void {
    for (const connection of this.connections) connection.socket.close(1001, 'workspace reset');
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const connection of this.connections) connection.socket.terminate();
    this.server.close();
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    const connection = new Connection(socket);
    this.connections.add(connection);
    socket.on('close', () => {
      this.connections.delete(connection);
      // The last connection of a user gone: offline, as Mattermost marks a user who left.
      const userId = connection.userId;
      if (userId !== undefined && !this.isConnected(userId)) this.whenOpen(() => setAutomaticStatus(this.core, userId, 'offline'));
    });
    socket.on('error', () => socket.terminate());
    socket.on('message', (data) => this.onMessage(connection, data));
    const token = tokenFromHeaders(req.headers, undefined);
    const caller = token && sessionForToken(this.core, token.token);
    if (caller) this.authenticate(connection, caller.user.id);
  }

  private authenticate(connection: Connection, userId: string): void {
    connection.userId = userId;
    this.whenOpen(() => setAutomaticStatus(this.core, userId, 'online'));
    connection.event('hello', { connection_id: connection.id, server_version: VERSION_ID }, broadcast({ user_id: userId }));
  }

  private onMessage(connection: Connection, data: RawData): void {
    let message: { seq?: unknown; action?: unknown; data?: Record<string, unknown> };
    try {
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      connection.socket.close(1003, 'invalid JSON');
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { seq, action } = message;
    if (action === 'authentication_challenge') {
      const token = typeof message.data?.token === 'string' ? message.data.token : '';
      const caller = sessionForToken(this.core, token);
      if (!caller) {
        connection.reply(seq, 'FAIL', { error: notAuthenticated() });
        return;
      }
      connection.reply(seq, 'OK');
      if (connection.userId === undefined) this.authenticate(connection, caller.user.id);
      return;
    }
    if (connection.userId === undefined) {
      connection.reply(seq, 'FAIL', { error: notAuthenticated() });
      return;
    }
    if (action === 'ping') {
      connection.reply(seq, 'OK', { data: { text: 'pong', version: VERSION_ID, server_time: Date.now() } });
      return;
    }
    if (action === 'user_typing') {
      const error = userTyping(this.core, connection.userId, message.data ?? {});
      connection.reply(seq, error ? 'FAIL' : 'OK', error ? { error } : {});
      return;
    }
    if (action === 'get_statuses' || action === 'get_statuses_by_ids') {
      connection.reply(seq, 'OK', { data: {} });
      return;
    }
    connection.reply(seq, 'FAIL', {
      error: {
        id: 'api.web_socket_router.bad_action.app_error',
        message: 'Unknown WebSocket action.',
        detailed_error: '',
        status_code: 500,
      },
    });
  }

  private dispatch(event: WorkspaceEvent): void {
    if (this.connections.size === 0) return;
    if (event.type === 'ephemeral_message') {
      this.send(
        (c) => c.userId === event.userId,
        'ephemeral_message',
        { post: JSON.stringify(servedPost(this.core, event.post)) },
        broadcast({ user_id: event.userId }),
      );
      return;
    }
    if (event.type === 'open_dialog') {
      const userId = event.dialog.user_id;
      this.send(
        (c) => c.userId === userId,
        'open_dialog',
        { dialog: JSON.stringify(event.dialog.request) },
        broadcast({ user_id: userId }),
      );
      return;
    }
    if (event.type === 'emoji_added') {
      this.send((c) => c.userId !== undefined, 'emoji_added', { emoji: JSON.stringify(event.emoji) }, broadcast({}));
      return;
    }
    if (event.type === 'status_change') {
      const { user_id: userId, status } = event.status;
      this.send((c) => c.userId === userId, 'status_change', { status, user_id: userId }, broadcast({ user_id: userId }));
      return;
    }
    if (event.type === 'channel_viewed') {
      // Mattermost 11 tells the viewer's other clients with multiple_channels_viewed; clients
      // written against the older per-channel event get channel_viewed for each channel too.
      const mine = (c: Connection) => c.userId === event.userId;
      this.send(mine, 'multiple_channels_viewed', { channel_times: event.times }, broadcast({ user_id: event.userId }));
      for (const channelId of Object.keys(event.times)) {
        this.send(mine, 'channel_viewed', { channel_id: channelId }, broadcast({ user_id: event.userId }));
      }
      return;
    }
    const { channel } = event;
    if (event.type === 'user_removed') {
      // The removed user hears it on their own connections; the channel's members on theirs.
      this.send(
        (c) => c.userId === event.userId,
        'user_removed',
        { channel_id: channel.id, remover_id: event.removerId },
        broadcast({ user_id: event.userId }),
      );
    }
    const members = new Set(this.core.store.channelMemberRows(channel.id).map((row) => row.user_id));
    const to = broadcast({ channel_id: channel.id });
    const toMembers = (c: Connection) => c.userId !== undefined && members.has(c.userId);
    if ('reaction' in event) {
      this.send(toMembers, event.type, { reaction: JSON.stringify(event.reaction) }, to);
      return;
    }
    if (event.type === 'typing') {
      // Everyone in the channel but the typist (broadcast.omit_users).
      const omit = { omit_users: { [event.userId]: true } } as unknown as Partial<Broadcast>;
      this.send(
        (c) => toMembers(c) && c.userId !== event.userId,
        'typing',
        { parent_id: event.parentId, user_id: event.userId },
        broadcast({ channel_id: channel.id, ...omit }),
      );
      return;
    }
    if (event.type === 'user_removed') {
      this.send(toMembers, 'user_removed', { user_id: event.userId, remover_id: event.removerId }, to);
      return;
    }
    const data: Record<string, unknown> = { post: JSON.stringify(servedPost(this.core, event.post)) };
    if (event.type === 'posted') {
      Object.assign(data, {
        channel_display_name: channel.display_name,
        channel_name: channel.name,
        channel_type: channel.type,
        sender_name: event.senderName,
        set_online: true,
        team_id: channel.team_id,
      });
      // Mattermost adds the mentioned users only when there are some; bots decide from them whether to answer.
      const mentioned = postMentions(this.core.store, event.post, channel, members, this.core.config(), (userId) =>
        this.isConnected(userId),
      );
      if (mentioned.length > 0) data.mentions = JSON.stringify(mentioned);
      const followers = threadFollowers(this.core.store, event.post, members, mentioned, this.core.config());
      if (followers.length > 0) data.followers = JSON.stringify(followers);
    }
    if (event.type === 'post_deleted') data.delete_by = event.deletedBy;
    this.send(toMembers, event.type, data, to);
  }

  /** Runs a status change unless the hub is shutting down (the store may be closing). */
  private whenOpen(change: () => void): void {
    if (this.closed) return;
    try {
      change();
    } catch (error) {
      this.core.options.log?.(`mockmost: could not store a status: ${(error as Error).message}`);
    }
  }

  /** A user with a WebSocket open counts as online, as the web app keeps Mattermost's status. */
  private isConnected(userId: string): boolean {
    for (const connection of this.connections) if (connection.userId === userId) return true;
    return false;
  }

  private send(to: (c: Connection) => boolean, event: string, data: Record<string, unknown>, target: Broadcast): void {
    for (const connection of this.connections) {
      if (to(connection) && connection.socket.readyState === connection.socket.OPEN) connection.event(event, data, target);
    }
  }
}

function notAuthenticated() {
  return {
    id: 'api.web_socket_router.not_authenticated.app_error',
    message: 'Not authenticated. Please login and try again.',
    detailed_error: '',
    status_code: 401,
  };
}
