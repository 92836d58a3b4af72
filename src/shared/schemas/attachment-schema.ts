// JSON Schemas (draft-07) for the payloads integrations send, with Mattermost's rules in the
// descriptions. The composer gives them to Monaco for completion, hover docs and diagnostics.

export type JsonSchema = Record<string, unknown>;

const url = (what: string): JsonSchema => ({
  type: 'string',
  description: `${what}. http(s) URL; Mattermost ignores javascript:, data: and vbscript: links.`,
});

export const ACTION_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'An interactive button or menu. Mattermost calls integration.url when it is clicked.',
  additionalProperties: false,
  required: ['name', 'integration'],
  properties: {
    id: {
      type: 'string',
      pattern: '^[A-Za-z0-9]*$',
      description: 'Action id. Only letters and digits are clickable (the route accepts [A-Za-z0-9]+); generated when missing.',
    },
    type: { enum: ['button', 'select'], description: 'button (default) or select (a menu).' },
    name: { type: 'string', description: 'Button label or menu placeholder. Emoji, mentions and hashtags render; markdown does not.' },
    tooltip: { type: 'string', description: 'Shown on hover.' },
    disabled: { type: 'boolean', description: 'Greys the button or menu out.' },
    style: {
      type: 'string',
      description: 'default, primary, success, good, warning, danger, a theme colour key, or #rgb / #rrggbb.',
      examples: ['primary', 'success', 'danger', 'warning', 'default', '#28a745'],
    },
    data_source: { enum: ['users', 'channels'], description: 'For select: choose among the team users or channels instead of options.' },
    options: {
      type: 'array',
      description: 'For select: the static choices.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'value'],
        properties: { text: { type: 'string' }, value: { type: 'string' } },
      },
    },
    default_option: { type: 'string', description: 'For select: the value shown chosen at first (static options only).' },
    integration: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      description: 'Where the click goes. Hidden from clients; sent back to url as context.',
      properties: {
        url: url('Called with POST JSON on click (AllowedUntrustedInternalConnections applies)'),
        context: { type: 'object', description: 'Any JSON object, sent back as "context" (plus selected_option for menus).' },
      },
    },
  },
};

const FIELD_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string', description: 'Field caption: no markdown, but emoji and hashtags.' },
    value: { description: 'Field value: full markdown. Numbers are shown as text.', type: ['string', 'number', 'boolean'] },
    short: {
      type: ['boolean', 'string'],
      description: 'true: two short fields share a row. Webhooks also accept "true"/"false"; anything else rejects the whole payload.',
    },
  },
};

export const ATTACHMENT_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'A message attachment (Slack-compatible).',
  properties: {
    fallback: { type: 'string', description: 'Plain text for notifications; never shown in the channel.' },
    color: {
      type: 'string',
      description: 'Left bar colour: good, warning, danger or #rrggbb.',
      examples: ['good', 'warning', 'danger', '#2196f3'],
    },
    pretext: { type: 'string', description: 'Markdown shown above the attachment box.' },
    author_name: { type: 'string', description: 'Plain text.' },
    author_link: url('Link around the author'),
    author_icon: url('14×14 icon before the author'),
    title: { type: 'string', description: 'Bold title; with title_link plain text, else link-only markdown.' },
    title_link: url('Link of the title'),
    text: { type: 'string', description: 'Markdown body; collapses past 200 px.' },
    fields: { type: 'array', items: FIELD_SCHEMA, description: 'Tables of fields; short fields pair up.' },
    image_url: url('Image below the text (max 300 px high)'),
    thumb_url: url('Thumbnail on the right (75 px)'),
    footer: { type: 'string', description: 'Small text at the bottom: markdown, cut at 300 characters.' },
    footer_icon: url('16×16 icon before the footer (only with a footer)'),
    ts: { type: ['number', 'string'], description: 'Accepted but not shown by Mattermost.' },
    actions: { type: 'array', items: ACTION_SCHEMA, description: 'Buttons and menus.' },
    mrkdwn_in: { type: 'array', description: 'Ignored by Mattermost: markdown always applies.' },
  },
};
