import type { RouteDef } from '../http-types';
import { getConfig, patchConfig, updateConfig } from './api-v4/config';
import {
  createEphemeralPost,
  createPostRoute,
  deletePostRoute,
  getChannelPosts,
  getPost,
  getPostThread,
  patchPost,
  updatePost,
} from './api-v4/posts';
import { commands } from './api-v4/commands';
import { incomingHooks } from './api-v4/incoming-hooks';
import { integrationRoutes } from './api-v4/integration-routes';
import { outgoingHooks } from './api-v4/outgoing-hooks';
import { ping } from './api-v4/system';
import {
  addChannelMember,
  archiveChannelRoute,
  createChannelRoute,
  createDirectChannel,
  getChannel,
  listChannelMembers,
  restoreChannel,
} from './api-v4/channels';
import {
  addTeamMember,
  getChannelByNames,
  getChannelByTeamIdAndName,
  getTeam,
  getTeamByName,
  listTeamChannels,
  listTeamMembers,
  listTeams,
} from './api-v4/teams';
import { createBot, listBots } from './api-v4/bots';
import { createUserAccessToken, listUserAccessTokens } from './api-v4/user-tokens';
import {
  createUserRoute,
  getUser,
  getUserByUsername,
  getUserChannelsInTeam,
  getUsersByIds,
  getUserTeams,
  login,
  logout,
} from './api-v4/users';
import { listDialogs, listEphemerals } from './control/exchanges';
import { clearExchanges, deleteExchange, diffExchanges, getExchange, listExchanges, listTraffic, replayExchange } from './control/traffic';
import { viewChannel, viewHome, viewPost } from './control/view';
import { clickAction } from './control/actions';
import { uiSessionRoute } from './control/sessions';
import { deleteProxy, listProxies, putProxy } from './control/proxies';
import { createCollection, deleteCollection, getCollection, listCollections, replayCollectionRoute } from './control/collections';
import { resetWorkspace } from './control/workspace';
import { getSeed, getSettings, patchSettings, putSeed } from './control/settings';
import { commandWebhook } from './hooks/command-webhook';
import { deleteReactionRoute, getReactionsRoute, saveReactionRoute } from './api-v4/reactions';
import { getStatusesByIdsRoute, getUserStatusRoute, updateUserStatusRoute } from './api-v4/statuses';
import { getPinnedPostsRoute, pinPostRoute, unpinPostRoute } from './api-v4/pins';
import { getChannelMemberRoute, removeChannelMemberRoute, viewChannelRoute } from './api-v4/channel-members';
import { autocompleteUsersRoute, searchUsersRoute } from './api-v4/user-search';
import { searchPostsRoute } from './api-v4/post-search';
import {
  autocompleteEmojiRoute,
  createEmojiRoute,
  deleteEmojiRoute,
  getEmojisByNamesRoute,
  searchEmojiRoute,
  getEmojiByNameRoute,
  getEmojiImageRoute,
  getEmojiRoute,
  listEmojiRoute,
} from './api-v4/custom-emoji';
import { getDefaultProfileImageRoute, getProfileImageRoute } from './api-v4/user-images';
import {
  getFileInfoRoute,
  getFileInfosForPostRoute,
  getFileLinkRoute,
  getFilePreviewRoute,
  getFileRoute,
  getFileThumbnailRoute,
  getPublicFileRoute,
  uploadFileRoute,
} from './api-v4/files';
import { controlRouteDefs, type ControlRoutes } from './control/control-route';
import { incomingWebhook } from './hooks/incoming-webhook';
import { executeCommandRoute } from './api-v4/execute-command';
import { doPostActionRoute, openDialogRoute, submitDialogRoute } from './api-v4/actions';

/** Mattermost's surface: `/hooks/…` and `/api/v4/…`. */
export const MATTERMOST_ROUTES: RouteDef[] = [
  incomingWebhook,
  commandWebhook,
  executeCommandRoute,
  doPostActionRoute,
  openDialogRoute,
  submitDialogRoute,
  ping,
  // Literal paths before the `users/{user_id}` ones that would take their last segment as an id.
  searchUsersRoute,
  autocompleteUsersRoute,
  getStatusesByIdsRoute,
  login,
  logout,
  getUser,
  getUserByUsername,
  getUsersByIds,
  createUserRoute,
  getUserTeams,
  getUserChannelsInTeam,
  createUserAccessToken,
  listUserAccessTokens,
  createBot,
  listBots,
  listTeams,
  getTeam,
  getTeamByName,
  listTeamChannels,
  getChannelByTeamIdAndName,
  getChannelByNames,
  listTeamMembers,
  addTeamMember,
  createChannelRoute,
  createDirectChannel,
  getChannel,
  archiveChannelRoute,
  restoreChannel,
  listChannelMembers,
  addChannelMember,
  getChannelPosts,
  createEphemeralPost,
  createPostRoute,
  getPost,
  getPostThread,
  updatePost,
  patchPost,
  deletePostRoute,
  saveReactionRoute,
  getReactionsRoute,
  deleteReactionRoute,
  getUserStatusRoute,
  updateUserStatusRoute,
  getProfileImageRoute,
  getDefaultProfileImageRoute,
  pinPostRoute,
  unpinPostRoute,
  getPinnedPostsRoute,
  viewChannelRoute,
  getChannelMemberRoute,
  removeChannelMemberRoute,
  searchPostsRoute,
  createEmojiRoute,
  listEmojiRoute,
  getEmojisByNamesRoute,
  searchEmojiRoute,
  autocompleteEmojiRoute,
  getEmojiByNameRoute,
  getEmojiRoute,
  getEmojiImageRoute,
  deleteEmojiRoute,
  uploadFileRoute,
  getFileRoute,
  getFileInfoRoute,
  getFileInfosForPostRoute,
  getFileThumbnailRoute,
  getFilePreviewRoute,
  getFileLinkRoute,
  getPublicFileRoute,
  ...integrationRoutes(incomingHooks),
  ...integrationRoutes(outgoingHooks),
  ...integrationRoutes(commands),
  getConfig,
  updateConfig,
  patchConfig,
];

/** Every route of the control API's contract (shared/contract/control-api.ts) with its handler. */
export const CONTROL_HANDLERS: ControlRoutes = {
  'POST /workspace/reset': resetWorkspace,
  'GET /workspace/seed': getSeed,
  'PUT /workspace/seed': putSeed,
  'GET /settings': getSettings,
  'PATCH /settings': patchSettings,
  'GET /exchanges': listExchanges,
  'GET /traffic': listTraffic,
  'GET /exchanges/diff': diffExchanges,
  'GET /exchanges/:id': getExchange,
  'DELETE /exchanges/:id': deleteExchange,
  'DELETE /exchanges': clearExchanges,
  'POST /exchanges/:id/replay': replayExchange,
  'GET /ephemerals': listEphemerals,
  'GET /dialogs': listDialogs,
  'POST /actions': clickAction,
  'POST /sessions': uiSessionRoute,
  'GET /proxies': listProxies,
  'PUT /proxies/:name': putProxy,
  'DELETE /proxies/:name': deleteProxy,
  'GET /collections': listCollections,
  'POST /collections': createCollection,
  'GET /collections/:id': getCollection,
  'DELETE /collections/:id': deleteCollection,
  'POST /collections/:id/replay': replayCollectionRoute,
  'GET /view/channel': viewChannel,
  'GET /view/home': viewHome,
  'GET /view/post/:id': viewPost,
};

export const CONTROL_ROUTES: RouteDef[] = controlRouteDefs(CONTROL_HANDLERS);
