import { decodeAs, parseFirstJson } from '../../shared/mattermost/go-json';
import { INTEGRATION_REPLY_TYPE, type Attachment } from '../../shared/mattermost/incoming-webhook-request';

/** A slash command's answer with every key Mattermost's CommandResponse has, in its order (server/public/model/command_response.go: CommandResponse). */
export interface CommandResponse {
  response_type: string;
  text: string;
  username: string;
  channel_id: string;
  icon_url: string;
  type: string;
  props: Record<string, unknown> | null;
  goto_location: string;
  trigger_id: string;
  skip_slack_parsing: boolean;
  attachments: Attachment[] | null;
  extra_responses: CommandResponse[] | null;
}

const COMMAND_RESPONSE_TYPE = {
  struct: {
    ...(INTEGRATION_REPLY_TYPE as { struct: Record<string, never> }).struct,
    channel_id: 'string',
    goto_location: 'string',
    skip_slack_parsing: 'bool',
    extra_responses: { slice: 'any' },
  },
} as const;

export function emptyResponse(): CommandResponse {
  return {
    response_type: '',
    text: '',
    username: '',
    channel_id: '',
    icon_url: '',
    type: '',
    props: null,
    goto_location: '',
    trigger_id: '',
    skip_slack_parsing: false,
    attachments: null,
    extra_responses: null,
  };
}

function fromDecoded(value: Record<string, unknown>): CommandResponse {
  const out = emptyResponse();
  for (const key of Object.keys(out) as (keyof CommandResponse)[]) {
    if (value[key] !== undefined && key !== 'extra_responses' && key !== 'attachments')
      (out as unknown as Record<string, unknown>)[key] = value[key];
  }
  const attachments = (value.attachments as (Attachment | undefined)[] | undefined)?.filter((a): a is Attachment => a !== undefined);
  out.attachments = attachments && attachments.length > 0 ? attachments : null;
  const extra = value.extra_responses as unknown[] | undefined;
  out.extra_responses = extra
    ? extra.map((item) => fromDecoded((decodeAs(item, COMMAND_RESPONSE_TYPE) ?? {}) as Record<string, unknown>))
    : null;
  return out;
}

/**
 * Reads a command's answer as Mattermost does: JSON only when the media type is exactly
 * application/json (case-sensitive, before any `;`), otherwise the body is the text.
 * Throws GoJsonError for JSON Mattermost cannot read.
 */
export function parseCommandResponse(contentType: string | undefined, body: string): CommandResponse {
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  if (mediaType !== 'application/json') return { ...emptyResponse(), text: body };
  return fromDecoded((decodeAs(parseFirstJson(body), COMMAND_RESPONSE_TYPE) ?? {}) as Record<string, unknown>);
}
