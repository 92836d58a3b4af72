/** The only URLs the desktop shell hands to the operating system: http(s) with a host. */
export function isExternalUrlAllowed(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 4096) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** Whether a URL belongs to the app itself (the core's own origin). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

/**
 * What to do when the page tries to go somewhere: stay for in-app routes, hand http(s) links
 * to the system browser, drop everything else (javascript:, file:, data: …).
 */
export function navigationDecision(url: string, appOrigin: string): 'allow' | 'external' | 'deny' {
  if (isAppUrl(url, appOrigin)) return 'allow';
  return isExternalUrlAllowed(url) ? 'external' : 'deny';
}

/**
 * The one way a URL reaches the operating system: checked here, whoever asks (a link in a post,
 * a navigation, the preload bridge). Answers whether it was opened.
 */
export function openExternalSafely(open: (url: string) => Promise<void>, url: unknown): boolean {
  if (!isExternalUrlAllowed(url)) return false;
  void open(url).catch(() => undefined);
  return true;
}
