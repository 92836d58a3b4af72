import type { ExchangeKind } from '../../../shared/contract/exchange';

/** What a real Mattermost was calling, from the fields it sends (server/channels/app/webhook.go: TriggerWebhook; command.go: DoCommandRequest; integration_action.go: DoPostActionWithCookie, SubmitInteractiveDialog). */
export function guessKind(contentType: string, body: string): ExchangeKind {
  let fields: Record<string, unknown> = {};
  if (contentType.startsWith('application/json')) {
    try {
      const parsed = JSON.parse(body) as unknown;
      if (typeof parsed === 'object' && parsed !== null) fields = parsed as Record<string, unknown>;
    } catch {
      return 'other';
    }
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    fields = Object.fromEntries(new URLSearchParams(body));
  }
  if (fields.type === 'dialog_submission' || fields.type === 'refresh' || 'submission' in fields) return 'dialog';
  if ('post_id' in fields && 'trigger_id' in fields) return 'action';
  if ('command' in fields && 'response_url' in fields) return 'slash_command';
  if ('trigger_word' in fields) return 'outgoing_webhook';
  return 'other';
}
