import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { newId } from '../core/new-id';

/**
 * Mattermost's trigger ids (server.md §7.5): the client gets a plain id; integrations get
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
}
