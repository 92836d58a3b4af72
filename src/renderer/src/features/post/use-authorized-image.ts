import { useEffect, useState } from 'react';
import { useApp } from '../../app/store';

/** Images several posts share (custom emoji): fetched once per path, kept for the page's life. */
const shared = new Map<string, Promise<string | undefined>>();

async function fetchAsObjectUrl(token: string, path: string): Promise<string | undefined> {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  return response.ok ? URL.createObjectURL(await response.blob()) : undefined;
}

/**
 * One of Mockmost's own image routes (uploaded files, custom emoji), fetched with the viewer's
 * session and shown through a blob: URL, since an <img> cannot send the Authorization header.
 * Only paths on Mockmost's own origin are ever loaded. `shareAcrossPosts` keeps one copy per
 * path for the page; otherwise the copy goes when the component does.
 */
export function useAuthorizedImage(viewerId: string | undefined, path: string, shareAcrossPosts = false): string | undefined {
  const sessionFor = useApp((s) => s.sessionFor);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!viewerId || !path.startsWith('/')) return;
    let live = true;
    let own: string | undefined;
    const load = () => sessionFor(viewerId).then((token) => fetchAsObjectUrl(token, path));
    let pending: Promise<string | undefined>;
    if (shareAcrossPosts) {
      pending = shared.get(path) ?? load();
      shared.set(path, pending);
      pending.catch(() => shared.delete(path));
    } else {
      pending = load().then((objectUrl) => (own = objectUrl));
    }
    pending.then((objectUrl) => live && setUrl(objectUrl)).catch(() => undefined);
    return () => {
      live = false;
      if (own) URL.revokeObjectURL(own);
    };
  }, [viewerId, path, shareAcrossPosts, sessionFor]);
  return url;
}
