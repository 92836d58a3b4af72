import { describe, expect, it } from 'vitest';
import { MAX_WEBHOOK_PROPS_RUNES, splitWebhookPost } from '../../../src/main/workspace/split-webhook-post';

const attachment = (size: number) => ({ text: 'x'.repeat(size) });

describe("Mattermost's split of webhook posts", () => {
  it('keeps a post whole when it fits, with its attachments', () => {
    expect(splitWebhookPost('hi', { from_webhook: 'true', attachments: [attachment(10)] })).toEqual([
      { message: 'hi', props: { from_webhook: 'true', attachments: [attachment(10)] } },
    ]);
  });

  it('puts attachments on the last text part and opens text-less parts when the props would pass 760000 runes', () => {
    const parts = splitWebhookPost('a'.repeat(16384), { from_webhook: 'true', attachments: [attachment(500_000), attachment(500_000)] });
    expect(parts.map((p) => [p.message.length, (p.props.attachments as unknown[] | undefined)?.length ?? 0])).toEqual([
      [16383, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(parts.every((p) => p.props.from_webhook === 'true')).toBe(true);
  });

  it('cuts the text of a lone attachment that is too big, and refuses props that cannot fit', () => {
    const [part] = splitWebhookPost('', { attachments: [attachment(900_000)] });
    expect(JSON.stringify(part!.props).length).toBe(MAX_WEBHOOK_PROPS_RUNES);
    expect(() => splitWebhookPost('', { big: 'y'.repeat(800_000) })).toThrow(/Unable to split webhook props/);
    expect(() => splitWebhookPost('', { attachments: [{ title: '<'.repeat(200_000) }] })).toThrow(/Unable to split/);
  });
});
