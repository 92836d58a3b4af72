import type { Client4 } from '@mattermost/client';
import { expect } from 'vitest';
import WebSocket from 'ws';

/** A WebSocket frame as Mattermost sends it: an event, or the reply to an action. */
export interface SocketFrame {
  event: string;
  data: Record<string, unknown>;
  broadcast: { channel_id?: string; user_id?: string; omit_users?: Record<string, boolean> | null };
  status?: string;
  seq_reply?: number;
  error?: { id: string };
}

/** A WebSocket of the client's user, authenticated by header, collecting every frame once `hello` has come. */
export async function listen(url: string, client: Client4): Promise<{ socket: WebSocket; events: SocketFrame[] }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v4/websocket`, {
    headers: { Authorization: `Bearer ${client.getToken()}` },
  });
  const events: SocketFrame[] = [];
  socket.on('message', (data) => events.push(JSON.parse(data.toString()) as SocketFrame));
  await new Promise((resolve) => socket.once('open', resolve));
  await expect.poll(() => events.some((e) => e.event === 'hello')).toBe(true);
  return { socket, events };
}
