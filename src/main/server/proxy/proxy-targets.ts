import type { Core } from '../../core/core';

const META_KEY = 'proxies';

/** Proxy names → integration base URLs: those given to `serve --proxy`, then those set through the control API. */
export function proxyTargets(core: Core): Record<string, string> {
  const stored = core.store.getMeta(META_KEY);
  return { ...(core.options.proxies ?? {}), ...(stored ? (JSON.parse(stored) as Record<string, string>) : {}) };
}

export function setProxyTarget(core: Core, name: string, url: string | undefined): void {
  const stored = core.store.getMeta(META_KEY);
  const map = stored ? (JSON.parse(stored) as Record<string, string>) : {};
  if (url === undefined) delete map[name];
  else map[name] = url;
  core.store.batch.run(() => core.store.setMeta(META_KEY, JSON.stringify(map)));
}

/** A proxy name as it appears in the path: letters and digits, like Mattermost's route parameters. */
export const PROXY_NAME = /^[A-Za-z0-9]{1,64}$/;
