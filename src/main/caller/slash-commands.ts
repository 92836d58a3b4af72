import { STATUS_CODES } from 'node:http';
import { GoJsonError } from '../../shared/mattermost/go-json';
import type { Channel, Command, User } from '../../shared/mattermost/model';
import { processAttachments } from '../../shared/slack/attachments';
import { convertSlackLinks, expandSlackMentions } from '../../shared/slack/translate-text';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';
import { AppError, noPermission } from '../workspace/app-error';
import { deliverEphemeral } from '../workspace/ephemeral';
import { canPostInChannel, isTeamMember } from '../workspace/permissions';
import { buildPost, createPost } from '../workspace/posts';
import { BUILTIN_COMMANDS } from './builtin-commands';
import { CallFailed, callIntegration } from './call-integration';
import { emptyResponse, parseCommandResponse, type CommandResponse } from './command-response';
import { fireOutgoingWebhooks } from './outgoing-webhooks';

export interface Invocation {
  user: User;
  channel: Channel;
  command: string;
  rootId: string;
}

const startError = () => new AppError(400, 'api.command.execute_command.start.app_error', 'No command trigger found.');
const failed = (trigger: string, detail = '') =>
  new AppError(500, 'api.command.execute_command.failed.app_error', `Command with a trigger of '${trigger}' failed.`, detail);

/** `/Trigger text`: the trigger lowercased without the slash, the text after the first whitespace character. */
export function splitCommand(command: string): { trigger: string; text: string } {
  const match = /\s/.exec(command);
  const head = match ? command.slice(0, match.index) : command;
  return { trigger: head.slice(1).toLowerCase(), text: match ? command.slice(match.index + 1) : '' };
}

/** @name team members and ~name public channels, as Mattermost lists them for the integration. */
function mentions(core: Core, text: string, teamId: string) {
  const store = core.store;
  const users: [string, string][] = [];
  const channels: [string, string][] = [];
  for (const [, raw] of text.matchAll(/@([a-z0-9.\-_]+)/gi)) {
    // Trailing . - _ are trimmed one at a time until a user matches.
    for (let name = raw!.toLowerCase(); name !== ''; name = name.slice(0, -1)) {
      const user = store.users.byUsername(name);
      if (user && isTeamMember(store, teamId, user.id)) {
        if (!users.some(([n]) => n === name)) users.push([name, user.id]);
        break;
      }
      if (!/[.\-_]$/.test(name)) break;
    }
  }
  for (const [, name] of text.matchAll(/~([a-z0-9\-_]+)/gi)) {
    const channel = store.channels.openByName(teamId, name!.toLowerCase());
    if (channel && !channels.some(([n]) => n === channel.name)) channels.push([channel.name, channel.id]);
  }
  return { users, channels };
}

