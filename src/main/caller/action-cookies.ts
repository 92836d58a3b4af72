import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PostAction } from '../../shared/mattermost/incoming-webhook-request';
import type { Post } from '../../shared/mattermost/model';
import { mapPostActions, RETAINED_PROP_KEYS } from '../../shared/mattermost/post-actions';

/** What Mattermost seals into an action of an ephemeral post, which it never stores. */
export interface ActionCookie {
  type: string;
  post_id: string;
  root_post_id: string;
  channel_id: string;
  data_source: string;
  integration: PostAction['integration'] | null;
  retain_props: Record<string, unknown>;
  remove_props: string[];
}

export class CookieInvalid extends Error {
  override name = 'CookieInvalid';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Ephemeral posts are not stored, so a click on one of their buttons cannot look the action up:
 * Mattermost hands each action an AES-GCM sealed cookie with its integration and comes back
 * with it. Mockmost does the same with a key that lives as long as the process.
 */
export class ActionCookies {
  private readonly key = randomBytes(32);

  seal(post: Post): Post {
    const retain: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const key of RETAINED_PROP_KEYS) {
      if (post.props && key in post.props) retain[key] = post.props[key];
      else remove.push(key);
    }
    return mapPostActions(post, (action) => {
      const cookie: ActionCookie = {
        type: action.type ?? '',
        post_id: post.id,
        root_post_id: post.root_id || post.id,
        channel_id: post.channel_id,
        data_source: action.data_source ?? '',
        integration: action.integration ?? null,
        retain_props: retain,
        remove_props: remove,
      };
      return { ...action, cookie: this.encrypt(JSON.stringify(cookie)) };
    });
  }

  /** Throws CookieInvalid for anything this process did not seal. */
  open(sealed: string): ActionCookie {
    const bytes = Buffer.from(sealed, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new CookieInvalid('cookie too short');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as ActionCookie;
    } catch (error) {
      throw new CookieInvalid(`cookie cannot be opened: ${(error as Error).message}`);
    }
  }

  private encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
  }
}
