import type { OpenedDialog } from '../../shared/contract/control-api';
import type { Diagnosis } from '../../shared/contract/exchange';
import { dialogProblems } from '../../shared/mattermost/dialog-rules';
import { decodeAs, GoJsonError, type GoType } from '../../shared/mattermost/go-json';
import { isValidId } from '../../shared/mattermost/ids';
import type { Core } from '../core/core';
import { diagnose } from '../diagnostics/catalog';
import { AppError, invalidBodyParam, noPermission } from '../workspace/app-error';
import type { Caller } from '../workspace/sessions';
import { canReadChannel, isSystemAdmin, isTeamMember } from '../workspace/permissions';
import { decodeAnswer, note, postToAction } from './action-request';

const OPTION: GoType = { struct: { text: 'string', value: 'string' } };
const ELEMENT: GoType = {
  struct: {
    display_name: 'string',
    name: 'string',
    type: 'string',
    subtype: 'string',
    default: 'string',
    placeholder: 'string',
    help_text: 'string',
    optional: 'bool',
    min_length: 'int',
    max_length: 'int',
    data_source: 'string',
    data_source_url: 'string',
    options: { slice: OPTION },
    multiselect: 'bool',
    refresh: 'bool',
    min_date: 'string',
    max_date: 'string',
    time_interval: 'int',
  },
};
const DIALOG: GoType = {
  struct: {
    callback_id: 'string',
    title: 'string',
    introduction_text: 'string',
    icon_url: 'string',
    elements: { slice: ELEMENT },
    submit_label: 'string',
    notify_on_cancel: 'bool',
    state: 'string',
  },
};
const OPEN_REQUEST: GoType = { struct: { trigger_id: 'string', url: 'string', dialog: DIALOG } };
const SUBMIT_REQUEST: GoType = {
  struct: {
    type: 'string',
    url: 'string',
    callback_id: 'string',
    state: 'string',
    user_id: 'string',
    channel_id: 'string',
    team_id: 'string',
    submission: { map: 'any' },
    cancelled: 'bool',
  },
};
const SUBMIT_RESPONSE: GoType = { struct: { error: 'string', errors: { map: 'string' }, type: 'string', form: DIALOG } };
const SUBMIT_RESPONSE_KEYS = ['error', 'errors', 'type', 'form'];

type Json = Record<string, unknown>;

/** Decodes a request body into Mattermost's struct; a type mismatch is its 400 for `dialog`. */
function decodeBody(body: Json, type: GoType): Json {
  try {
    return (decodeAs(body, type) ?? {}) as Json;
  } catch (error) {
    if (error instanceof GoJsonError) throw invalidBodyParam('dialog', error.message);
    throw error;
  }
}

/** The dialog with every key of Mattermost's Dialog struct, as its open_dialog event carries it. */
function fullDialog(dialog: Json | undefined): Json {
  return {
    callback_id: '',
    title: '',
    introduction_text: '',
    icon_url: '',
    elements: null,
    submit_label: '',
    notify_on_cancel: false,
    state: '',
    ...dialog,
  };
}

/**
 * POST /api/v4/actions/dialogs/open (server/channels/app/integration_action.go: OpenInteractiveDialog): no session, the trigger id says for whom.
 * What Mattermost would only log goes to `findings`, for the captured exchange.
 */
export function openDialog(core: Core, body: Json, findings: Diagnosis[]): void {
  const request = decodeBody(body, OPEN_REQUEST) as { trigger_id?: string; url?: string; dialog?: Json };
  if (!request.url) throw invalidBodyParam('url');
  const lifetime = Number(core.config().ServiceSettings?.OutgoingIntegrationRequestsTimeout ?? 30);
  let issued: { clientId: string; userId: string };
  try {
    issued = core.triggerIds.verify(request.trigger_id ?? '', lifetime);
  } catch (error) {
    if (error instanceof AppError) findings.push(diagnose.triggerId(error.message));
    throw error;
  }
  const problems = dialogProblems(body.dialog);
  const opened: OpenedDialog = {
    user_id: issued.userId,
    opened_at: Date.now(),
    request: { trigger_id: issued.clientId, url: request.url, dialog: fullDialog(request.dialog) },
  };
  core.dialogs.add(opened);
  core.events.emit({ type: 'open_dialog', dialog: opened });
  if (problems.length > 0) findings.push(diagnose.invalidDialog(problems));
}