function requestFields(
  core: Core,
  command: Command,
  inv: Invocation,
  text: string,
  triggerId: string,
  responseUrl: string,
): [string, string][] {
  const team = core.store.teams.get(inv.channel.team_id);
  const fields: [string, string][] = [
    ['channel_id', inv.channel.id],
    ['channel_name', inv.channel.name],
    ['command', `/${command.trigger}`],
    ['response_url', responseUrl],
    ['root_id', inv.rootId],
    ['team_domain', team?.name ?? ''],
    ['team_id', inv.channel.team_id],
    ['text', text],
    ['token', command.token],
    ['trigger_id', triggerId],
    ['user_id', inv.user.id],
    ['user_name', inv.user.username],
  ];
  const found = mentions(core, text, inv.channel.team_id);
  for (const [name, id] of found.users) fields.push(['user_mentions', name], ['user_mentions_ids', id]);
  for (const [name, id] of found.channels) fields.push(['channel_mentions', name], ['channel_mentions_ids', id]);
  return fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** POST /api/v4/commands/execute (server/channels/app/command.go: ExecuteCommand, HandleCommandResponse). Answers the response object for the client. */
export async function executeCommand(core: Core, inv: Invocation): Promise<CommandResponse> {
  const store = core.store;
  if (inv.command.length <= 1 || !inv.command.startsWith('/')) throw startError();
  if (!canPostInChannel(store, inv.user, inv.channel)) throw noPermission();
  if (inv.channel.delete_at !== 0)
    throw new AppError(400, 'api.command.execute_command.deleted.error', 'Can not execute command in a deleted channel.');
  const settings = core.config().ServiceSettings ?? {};
  if (settings.EnableCommands !== true)
    throw new AppError(501, 'api.command.disabled.app_error', 'Commands have been disabled by the system admin.');
  const { trigger, text } = splitCommand(inv.command);
  const command = store.commands.byTrigger(inv.channel.team_id, trigger);
  if (!command) {
    const builtin = BUILTIN_COMMANDS[trigger];
    if (builtin) return answerBuiltin(core, inv, builtin(text, core, inv));
    throw new AppError(
      404,
      'api.command.execute_command.not_found.app_error',
      `Command with a trigger of '${trigger}' not found. To send a message beginning with "/", try adding an empty space at the beginning of the message.`,
    );
  }
  const siteUrl = String(settings.SiteURL ?? '');
  if (siteUrl === '')
    throw new AppError(400, 'api.command.execute_command.site_url_required.app_error', 'Site URL is required to execute custom commands.');
  const { clientId, triggerId } = core.triggerIds.issue(inv.user.id);
  const hookId = newId();
  store.batch.run(() =>
    store.commandWebhooks.add({
      id: hookId,
      command_id: command.id,
      user_id: inv.user.id,
      channel_id: inv.channel.id,
      root_id: inv.rootId,
      create_at: Date.now(),
    }),
  );
  const fields = requestFields(core, command, inv, text, triggerId, `${siteUrl}/hooks/commands/${hookId}`);
  const query = new URLSearchParams(fields).toString();
  let answer;
  try {
    answer = await callIntegration(core, {
      kind: 'slash_command',
      method: command.method === 'G' ? 'GET' : 'POST',
      url: command.method === 'G' ? `${command.url}${command.url.includes('?') ? '&' : '?'}${query}` : command.url,
      headers: {
        Authorization: `Token ${command.token}`,
        ...(command.method === 'G' ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      },
      body: command.method === 'G' ? undefined : query,
      links: { commandId: command.id },
    });
  } catch (error) {
    if (error instanceof CallFailed) throw failed(trigger, error.message);
    throw error;
  }
  if (answer.status !== 200) {
    throw new AppError(
      500,
      'api.command.execute_command.failed_resp.app_error',
      `Command with a trigger of '${trigger}' returned response ${answer.status} ${STATUS_CODES[answer.status] ?? ''}.`,
      answer.body.toString('utf8'),
    );
  }
  let response: CommandResponse;
  try {
    response = parseCommandResponse(answer.headers['content-type'], answer.body.toString('utf8'));
  } catch (error) {
    if (error instanceof GoJsonError) throw failed(trigger, error.message);
    throw error;
  }
  response.trigger_id = clientId;
  return postResponse(core, inv, command, response, trigger);
}

/** Posts a custom command's answer and its extra responses; answers what the client sees. */
export function postResponse(
  core: Core,
  inv: Invocation,
  command: Command | undefined,
  response: CommandResponse,
  trigger: string,
): CommandResponse {
  const store = core.store;
  const usernameOf = (id: string) => store.users.get(id)?.username;
  const mentionsOf = (text: string) => (response.skip_slack_parsing ? text : expandSlackMentions(text, usernameOf));
  // Every answer is tried; a failed one (a channel the user is not in, a system_ type, a store
  // error) fails the whole call with Mattermost's one error wrapping the last failure
  // (server/channels/app/command.go: HandleCommandResponse), while the others stay posted.
  let lastFailure: Error | undefined;
  // Consecutive timestamps keep the main answer before its extra responses in every listing.
  const createAt = Date.now();
  for (const [i, item] of [response, ...(response.extra_responses ?? [])].entries()) {
    try {
      store.batch.run(() => postOne(core, inv, command, item, createAt + i));
    } catch (error) {
      lastFailure = error as Error;
    }
  }
  if (lastFailure) {
    throw new AppError(
      500,
      'api.command.execute_command.create_post_failed.app_error',
      `Command '${trigger}' failed to post response. Please contact your System Administrator.`,
      lastFailure.message,
      lastFailure instanceof AppError ? lastFailure.id : undefined,
    );
  }
  return { ...response, text: mentionsOf(response.text) };
}

function postOne(core: Core, inv: Invocation, command: Command | undefined, response: CommandResponse, createAt: number): void {
  const store = core.store;
  const settings = core.config().ServiceSettings ?? {};
  let channel = inv.channel;
  if (response.channel_id && response.channel_id !== inv.channel.id) {
    const target = store.channels.get(response.channel_id);
    if (!target || !store.channelMember(target.id, inv.user.id)) {
      throw new AppError(403, 'api.command.command_post.forbidden.app_error', 'Specified user is not a member of specified channel.');
    }
    channel = target;
  }
  if (response.type.startsWith('system_')) throw new AppError(400, 'api.context.invalid_param.app_error', 'Invalid post.type parameter.');
  const usernameOf = (id: string) => store.users.get(id)?.username;
  const skip = response.skip_slack_parsing;
  const props: Record<string, unknown> = { ...(response.props ?? {}) };
  if (command) props.from_webhook = 'true';
  if (command && settings.EnablePostUsernameOverride === true && (command.username || response.username)) {
    props.override_username = command.username || response.username;
  }
  if (command && settings.EnablePostIconOverride === true) props.override_icon_url = command.icon_url || response.icon_url || '';
  let type = response.type;
  if (response.attachments) {
    props.attachments = processAttachments(response.attachments, { usernameOf, newId, skipSlackParsing: skip });
    type = 'slack_attachment';
  }
  const message = skip ? response.text : convertSlackLinks(expandSlackMentions(response.text, usernameOf), 'B');
  const input = { channel_id: channel.id, user_id: inv.user.id, message, root_id: inv.rootId, type, props, create_at: createAt };
  if (response.response_type === 'in_channel') {
    const post = createPost(core, input);
    store.batch.afterCommit(() => void fireOutgoingWebhooks(core, post, channel));
    return;
  }
  // Ephemeral answers reach only the invoker, and only when they say something.
  if (response.text === '' && !response.attachments) return;
  deliverEphemeral(core, inv.user.id, buildPost({ ...input, type: 'system_ephemeral' }));
}

function answerBuiltin(core: Core, inv: Invocation, response: Partial<CommandResponse>): CommandResponse {
  return postResponse(core, inv, undefined, { ...emptyResponse(), ...response }, '');
}
