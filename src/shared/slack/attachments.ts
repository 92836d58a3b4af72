import type { Attachment, PostAction } from '../mattermost/incoming-webhook-request';
import { convertSlackLinks, expandSlackMentions } from './translate-text';

export interface AttachmentContext {
  usernameOf: (userId: string) => string | undefined;
  newId: () => string;
  /** Slash commands may skip Slack parsing of everything but links (server/channels/app/command.go: HandleCommandResponsePost, which skips ProcessSlackText for text). */
  skipSlackParsing?: boolean;
}

/**
 * Attachments as Mattermost stores them: every key present in its order (unknown keys lost),
 * Slack markup translated in pretext, text, title and field values, actions given ids.
 */
export function processAttachments(attachments: Attachment[], ctx: AttachmentContext): Record<string, unknown>[] {
  const mentions = (text: string | undefined) => (ctx.skipSlackParsing ? (text ?? '') : expandSlackMentions(text ?? '', ctx.usernameOf));
  const rich = (text: string | undefined) => convertSlackLinks(mentions(text), 'B');
  return attachments.map((a) => {
    const stored: Record<string, unknown> = {
      id: a.id ?? 0,
      fallback: a.fallback ?? '',
      color: a.color ?? '',
      pretext: rich(a.pretext),
      author_name: a.author_name ?? '',
      author_link: a.author_link ?? '',
      author_icon: a.author_icon ?? '',
      title: mentions(a.title),
      title_link: a.title_link ?? '',
      text: rich(a.text),
      fields: a.fields
        ? a.fields.map((f) => ({
            title: f.title ?? '',
            value: typeof f.value === 'string' ? rich(f.value) : (f.value ?? null),
            short: f.short ?? false,
          }))
        : null,
      image_url: a.image_url ?? '',
      thumb_url: a.thumb_url ?? '',
      footer: a.footer ?? '',
      footer_icon: a.footer_icon ?? '',
      ts: a.ts ?? null,
    };
    const actions = (a.actions ?? []).filter((action): action is PostAction => action !== undefined);
    if (actions.length > 0) stored.actions = actions.map((action) => ({ ...action, id: action.id || ctx.newId() }));
    return stored;
  });
}
