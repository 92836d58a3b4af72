import { dialogProblems } from '../mattermost/dialog-rules';
import type { PayloadKind } from './payload-schemas';

// What Mattermost does with a payload that a JSON Schema cannot say (Mockmost's diagnoses, main/diagnostics/catalog.ts): the
// composer shows these next to the schema's own diagnostics.

export interface Finding {
  /** The key the finding is about (its last path segment), for placing it in the editor. */
  key: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_RUNES = 16383;
const COLOR = /^(good|warning|danger|#[0-9a-f]{6}|#[0-9a-f]{3})$/i;

function attachmentFindings(attachments: unknown): Finding[] {
  if (!Array.isArray(attachments)) return [];
  const out: Finding[] = [];
  for (const a of attachments) {
    if (!isObject(a)) continue;
    if (typeof a.color === 'string' && a.color !== '' && !COLOR.test(a.color))
      out.push({
        key: 'color',
        severity: 'warning',
        message: `color "${a.color}" is not good, warning, danger or #rrggbb: the bar uses the theme colour.`,
      });
    for (const f of Array.isArray(a.fields) ? a.fields : []) {
      if (isObject(f) && typeof f.short === 'string' && !/^(true|false)$/i.test(f.short))
        out.push({
          key: 'short',
          severity: 'error',
          message: `short "${f.short}" is neither a boolean nor "true"/"false": Mattermost rejects the whole payload (400).`,
        });
    }
    for (const action of Array.isArray(a.actions) ? a.actions : []) {
      if (!isObject(action)) continue;
      if (typeof action.id === 'string' && action.id !== '' && !/^[A-Za-z0-9]+$/.test(action.id))
        out.push({
          key: 'id',
          severity: 'error',
          message: `action id "${action.id}" has characters outside [A-Za-z0-9]: the button shows but clicking it answers 404.`,
        });
      if (!action.name) out.push({ key: 'actions', severity: 'warning', message: 'An action without a name is not shown.' });
      if (action.type === 'select' && !action.data_source && !(Array.isArray(action.options) && action.options.length > 0))
        out.push({ key: 'actions', severity: 'warning', message: 'A select without options or data_source shows an empty list.' });
    }
  }
  return out;
}

function postFindings(payload: Json): Finding[] {
  const out: Finding[] = [];
  if (typeof payload.text === 'string') {
    const runes = Array.from(payload.text).length;
    if (runes > MAX_RUNES)
      out.push({
        key: 'text',
        severity: 'info',
        message: `text has ${runes} characters: Mattermost splits it into ${Math.ceil(runes / MAX_RUNES)} posts.`,
      });
  }
  if (isObject(payload.props) && 'attachments' in payload.props)
    out.push({ key: 'props', severity: 'warning', message: 'attachments inside props are dropped: put them at the top level.' });
  if (typeof payload.username === 'string' && payload.username !== '')
    out.push({ key: 'username', severity: 'info', message: 'username shows only with ServiceSettings.EnablePostUsernameOverride on.' });
  return [...out, ...attachmentFindings(payload.attachments)];
}

/** Mattermost's silent rules broken by a payload of this kind. */
export function payloadFindings(kind: PayloadKind, payload: unknown): Finding[] {
  if (!isObject(payload)) return [];
  switch (kind) {
    case 'incoming_webhook':
    case 'command_response':
      return postFindings(payload);
    case 'action_response': {
      const update = payload.update;
      const out = isObject(update) ? attachmentFindings(isObject(update.props) ? update.props.attachments : undefined) : [];
      if (isObject(update) && update.message === undefined)
        out.push({ key: 'update', severity: 'warning', message: 'update without message erases the post text (props stay when omitted).' });
      return out;
    }
    case 'dialog':
      return dialogProblems(payload.dialog).map((message) => ({
        key: 'dialog',
        severity: 'warning' as const,
        message: `${message} (Mattermost opens it anyway).`,
      }));
  }
}
