import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { newId } from '../base/new-id';
import { AppError } from '../workspace/app-error';

/** Go's strict standard base64 (padding required); Go skips CR and LF first. */
function decodeStdBase64(text: string): Buffer | undefined {
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  return Buffer.from(clean, 'base64');
}

/** Go's time.Duration String() for whole seconds: 30s, 1m30s, 1h0m0s. */
function goDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const s = seconds % 60;
  const m = Math.floor(seconds / 60) % 60;
  const h = Math.floor(seconds / 3600);
  return h > 0 ? `${h}h${m}m${s}s` : `${m}m${s}s`;
}

/** Reads one DER tag-length-value at `at`, with Go's encoding/asn1 rules: definite, minimal lengths. */
function readTlv(der: Buffer, at: number): { tag: number; start: number; end: number } | undefined {
  if (at + 2 > der.length) return undefined;
  const tag = der[at]!;
  let length = der[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    // Indefinite (0x80), over four bytes, a leading zero, or a long form for a short length: not DER.
    if (bytes === 0 || bytes > 4 || start + bytes > der.length || der[start] === 0) return undefined;
    length = der.readUIntBE(start, bytes);
    if (length < 0x80) return undefined;
    start += bytes;
  }
  return start + length <= der.length ? { tag, start, end: start + length } : undefined;
}

/** A non-empty, minimally encoded INTEGER, as Go's asn1 parses into a *big.Int. */
function isInteger(der: Buffer, tlv: { tag: number; start: number; end: number } | undefined): boolean {
  if (!tlv || tlv.tag !== 0x02 || tlv.end === tlv.start) return false;
  if (tlv.end - tlv.start === 1) return true;
  const [first, second] = [der[tlv.start]!, der[tlv.start + 1]!];
  return !((first === 0x00 && (second & 0x80) === 0) || (first === 0xff && (second & 0x80) === 0x80));
}

/**
 * Whether the signature decodes as Mattermost's `ecdsaSignature{R, S}` with asn1.Unmarshal
 * (server/public/model/integration_action.go: DecodeAndVerifyTriggerId): a SEQUENCE whose first
 * two elements are INTEGERs; Go allows more elements after them, and bytes after the SEQUENCE.
 */
function isEcdsaSignature(der: Buffer): boolean {
  const sequence = readTlv(der, 0);
  if (!sequence || sequence.tag !== 0x30) return false;
  const r = readTlv(der, sequence.start);
  if (!r || r.end > sequence.end || !isInteger(der, r)) return false;
  const s = readTlv(der, r.end);
  return s !== undefined && s.end <= sequence.end && isInteger(der, s);
}

const invalid = (reason: string, message: string) => new AppError(400, `interactive_message.decode_trigger_id.${reason}`, message);

/**
 * Mattermost's trigger ids (server/public/model/integration_action.go: GenerateTriggerId, DecodeAndVerifyTriggerId): the client gets a plain id; integrations get
 * base64("<client id>:<user id>:<ms>:" + base64(ECDSA P-256 signature of that prefix)). Only the
 * layout and the lifetime are observable, so the key lives in memory for the process.
 */
export class TriggerIds {
  private readonly keys: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  issue(userId: string, now = Date.now()): { clientId: string; triggerId: string } {
    const clientId = newId();
    const prefix = `${clientId}:${userId}:${now}:`;
    const signature = sign('sha256', Buffer.from(prefix), this.keys.privateKey).toString('base64');
    return { clientId, triggerId: Buffer.from(prefix + signature).toString('base64') };
  }

  /** Checks a trigger id in Mattermost's order, with its errors; answers whom it was issued to. */
  verify(triggerId: string, lifetimeSeconds: number, now = Date.now()): { clientId: string; userId: string } {
    const decoded = decodeStdBase64(triggerId);
    if (!decoded) throw invalid('base64_decode_failed', 'Failed to decode base64 for trigger ID for interactive dialog.');
    const parts = decoded.toString('utf8').split(':');
    if (parts.length !== 4) throw invalid('missing_data', 'Trigger ID missing required data for interactive dialog.');
    const [clientId, userId, stamp, signature] = parts as [string, string, string, string];
    // Go's ParseInt error is ignored: a timestamp that is not a number reads as 0, long expired.
    const issuedAt = /^[+-]?\d+$/.test(stamp) ? Number(stamp) : 0;
    if (now - issuedAt > lifetimeSeconds * 1000) {
      throw invalid(
        'expired',
        `Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of ${goDuration(lifetimeSeconds)}.`,
      );
    }
    const der = decodeStdBase64(signature);
    if (!der) throw invalid('base64_decode_failed_signature', 'Failed to decode base64 signature of trigger ID for interactive dialog.');
    if (!isEcdsaSignature(der))
      throw invalid('signature_decode_failed', 'Failed to decode signature of trigger ID for interactive dialog.');
    let valid = false;
    try {
      valid = verify('sha256', Buffer.from(`${clientId}:${userId}:${issuedAt}:`), this.keys.publicKey, der);
    } catch {
      // OpenSSL refuses some pairs Go decodes (a negative R, say): they do not verify either.
    }
    if (!valid) throw invalid('verify_signature_failed', 'Signature verification failed of trigger ID for interactive dialog.');
    return { clientId, userId };
  }
}
