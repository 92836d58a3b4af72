import { createCore } from '../core/create-core';
import type { Core, CoreOptions } from '../core/core';
import { StartupError } from '../base/startup-error';

/** Mattermost's port, so integrations configured for a local Mattermost reach the app unchanged. */
export const DESKTOP_PORT = 8065;

/**
 * The desktop app's core: on loopback at 8065, or on a free port when another server (perhaps a
 * real Mattermost) owns 8065. A user cannot pass flags to a desktop app, so it never gives up
 * on a taken port; every other failure is the user's to see.
 */
export async function startDesktopCore(options: Omit<CoreOptions, 'port' | 'host'>): Promise<Core> {
  const core = createCore({ ...options, host: '127.0.0.1', port: DESKTOP_PORT });
  try {
    await core.start();
    return core;
  } catch (error) {
    if (!(error instanceof StartupError) || error.code !== 'PORT_IN_USE') throw error;
    options.log?.(`mockmost: port ${DESKTOP_PORT} is taken; listening on a free port instead`);
    const fallback = createCore({ ...options, host: '127.0.0.1', port: 0 });
    await fallback.start();
    return fallback;
  }
}
