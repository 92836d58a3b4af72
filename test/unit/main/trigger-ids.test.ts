import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/workspace/app-error';
import { TriggerIds } from '../../../src/main/caller/trigger-ids';

const LIFETIME_S = 30;
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

/** A trigger id with the given signature part, for a fresh client id, user and time. */
function withSignature(signature: string): string {
  return b64(`abcdefghijklmnopqrstuvwxyz:user1234567890123456789012:${Date.now()}:${signature}`);
}

function failure(ids: TriggerIds, triggerId: string): string {
  try {
    ids.verify(triggerId, LIFETIME_S);
  } catch (error) {
    if (error instanceof AppError) return error.id;
    throw error;
  }
  return 'verified';
}

describe('trigger ids', () => {
  const ids = new TriggerIds();

  it('verify when issued here and still fresh, and name their user', () => {
    const { clientId, triggerId } = ids.issue('user1234567890123456789012');
    expect(ids.verify(triggerId, LIFETIME_S)).toEqual({ clientId, userId: 'user1234567890123456789012' });
  });

  it("fail their signature in Mattermost's three steps: not base64, not an ASN.1 {R, S} pair, does not verify", () => {
    const prefix = 'interactive_message.decode_trigger_id.';
    expect(failure(ids, withSignature('not base64!'))).toBe(`${prefix}base64_decode_failed_signature`);
    expect(failure(ids, withSignature(b64('garbage')))).toBe(`${prefix}signature_decode_failed`);
    // SEQUENCE { INTEGER 1 } lacks S; an INTEGER with a needless leading zero is not DER.
    expect(failure(ids, withSignature(b64(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]))))).toBe(`${prefix}signature_decode_failed`);
    expect(failure(ids, withSignature(b64(Buffer.from([0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01]))))).toBe(
      `${prefix}signature_decode_failed`,
    );
    // A well-formed pair that is not this server's signature.
    expect(failure(ids, withSignature(b64(Buffer.from([0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]))))).toBe(
      `${prefix}verify_signature_failed`,
    );
    const other = new TriggerIds().issue('user1234567890123456789012').triggerId;
    expect(failure(ids, other)).toBe(`${prefix}verify_signature_failed`);
  });

  it('fail before the signature when the id is not base64, lacks a part, or is too old', () => {
    const prefix = 'interactive_message.decode_trigger_id.';
    expect(failure(ids, 'not base64!')).toBe(`${prefix}base64_decode_failed`);
    expect(failure(ids, 'junk')).toBe(`${prefix}missing_data`);
    const old = ids.issue('user1234567890123456789012', Date.now() - 31_000).triggerId;
    expect(failure(ids, old)).toBe(`${prefix}expired`);
  });
});
