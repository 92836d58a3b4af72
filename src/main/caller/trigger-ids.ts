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
    let valid: boolean;
    try {
      valid = verify('sha256', Buffer.from(`${clientId}:${userId}:${issuedAt}:`), this.keys.publicKey, der);
    } catch {
      throw invalid('signature_decode_failed', 'Failed to decode signature of trigger ID for interactive dialog.');
    }
    if (!valid) throw invalid('verify_signature_failed', 'Signature verification failed of trigger ID for interactive dialog.');
    return { clientId, userId };
  }
}
