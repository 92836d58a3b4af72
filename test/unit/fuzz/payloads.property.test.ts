import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CollectionError } from '../../../src/shared/contract/collection';
import { parseCollectionFile } from '../../../src/shared/contract/collection-file';
import { parseCurl } from '../../../src/shared/contract/curl';
import { GoJsonError } from '../../../src/shared/mattermost/go-json';
import { decodeIncomingWebhookRequest } from '../../../src/shared/mattermost/incoming-webhook-request';
import { payloadFindings } from '../../../src/shared/schemas/payload-rules';
import type { PayloadKind } from '../../../src/shared/schemas/payload-schemas';
import { processAttachments } from '../../../src/shared/slack/attachments';
import { convertSlackLinks, expandSlackMentions } from '../../../src/shared/slack/translate-text';
import { fragments, repeated, RUNS, withinBudget } from './budget';

/** Payload-shaped values: the keys Mattermost reads, with values of every JSON type. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
const attachment = fc.dictionary(
  fc.constantFrom(
    'fallback',
    'color',
    'pretext',
    'author_name',
    'title',
    'title_link',
    'text',
    'fields',
    'image_url',
    'footer',
    'actions',
    'ts',
    'id',
  ),
  fc.oneof(
    anyJson,
    fc.array(fc.dictionary(fc.constantFrom('title', 'value', 'short', 'name', 'type', 'options', 'integration', 'style'), anyJson)),
  ),
);
const payload = fc.dictionary(
  fc.constantFrom(
    'text',
    'username',
    'icon_url',
    'icon_emoji',
    'channel',
    'props',
    'attachments',
    'type',
    'priority',
    'response_type',
    'update',
    'ephemeral_text',
    'goto_location',
    'skip_slack_parsing',
    'callback_id',
    'elements',
    'title',
  ),
  fc.oneof(anyJson, fc.array(attachment, { maxLength: 4 })),
);

const SLACK_PIECES = [
  '<',
  '>',
  '|',
  '>|',
  '\t',
  '<!all>',
  '<U123>',
  '<@U123',
  '@',
  '<!channel>',
  '<!here>',
  '<@U123>',
  '<@',
  'http://x',
  '\n',
  'a',
  ' ',
  '<http://a|b>',
  '<a|',
];

/** Runs `fn` and lets only the errors in `allowed` out: anything else is an escaped exception. */
function onlyThrows(allowed: (new (...args: never[]) => Error)[], fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    if (allowed.some((type) => error instanceof type)) return undefined;
    throw error;
  }
}

describe('payload decoding and checks under random input', () => {
  it('decodes any text as Mattermost would, or refuses it with a decode error, quickly', () => {
    const text = fc.oneof(
      payload.map((p) => JSON.stringify(p)),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fragments(['{', '}', '[', ']', '"', ':', ',', '"text"', '"attachments"', 'null', '1e999', '-0', '\\u0000', '\n', ' ', 'true']),
    );
    fc.assert(
      fc.property(text, (t) => {
        const request = onlyThrows([GoJsonError], () => withinBudget(decodeIncomingWebhookRequest, t));
        if (request !== undefined) expect(typeof request).toBe('object');
      }),
      { numRuns: RUNS },
    );
  });

  it('lists findings for any value of each payload kind, each naming a key and a severity', () => {
    const kinds: PayloadKind[] = ['incoming_webhook', 'command_response', 'action_response', 'dialog'];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.oneof(payload, anyJson), (kind, value) => {
        for (const finding of withinBudget((v: unknown) => payloadFindings(kind, v), value)) {
          expect(typeof finding.key).toBe('string');
          expect(['error', 'warning', 'info']).toContain(finding.severity);
          expect(finding.message).not.toBe('');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('translates Slack markup in linear time and keeps text outside the markup', () => {
    const text = fc.oneof(fragments(SLACK_PIECES), repeated(SLACK_PIECES));
    fc.assert(
      fc.property(text, fc.constantFrom('A' as const, 'B' as const), (t, variant) => {
        const out = withinBudget(
          (s: string) =>
            convertSlackLinks(
              expandSlackMentions(s, (id) => (id === 'U123' ? 'bob' : undefined)),
              variant,
            ),
          t,
        );
        expect(typeof out).toBe('string');
        if (!t.includes('<')) expect(out).toBe(t);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds exactly the matches of the regular expressions Mattermost uses (on inputs short enough for them)', () => {
    const users: Record<string, string> = { U123: 'bob', 'U|x': 'no' };
    const byRegex = (t: string, variant: 'A' | 'B') => {
      const mentions = t
        .replace(/<!(channel|here|all)>/g, '@$1')
        .replace(/<@([^>|\s]+)>/g, (whole, id: string) => (users[id] === undefined ? whole : `@${users[id]}`));
      return mentions.replace(variant === 'A' ? /<([^\n<|>]+)\|([^|\n>]+)>/g : /<([^<|]+)\|([^>]+)>/g, '[$2]($1)');
    };
    fc.assert(
      fc.property(fragments(SLACK_PIECES, 30), fc.constantFrom('A' as const, 'B' as const), (t, variant) => {
        expect(
          convertSlackLinks(
            expandSlackMentions(t, (id) => users[id]),
            variant,
          ),
        ).toBe(byRegex(t, variant));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('stores any decoded attachments with every key Mattermost keeps', () => {
    fc.assert(
      fc.property(fc.array(attachment, { maxLength: 5 }), (attachments) => {
        const request = onlyThrows([GoJsonError], () => decodeIncomingWebhookRequest(JSON.stringify({ attachments })));
        const decoded = (request as { attachments?: Parameters<typeof processAttachments>[0] } | undefined)?.attachments ?? [];
        let n = 0;
        const stored = withinBudget(
          (list: typeof decoded) => processAttachments(list, { usernameOf: () => undefined, newId: () => `id${n++}` }),
          decoded,
        );
        expect(stored).toHaveLength(decoded.length);
        for (const a of stored) expect(Object.keys(a)).toEqual(expect.arrayContaining(['fallback', 'color', 'pretext', 'text', 'fields']));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads any collection, HAR or curl file, or refuses it naming what is wrong', () => {
    const file = fc.oneof(
      fc.string({ maxLength: 300 }),
      anyJson.map((v) => JSON.stringify(v)),
      fc
        .record({
          format: fc.constant('mockmost-collection'),
          version: fc.constantFrom(1, 2),
          name: fc.string(),
          entries: fc.array(anyJson),
        })
        .map((v) => JSON.stringify(v)),
      fc
        .record({ log: fc.record({ version: fc.constant('1.2'), entries: fc.array(anyJson, { maxLength: 3 }) }) })
        .map((v) => JSON.stringify(v)),
      fragments(['curl ', "'", '"', '\\', '-H ', '-d ', '--data-raw ', '-X ', 'POST ', 'http://a/b ', "$'", '\n', ' ']),
    );
    fc.assert(
      fc.property(file, (text) => {
        onlyThrows([CollectionError], () => withinBudget((t: string) => parseCollectionFile('fuzz.json', t), text));
        onlyThrows([CollectionError], () => withinBudget(parseCurl, text));
      }),
      { numRuns: RUNS },
    );
  });
});
