import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The packings of exchange_packed rows. A packing's dictionary must never change once released:
 * a new one is a new number, and rows keep the packing they were written with.
 */
const DEFLATE_V1 = 1;

/**
 * What most exchanges repeat: header names and values, and the keys of Mattermost's posts,
 * webhooks, slash-command answers and attachments. Deflate finds a value's first occurrence here
 * instead of spelling it out, which is what makes a 1 KB exchange compress to a few hundred bytes.
 * The most common strings come last, where their back-references are the cheapest.
 */
const DICTIONARY_V1 = Buffer.from(
  [
    '{"id":"","create_at":0,"update_at":0,"edit_at":0,"delete_at":0,"is_pinned":false,"user_id":"","channel_id":"",',
    '"root_id":"","original_id":"","message":"","type":"","props":{},"hashtags":"","pending_post_id":"",',
    '"reply_count":0,"last_reply_at":0,"participants":null,"metadata":{}}',
    '"team_id":"","team_domain":"","channel_name":"","user_name":"","command":"/","trigger_id":"","response_url":"',
    '"response_type":"in_channel","ephemeral","goto_location":"","skip_slack_parsing":true,"extra_responses":[',
    '"icon_emoji":"","icon_url":"","username":"","channel":"","priority":{"priority":"urgent","requested_ack":true},',
    '"actions":[{"id":"","type":"button","name":"","style":"primary","integration":{"url":"","context":{}}}],',
    '"author_name":"","author_link":"","author_icon":"","title_link":"","image_url":"","thumb_url":"","footer":"","footer_icon":"",',
    '"attachments":[{"fallback":"","color":"#","pretext":"","title":"","text":"","fields":[{"title":"","value":"","short":true}]}],',
    '"status":"OK","from_webhook":"true","override_username":"","override_icon_url":"","text":"',
    '["x-forwarded-for",""],["x-requested-with","XMLHttpRequest"],["sec-fetch-mode","cors"],["accept-language","*"],',
    '["user-agent","Go-http-client/1.1"],["user-agent","Mattermost-Bot/1.1"],["user-agent","node"],["user-agent","curl/8',
    '["accept-encoding","gzip, deflate, br"],["accept","application/json"],["accept","*/*"],["connection","keep-alive"],',
    '["authorization","Bearer "],["content-type","application/x-www-form-urlencoded"],["content-type","application/json"],',
    '["content-length",""],["host","127.0.0.1:"],[["Content-Length",""],["Date",""],["Connection","keep-alive"],',
    '[["X-Version-Id","11.6.0.mockmost.0.false"],["X-Content-Type-Options","nosniff"],["Referrer-Policy","no-referrer"],',
    '["Content-Type","application/json"],["X-Request-Id",""]]',
  ].join(''),
);

const OPTIONS = { dictionary: DICTIONARY_V1 };
/** The default level: packing runs at idle time, and a smaller store is what it is for. */
const DEFLATE_OPTIONS = { ...OPTIONS, level: constants.Z_DEFAULT_COMPRESSION };

/** The packing the idle-time packer (exchange-packer.ts) writes. */
export const CURRENT_PACKING = DEFLATE_V1;

/** The part index of each body in a packed stream (`unpack`), which the search index reads. */
export const PART = { requestBody: 1, responseBody: 3 } as const;

/**
 * An exchange's request headers (JSON), request body, response headers and response body as one
 * compressed stream: three 32-bit lengths (the response body takes the rest), then the values.
 * One stream compresses better than four (the response repeats the request's words).
 */
export function pack(values: Buffer[]): Buffer {
  const lengths = Buffer.alloc(12);
  values.slice(0, 3).forEach((value, i) => lengths.writeUInt32BE(value.length, i * 4));
  return deflateRawSync(Buffer.concat([lengths, ...values]), DEFLATE_OPTIONS);
}

/** An exchange's headers and bodies as sent (an exchange_payloads row, or an exchange stored before migration 0017). */
export interface RawColumns {
  request_headers: string;
  request_body: Buffer | null;
  response_headers: string;
  response_body: Buffer | null;
}

/** The four values as `pack` takes them and `unpack` gives them back. */
export function rawValues(row: RawColumns): Buffer[] {
  return [row.request_headers, row.request_body, row.response_headers, row.response_body].map((value) =>
    typeof value === 'string' ? Buffer.from(value) : (value ?? Buffer.alloc(0)),
  );
}

/** The four values of a packed stream, as they were sent. */
export function unpack(packed: Buffer, packing: number): Buffer[] {
  if (packing !== DEFLATE_V1) throw new Error(`unknown exchange packing ${packing}: written by a newer Mockmost`);
  const whole = inflateRawSync(packed, OPTIONS);
  const values: Buffer[] = [];
  let at = 12;
  for (let i = 0; i < 3; i++) {
    const length = whole.readUInt32BE(i * 4);
    values.push(whole.subarray(at, at + length));
    at += length;
  }
  values.push(whole.subarray(at));
  return values;
}
