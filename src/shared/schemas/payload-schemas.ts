import { ATTACHMENT_SCHEMA, type JsonSchema } from './attachment-schema';

const POST_FIELDS: Record<string, JsonSchema> = {
  text: { type: 'string', description: 'Markdown message. Over 16383 characters Mattermost splits it into several posts.' },
  username: { type: 'string', description: 'Shown instead of the creator only when ServiceSettings.EnablePostUsernameOverride is on.' },
  icon_url: { type: 'string', description: 'Profile picture override; needs ServiceSettings.EnablePostIconOverride.' },
  attachments: {
    type: 'array',
    items: ATTACHMENT_SCHEMA,
    description: 'Message attachments. Must be top level: inside props they are dropped.',
  },
  props: { type: 'object', description: 'Extra post props. from_webhook and override_* are set by Mattermost.' },
  type: { type: 'string', description: 'Post type; "" or custom_*; system_* types are refused.' },
  priority: {
    type: 'object',
    additionalProperties: false,
    properties: {
      priority: { enum: ['', 'important', 'urgent'] },
      requested_ack: { type: 'boolean' },
      persistent_notifications: { type: 'boolean' },
    },
  },
};

export const INCOMING_WEBHOOK_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Incoming webhook payload',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...POST_FIELDS,
    channel: { type: 'string', description: 'Channel name, #name or @username (a DM with the hook creator); not the display name.' },
    icon_emoji: { type: 'string', description: 'Emoji name used as the icon (with EnablePostIconOverride).' },
  },
};

export const COMMAND_RESPONSE_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Slash command response',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...POST_FIELDS,
    response_type: { enum: ['ephemeral', 'in_channel'], description: 'Missing: ephemeral (only the user sees it, not stored).' },
    channel_id: { type: 'string', description: 'Post in another channel the user is a member of.' },
    goto_location: { type: 'string', description: 'URL the client opens.' },
    skip_slack_parsing: { type: 'boolean', description: 'Keep <url|text> and <!channel> as written.' },
    extra_responses: { type: 'array', items: { type: 'object' }, description: 'More responses posted after this one.' },
  },
};

export const ACTION_RESPONSE_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Interactive action response',
  type: 'object',
  additionalProperties: false,
  properties: {
    update: {
      type: 'object',
      description: 'Replaces the post: message always (missing = empty!), props only when given.',
      properties: {
        message: { type: 'string' },
        props: { type: 'object', properties: { attachments: { type: 'array', items: ATTACHMENT_SCHEMA } } },
      },
    },
    ephemeral_text: { type: 'string', description: 'Shown only to the user who clicked, in the thread of the post.' },
    skip_slack_parsing: { type: 'boolean' },
    goto_location: { type: 'string', description: 'Ignored in action answers (only slash commands use it).' },
  },
};

const ELEMENT_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['display_name', 'name', 'type'],
  properties: {
    display_name: { type: 'string', minLength: 1, maxLength: 24, description: '1–24 bytes.' },
    name: { type: 'string', minLength: 1, maxLength: 300, description: 'Key in the submission; unique.' },
    type: { enum: ['text', 'textarea', 'select', 'bool', 'radio', 'date', 'datetime'] },
    subtype: {
      enum: ['', 'text', 'email', 'number', 'tel', 'url', 'password'],
      description: 'For text. number is submitted as a JSON number.',
    },
    default: { type: 'string' },
    placeholder: { type: 'string' },
    help_text: { type: 'string', maxLength: 150 },
    optional: { type: 'boolean' },
    min_length: { type: 'integer' },
    max_length: { type: 'integer' },
    data_source: { enum: ['', 'users', 'channels', 'dynamic'] },
    data_source_url: { type: 'string' },
    options: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, value: { type: 'string' } } } },
    multiselect: { type: 'boolean' },
    refresh: { type: 'boolean' },
    min_date: { type: 'string' },
    max_date: { type: 'string' },
    time_interval: { type: 'integer' },
  },
};

export const DIALOG_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Open dialog request',
  type: 'object',
  additionalProperties: false,
  required: ['trigger_id', 'url', 'dialog'],
  properties: {
    trigger_id: { type: 'string', description: 'From the command or action request; lives OutgoingIntegrationRequestsTimeout (30 s).' },
    url: { type: 'string', description: 'Where the submission is POSTed.' },
    dialog: {
      type: 'object',
      additionalProperties: false,
      required: ['title'],
      properties: {
        callback_id: { type: 'string' },
        title: { type: 'string', minLength: 1, maxLength: 24, description: '1–24 bytes.' },
        introduction_text: { type: 'string', description: 'Markdown above the fields.' },
        icon_url: { type: 'string' },
        elements: { type: 'array', items: ELEMENT_SCHEMA },
        submit_label: { type: 'string' },
        notify_on_cancel: { type: 'boolean', description: 'Send a submission with cancelled: true when the user cancels.' },
        state: { type: 'string', description: 'Sent back with the submission.' },
      },
    },
  },
};

export type PayloadKind = 'incoming_webhook' | 'command_response' | 'action_response' | 'dialog';

export const PAYLOAD_SCHEMAS: Record<PayloadKind, JsonSchema> = {
  incoming_webhook: INCOMING_WEBHOOK_SCHEMA,
  command_response: COMMAND_RESPONSE_SCHEMA,
  action_response: ACTION_RESPONSE_SCHEMA,
  dialog: DIALOG_SCHEMA,
};
