import { diagnose } from '../../../diagnostics/catalog';
import { utf8ByteLength } from '../../../../shared/mattermost/utf8';
import type { Command } from '../../../../shared/mattermost/model';
import { newId } from '../../../base/new-id';
import type { Store } from '../../../store/store';
import { BUILTIN_TRIGGERS } from '../../../workspace/builtin-commands';
import { isHttpUrl, isValidTrigger } from '../../../workspace/integration-rules';
import { canManageIntegrations, isSystemAdmin, isTeamMember } from '../../../workspace/permissions';
import { AppError, invalidBodyParam, invalidUrlParam, noPermission } from '../../../workspace/app-error';
import { optionalString } from '../../read-api-json';
import { requireEnabled, type IntegrationKind } from './integration-routes';

const invalid = (field: string, message: string, id: string) =>
  new AppError(400, `model.command.is_valid.${field}.app_error`, message, `id=${id}`);

/** Mattermost's Command.IsValid (server/public/model/command.go). */
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

/** Slash commands (server/channels/api4/command.go: createCommand, updateCommand, regenCommandToken …). */
export const commands: IntegrationKind<Command> = {
  path: '/api/v4/commands',
  id: { param: 'commandId', name: 'command_id', capture: 'commandId' },
  body: { create: 'command', update: 'command' },
  setting: 'EnableCommands',
  disabled: () => new AppError(501, 'api.command.disabled.app_error', 'Commands have been disabled by the system admin.'),
  settingGuardsEveryRoute: false,
  notFound: () => new AppError(404, 'store.sql_command.save.get.app_error', 'Unable to get the command.'),
  // Unknown and foreign commands both answer 404, except when a manager of the team touches another user's command (403).
  hiddenFromNonManagers: true,
  owner: (command) => command.creator_id,
  table: (store) => store.commands,
  update: { status: 200, bodyId: 'when-given', wrongBodyId: () => invalidBodyParam('command') },
  regenerateToken: { method: 'PUT', answer: 'token' },
  create(ctx, caller, body) {
    const store = ctx.core.store;
    const teamId = optionalString(body.team_id);
    if (!store.teams.get(teamId) || !canManageIntegrations(store, caller.user, teamId)) throw noPermission();
    requireEnabled(ctx, commands);
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
    return validate(command);
  },
  apply(ctx, body, command) {
    const updated = fromBody(body, command);
    checkTrigger(ctx.core.store, updated);
    return validate(updated);
  },
  /** Managers see their team's commands whole; others see autocomplete commands without secrets. */
  list(ctx, caller) {
    const store = ctx.core.store;
    const teamId = ctx.url.searchParams.get('team_id') ?? '';
    if (!store.teams.get(teamId)) throw invalidUrlParam('team_id');
    if (!isTeamMember(store, teamId, caller.user.id) && !isSystemAdmin(caller.user)) throw noPermission();
    requireEnabled(ctx, commands);
    const all = store.commands.active(teamId);
    if (canManageIntegrations(store, caller.user, teamId)) return all;
    return all
      .filter((c) => c.auto_complete)
      .map((c) => ({ ...c, token: '', creator_id: '', method: '', url: '', username: '', icon_url: '' }));
  },
};