/** The submit request may only target a channel the user reads and a team the user views. */
function checkSubmitTarget(core: Core, caller: Caller, channelId: string, teamId: string): void {
  const store = core.store;
  if (!isValidId(channelId)) throw noPermission();
  const channel = store.channels.get(channelId);
  if (!channel) throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
  if (!canReadChannel(store, caller.user, channel)) throw noPermission();
  // An empty team id (a submission from a DM) is refused even for admins (G31).
  if (teamId === '' || !(isSystemAdmin(caller.user) || isTeamMember(store, teamId, caller.user.id))) throw noPermission();
}

/** What Mattermost accepts back: field errors, or a type that says what happens next. */
function checkSubmitResponse(response: Json): string[] {
  const type = (response.type as string | undefined) ?? '';
  if (type === 'form') {
    if (!response.form) throw invalidResponse('a "form" answer needs a form');
    return dialogProblems(response.form);
  }
  if (!['', 'ok', 'navigate'].includes(type)) throw invalidResponse(`unknown type "${type}"`);
  if (response.form) throw invalidResponse(`a form comes only with type "form"`);
  return [];
}

const invalidResponse = (detail: string) =>
  new AppError(
    400,
    'app.submit_interactive_dialog.invalid_response',
    'The integration answered the dialog submission with an invalid response.',
    detail,
  );

/** Go's omitempty: the answer is re-encoded without its empty keys. */
function withoutEmpty(response: Json): Json {
  const out: Json = {};
  for (const key of SUBMIT_RESPONSE_KEYS) {
    const value = response[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'object' && Object.keys(value).length === 0 && key === 'errors') continue;
    out[key] = value;
  }
  return out;
}

/** POST /api/v4/actions/dialogs/submit (server/channels/app/integration_action.go: SubmitInteractiveDialog); answers what the client receives. */
export async function submitDialog(core: Core, caller: Caller, body: Json): Promise<Json> {
  const request = decodeBody(body, SUBMIT_REQUEST) as Record<string, string | boolean | Json | undefined>;
  const url = (request.url as string | undefined) ?? '';
  if (url === '') throw invalidBodyParam('url');
  const channelId = (request.channel_id as string | undefined) ?? '';
  const teamId = (request.team_id as string | undefined) ?? '';
  checkSubmitTarget(core, caller, channelId, teamId);
  const upstream = {
    type: request.type === 'refresh' ? 'refresh' : 'dialog_submission',
    callback_id: request.callback_id ?? '',
    state: request.state ?? '',
    user_id: caller.user.id,
    channel_id: channelId,
    team_id: teamId,
    submission: request.submission ?? null,
    cancelled: request.cancelled ?? false,
  };
  const answer = await postToAction(core, {
    kind: 'dialog',
    url,
    body: JSON.stringify(upstream),
    links: {},
    sessionToken: caller.session.token,
  });
  if (answer.body.length === 0) return {};
  const response = decodeAnswer<Json>(
    core,
    answer,
    SUBMIT_RESPONSE,
    { known: SUBMIT_RESPONSE_KEYS },
    (reason) =>
      new AppError(
        500,
        'app.submit_interactive_dialog.decode_json_error',
        'Encountered an error decoding JSON response from interactive dialog.',
        reason,
      ),
  );
  const formProblems = checkSubmitResponse(response);
  if (formProblems.length > 0) note(core, answer.exchangeId, diagnose.invalidDialog(formProblems));
  return withoutEmpty(response);
}
