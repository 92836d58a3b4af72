import { useEffect, useRef } from 'react';
import { useApp } from '../../app/store';

const RECONNECT_MS = 2000;

/**
 * Mattermost's WebSocket as the viewer's client: calls `onEvent` with each event's name
 * (posted, post_edited, ephemeral_message, open_dialog…), reconnecting when the socket drops.
 */
export function useLiveEvents(userId: string | undefined, onEvent: (event: string) => void): void {
  const sessionFor = useApp((s) => s.sessionFor);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!userId) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let retry: number | undefined;
    const connect = async () => {
      const token = await sessionFor(userId).catch(() => null);
      if (stopped) return;
      if (!token) {
        retry = window.setTimeout(() => void connect(), RECONNECT_MS);
        return;
      }
      const url = new URL('/api/v4/websocket', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => ws.send(JSON.stringify({ seq: 1, action: 'authentication_challenge', data: { token } }));
      ws.onmessage = (message) => {
        try {
          const event = (JSON.parse(String(message.data)) as { event?: unknown }).event;
          if (typeof event === 'string') handler.current(event);
        } catch {
          // Not an event: ignore it, as Mattermost's client does.
        }
      };
      ws.onclose = () => {
        if (!stopped) retry = window.setTimeout(() => void connect(), RECONNECT_MS);
      };
    };
    void connect();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      socket?.close();
    };
  }, [userId, sessionFor]);
}
