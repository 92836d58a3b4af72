import { formatGoValue } from './go-format';
import { decodeAs, GoJsonError, parseFirstJson, type GoType } from './go-json';

export interface AttachmentField {
  title?: string;
  value?: unknown;
  short?: boolean;
}

export interface PostActionOption {
  text?: string;
  value?: string;
}

export interface PostAction {
  id?: string;
  type?: string;
  name?: string;
  tooltip?: string;
  disabled?: boolean;
  style?: string;
  data_source?: string;
  options?: (PostActionOption | undefined)[];
  default_option?: string;
  integration?: { url?: string; context?: Record<string, unknown> };
  cookie?: string;
}

export interface Attachment {
  id?: number;
  fallback?: string;
  color?: string;
  pretext?: string;
  author_name?: string;
  author_link?: string;
  author_icon?: string;
  title?: string;
  title_link?: string;
  text?: string;
  fields?: AttachmentField[];
  image_url?: string;
  thumb_url?: string;
  footer?: string;
  footer_icon?: string;
  ts?: unknown;
  actions?: (PostAction | undefined)[];
}

/** Mattermost's IncomingWebhookRequest after decoding (server/public/model/incoming_webhook.go: IncomingWebhookRequestFromJSON). */
export interface IncomingWebhookRequest {
  text?: string;
  username?: string;
  icon_url?: string;
  channel?: string;
  props?: Record<string, unknown>;
  attachments?: Attachment[];
  type?: string;
  icon_emoji?: string;
  priority?: { priority?: string; requested_ack?: boolean; persistent_notifications?: boolean };
}

const ACTION: GoType = {
  struct: {
    id: 'string',
    type: 'string',
    name: 'string',
    tooltip: 'string',
    disabled: 'bool',
    style: 'string',
    data_source: 'string',
    options: { slice: { struct: { text: 'string', value: 'string' } } },
    default_option: 'string',
    integration: { struct: { url: 'string', context: { map: 'any' } } },
    cookie: 'string',
  },
};

export const ATTACHMENT_TYPE: GoType = {
  struct: {
    id: 'int',
    fallback: 'string',
    color: 'string',
    pretext: 'string',
    author_name: 'string',
    author_link: 'string',
    author_icon: 'string',
    title: 'string',
    title_link: 'string',
    text: 'string',
    fields: { slice: { struct: { title: 'string', value: 'any', short: 'slack_bool' } } },
    image_url: 'string',
    thumb_url: 'string',
    footer: 'string',
    footer_icon: 'string',
    ts: 'any',
    actions: { slice: ACTION },
  },
};

const PRIORITY_TYPE: GoType = { struct: { priority: 'string', requested_ack: 'bool', persistent_notifications: 'bool' } };

/** The fields every payload that becomes a post shares: webhook requests and integration answers. */
const POST_PAYLOAD_FIELDS: Record<string, GoType> = {
  text: 'string',
  username: 'string',
  icon_url: 'string',
  props: { map: 'any' },
  attachments: { slice: ATTACHMENT_TYPE },
  type: 'string',
  priority: PRIORITY_TYPE,
};

const REQUEST_TYPE: GoType = { struct: { ...POST_PAYLOAD_FIELDS, channel: 'string', icon_emoji: 'string' } };

/** An outgoing webhook's or command's answer, as Mattermost decodes it (server/public/model/command_response.go: CommandResponseFromJSON). */
export const INTEGRATION_REPLY_TYPE: GoType = { struct: { ...POST_PAYLOAD_FIELDS, response_type: 'string' } };

/** Mattermost's retry for senders that put raw newlines or tabs inside these string values. */
const CONTROL_CHARS_IN_VALUE = /"(text|fallback|pretext|author_name|title|value)"\s*:\s*"(\\"|[^"])*"/g;

function escapeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS_IN_VALUE, (match) => match.replace(/\n/g, '\\n').replace(/\t/g, '\\t'));
}

function decodeOnce(text: string): IncomingWebhookRequest {
  const decoded = decodeAs(parseFirstJson(text), REQUEST_TYPE);
  return (decoded ?? {}) as IncomingWebhookRequest;
}

/**
 * Decodes an incoming-webhook JSON payload as Mattermost does, including its clean-up: null
 * attachments and fields dropped, field values turned into strings, an empty list made absent.
 * Throws GoJsonError when Mattermost would answer the decode error.
 */
export function decodeIncomingWebhookRequest(text: string): IncomingWebhookRequest {
  let request: IncomingWebhookRequest;
  try {
    request = decodeOnce(text);
  } catch (error) {
    if (!(error instanceof GoJsonError)) throw error;
    request = decodeOnce(escapeControlChars(text));
  }
  if (request.attachments) {
    const attachments = request.attachments.filter((a): a is Attachment => a !== undefined);
    for (const attachment of attachments) {
      if (!attachment.fields) continue;
      attachment.fields = attachment.fields
        .filter((f): f is AttachmentField => f !== undefined)
        .map((f) => (f.value === undefined ? f : { ...f, value: formatGoValue(f.value) }));
    }
    if (attachments.length === 0) delete request.attachments;
    else request.attachments = attachments;
  }
  return request;
}
