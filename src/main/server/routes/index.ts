import type { RouteDef } from '../http-types';
import { getConfig, patchConfig, updateConfig } from './api-v4/config';
import { getChannelPosts, getPost } from './api-v4/posts';
import { createIncomingHook, getIncomingHook } from './api-v4/incoming-hooks';
import { ping } from './api-v4/system';
import { getChannelByNames, getTeamByName } from './api-v4/teams';
import { getMe, login, logout } from './api-v4/users';
import { listExchanges } from './control/exchanges';
import { viewChannel } from './control/view';
import { resetWorkspace } from './control/workspace';
import { incomingWebhook } from './hooks/incoming-webhook';

/** Mattermost's surface: `/hooks/…` and `/api/v4/…`. */
export const MATTERMOST_ROUTES: RouteDef[] = [
  incomingWebhook,
  ping,
  login,
  logout,
  getMe,
  getTeamByName,
  getChannelByNames,
  getChannelPosts,
  getPost,
  createIncomingHook,
  getIncomingHook,
  getConfig,
  updateConfig,
  patchConfig,
];

/** Mockmost's own control API under `/_mockmost/api`. */
export const CONTROL_ROUTES: RouteDef[] = [resetWorkspace, listExchanges, viewChannel];
