/** Mattermost's longest post message, in runes (65535 / 4; server/public/model/post.go: PostMessageMaxRunesV2). */
export const MAX_MESSAGE_RUNES = 16383;

/** Cuts a message into parts of at most MAX_MESSAGE_RUNES runes, on rune boundaries only. */
export function splitMessage(message: string): string[] {
  // A string never has more runes than UTF-16 units, so short messages need no counting.
  if (message.length <= MAX_MESSAGE_RUNES) return [message];
  const runes = Array.from(message);
  if (runes.length <= MAX_MESSAGE_RUNES) return [message];
  const parts: string[] = [];
  for (let i = 0; i < runes.length; i += MAX_MESSAGE_RUNES) parts.push(runes.slice(i, i + MAX_MESSAGE_RUNES).join(''));
  return parts;
}
