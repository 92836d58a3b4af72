import { softDeleted } from '../../../workspace/soft-delete';
import { diagnose } from '../../../diagnostics/catalog';
import { utf8ByteLength } from '../../../../shared/mattermost/utf8';
import type { Command } from '../../../../shared/mattermost/model';
import { newId } from '../../../base/new-id';
import type { Store } from '../../../store/store';
import { BUILTIN_TRIGGERS } from '../../../workspace/builtin-commands';
import { isHttpUrl, isValidTrigger } from '../../../workspace/integration-rules';
import { canManageIntegrations, isSystemAdmin, isTeamMember } from '../../../workspace/permissions';
import { AppError, invalidBodyParam, invalidUrlParam, noPermission } from '../../../workspace/app-error';
import { requireSession } from '../../auth';
import type { Caller } from '../../../workspace/sessions';
import type { RequestContext, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { optionalString, readApiJson } from '../../read-api-json';

const disabled = () => new AppError(501, 'api.command.disabled.app_error', 'Commands have been disabled by the system admin.');
const notFound = () => new AppError(404, 'store.sql_command.save.get.app_error', 'Unable to get the command.');
const invalid = (field: string, message: string, id: string) =>
  new AppError(400, `model.command.is_valid.${field}.app_error`, message, `id=${id}`);

/** Mattermost's Command.IsValid (server.md §6.1). */
function validate(command: Command): Command {
  if (!isValidTrigger(command.trigger)) throw invalid('trigger', 'Invalid trigger.', command.id);
  if (command.url === '' || utf8ByteLength(command.url) > 1024) throw invalid('url', 'Invalid URL.', command.id);
  if (!isHttpUrl(command.url))
    throw invalid('url_http', 'Invalid URL. Must be a valid URL and start with http:// or https://.', command.id);
  if (command.method !== 'P' && command.method !== 'G') throw invalid('method', 'Invalid Method.', command.id);
  if (utf8ByteLength(command.display_name) > 64) throw invalid('display_name', 'Invalid title.', command.id);
  if (utf8ByteLength(command.description) > 128) throw invalid('description', 'Invalid description.', command.id);
  return command;
}

function requireEnabled(ctx: RequestContext): void {
  if (ctx.core.config().ServiceSettings?.EnableCommands !== true) throw disabled();
}

function checkTrigger(store: Store, command: Command): void {
  const taken = store.commands.withTrigger(command.team_id, command.trigger).some((other) => other.id !== command.id);
  if (BUILTIN_TRIGGERS.has(command.trigger) || taken) {
    throw new AppError(400, 'api.command.duplicate_trigger.app_error', 'This trigger word is already in use. Please choose another word.');
  }
}

function fromBody(body: Record<string, unknown>, base: Command): Command {
  return {
    ...base,
    trigger: optionalString(body.trigger).toLowerCase(),
    method: optionalString(body.method),
    url: optionalString(body.url),
    username: optionalString(body.username),
    icon_url: optionalString(body.icon_url),
    auto_complete: body.auto_complete === true,
    auto_complete_desc: optionalString(body.auto_complete_desc),
    auto_complete_hint: optionalString(body.auto_complete_hint),
    display_name: optionalString(body.display_name),
    description: optionalString(body.description),
  };
}

/**
 * The command of the URL for someone who may manage it. Unknown and foreign commands both
 * answer 404, except when a manager of the team touches another user's command (403).
 */
function managedCommand(ctx: RequestContext, caller: Caller): Command {
  if (!/^[a-z0-9]{26}$/i.test(ctx.params.commandId!)) throw invalidUrlParam('command_id');
  const store = ctx.core.store;
  const command = store.commands.get(ctx.params.commandId!);
  if (!command || command.delete_at !== 0 || !canManageIntegrations(store, caller.user, command.team_id)) throw notFound();
  if (command.creator_id !== caller.user.id && !isSystemAdmin(caller.user)) throw noPermission();
  ctx.capture.commandId = command.id;
  return command;
}

export const createCommand: RouteDef = {
  method: 'POST',
  path: '/api/v4/commands',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'command');
    const store = ctx.core.store;
    const teamId = optionalString(body.team_id);
    if (!store.teams.get(teamId) || !canManageIntegrations(store, caller.user, teamId)) throw noPermission();
    requireEnabled(ctx);
    const now = Date.now();
    const command = fromBody(body, {
      id: newId(),
      token: newId(),
      create_at: now,
      update_at: now,
      delete_at: 0,
      creator_id: caller.user.id,
      team_id: teamId,
      trigger: '',
      method: '',
      username: '',
      icon_url: '',
      auto_complete: false,
      auto_complete_desc: '',
      auto_complete_hint: '',
      display_name: '',
      description: '',
      url: '',
      plugin_id: '',
    });
    if (command.method === 'POST' || command.method === 'GET') {
      ctx.capture.diagnosis.push(diagnose.commandMethod(command.method));
    }
    checkTrigger(store, command);
    store.batch.run(() => store.commands.put(validate(command)));
    ctx.capture.commandId = command.id;
    return json(201, command);
  },
};

/** Managers see their team's commands whole; others see autocomplete commands without secrets. */
export const listCommands: RouteDef = {
  method: 'GET',
  path: '/api/v4/commands',
  handle(ctx) {
    const caller = requireSession(ctx);
    const store = ctx.core.store;
    const teamId = ctx.url.searchParams.get('team_id') ?? '';
    if (!store.teams.get(teamId)) throw invalidUrlParam('team_id');
    if (!isTeamMember(store, teamId, caller.user.id) && !isSystemAdmin(caller.user)) throw noPermission();
    requireEnabled(ctx);
    const commands = store.commands.active(teamId);
    if (canManageIntegrations(store, caller.user, teamId)) return json(200, commands);
    const blanked = commands
      .filter((c) => c.auto_complete)
      .map((c) => ({ ...c, token: '', creator_id: '', method: '', url: '', username: '', icon_url: '' }));
    return json(200, blanked);
  },
};

export const getCommand: RouteDef = {
  method: 'GET',
  path: '/api/v4/commands/:commandId',
  handle: (ctx) => json(200, managedCommand(ctx, requireSession(ctx))),
};

export const updateCommand: RouteDef = {
  method: 'PUT',
  path: '/api/v4/commands/:commandId',
  async handle(ctx) {
    const caller = requireSession(ctx);
    const body = await readApiJson(ctx, 'command');
    const command = managedCommand(ctx, caller);
    if (body.id !== undefined && body.id !== command.id) throw invalidBodyParam('command');
    requireEnabled(ctx);
    const store = ctx.core.store;
    const updated = fromBody(body, { ...command, update_at: Date.now() });
    checkTrigger(store, updated);
    store.batch.run(() => store.commands.put(validate(updated)));
    return json(200, updated);
  },
};

export const deleteCommand: RouteDef = {
  method: 'DELETE',
  path: '/api/v4/commands/:commandId',
  handle(ctx) {
    const command = managedCommand(ctx, requireSession(ctx));
    const store = ctx.core.store;
    store.batch.run(() => store.commands.put(softDeleted(command)));
    return json(200, { status: 'OK' });
  },
};

export const regenCommandToken: RouteDef = {
  method: 'PUT',
  path: '/api/v4/commands/:commandId/regen_token',
  handle(ctx) {
    const command = managedCommand(ctx, requireSession(ctx));
    const store = ctx.core.store;
    const token = newId();
    store.batch.run(() => store.commands.put({ ...command, token, update_at: Date.now() }));
    return json(200, { token });
  },
};
