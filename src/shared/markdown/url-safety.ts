const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Mattermost's isUrlSafe (webapp/channels/src/utils/url.tsx): entity- and percent-decode, keep only word
 * characters and ":", lower-case, and refuse javascript:, vbscript: and data:. Defeats case
 * tricks, embedded whitespace and encoded letters.
 */
export function isUrlSafe(url: string): boolean {
  const unescaped = decodePercent(decodeEntities(url))
    .replace(/[^\w:]/g, '')
    .toLowerCase();
  return !unescaped.startsWith('javascript:') && !unescaped.startsWith('vbscript:') && !unescaped.startsWith('data:');
}

/** Entity-decodes a link destination as the markdown parser does, for the href it emits. */
export function decodeHref(url: string): string {
  return decodeEntities(url);
}

/** An image source from a payload: http(s) or a same-site path, else nothing to load. */
export function safeImageUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!isUrlSafe(trimmed)) return undefined;
  return /^https?:\/\//i.test(trimmed) || (trimmed.startsWith('/') && !trimmed.startsWith('//')) ? trimmed : undefined;
}
