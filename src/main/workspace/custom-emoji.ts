import { emojiCodepoints } from '../../shared/emoji/emoji';
import { isValidId } from '../../shared/mattermost/ids';
import type { User } from '../../shared/mattermost/model';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';
import type { CustomEmoji, StoredEmoji } from '../store/emoji-table';
import { AppError, invalidUrlParam, noPermission } from './app-error';
import { isSystemAdmin } from './permissions';

/** Mattermost's limits for a custom emoji image (server/channels/app/emoji.go: MaxEmojiFileSize, MaxEmojiOriginal*, MaxEmoji*). */
export const MAX_EMOJI_FILE_SIZE = 1 << 19;
const MAX_ORIGINAL_SIZE = 1028;
const MAX_SIZE = 128;
const NAME = /^[a-zA-Z0-9+_-]+$/;
const NAME_MAX_LENGTH = 64;

export const emojiDisabled = () =>
  new AppError(501, 'api.emoji.disabled.app_error', 'Custom emoji have been disabled by the system admin.');

export function requireCustomEmojiEnabled(core: Core): void {
  if (core.config().ServiceSettings?.EnableCustomEmoji === false) throw emojiDisabled();
}

const noEmoji = () => new AppError(404, 'app.emoji.get.no_result', 'We couldn’t find the emoji.');

/** The image as Mattermost keeps it: PNG, JPEG or GIF, at most 1028 on a side, fitted into 128 when larger. */
async function emojiImage(data: Buffer): Promise<{ bytes: Buffer; type: string }> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(data, { animated: true })
    .metadata()
    .catch(() => undefined);
  const type = meta?.format;
  if (!meta || (type !== 'png' && type !== 'jpeg' && type !== 'gif')) {
    throw new AppError(400, 'api.emoji.upload.image.app_error', 'Unable to create emoji. File must be a PNG, JPEG, or GIF.');
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width > MAX_ORIGINAL_SIZE || height > MAX_ORIGINAL_SIZE) {
    throw new AppError(
      400,
      'api.emoji.upload.large_image.too_large.app_error',
      `Unable to create emoji. Image must be smaller than ${MAX_ORIGINAL_SIZE} by ${MAX_ORIGINAL_SIZE}.`,
    );
  }
  if (width <= MAX_SIZE && height <= MAX_SIZE) return { bytes: data, type };
  const fitted = sharp(data, { animated: true }).resize(MAX_SIZE, MAX_SIZE, { fit: 'inside' });
  return { bytes: await fitted.toFormat(type).toBuffer(), type };
}

/**
 * POST /api/v4/emoji once the form is read: the emoji JSON checked as Mattermost's
 * CreateEmoji does (server/channels/app/emoji.go), then the image.
 */
export async function createCustomEmoji(
  core: Core,
  user: User,
  emojiJson: string | undefined,
  image: Buffer | undefined,
): Promise<CustomEmoji> {
  const invalidEmoji = () => new AppError(400, 'api.context.invalid_param.app_error', 'Invalid emoji parameter.');
  if (emojiJson === undefined) throw invalidEmoji();
  let given: { name?: unknown; creator_id?: unknown };
  try {
    given = JSON.parse(emojiJson) as typeof given;
  } catch {
    throw invalidEmoji();
  }
  if (typeof given !== 'object' || given === null) throw invalidEmoji();
  const name = typeof given.name === 'string' ? given.name : '';
  const creatorId = typeof given.creator_id === 'string' ? given.creator_id : '';
  if (name === '' || name.length > NAME_MAX_LENGTH || !NAME.test(name)) {
    throw new AppError(400, 'model.emoji.name.app_error', 'Name must be between 1 and 64 lowercase alphanumeric characters.');
  }
  if (emojiCodepoints(name) !== undefined) {
    throw new AppError(400, 'model.emoji.system_emoji_name.app_error', 'Name conflicts with an existing system emoji name.');
  }
  if (creatorId !== user.id) throw new AppError(403, 'api.emoji.create.other_user.app_error', 'Invalid user id.');
  const store = core.store;
  if (store.emoji.named(name)) {
    throw new AppError(
      400,
      'api.emoji.create.duplicate.app_error',
      'Unable to create emoji. Another emoji with the same name already exists.',
    );
  }
  if (!image) throw new AppError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing createEmoji in request body.');
  const { bytes, type } = await emojiImage(image);
  const hash = await store.blobs.put(bytes);
  const now = Date.now();
  const emoji: StoredEmoji = {
    id: newId(),
    create_at: now,
    update_at: now,
    delete_at: 0,
    creator_id: user.id,
    name,
    image_hash: hash,
    image_type: type,
  };
  try {
    store.batch.run(() => store.emoji.save(emoji));
    // Everyone hears of it, so pickers and messages can use it (app/emoji.go: CreateEmoji).
    store.batch.afterCommit(() => core.events.emit({ type: 'emoji_added', emoji: publicEmoji(emoji) }));
    await store.batch.durable();
  } catch (error) {
    await store.blobs.sweepOnly([hash], (h) => store.blobInUse(h));
    // Two uploads of one name at once: the second finds the first's row.
    if (store.emoji.named(name)) {
      throw new AppError(
        400,
        'api.emoji.create.duplicate.app_error',
        'Unable to create emoji. Another emoji with the same name already exists.',
      );
    }
    throw error;
  }
  return publicEmoji(emoji);
}

export const publicEmoji = ({ id, create_at, update_at, delete_at, creator_id, name }: StoredEmoji): CustomEmoji => ({
  id,
  create_at,
  update_at,
  delete_at,
  creator_id,
  name,
});

export function requireEmoji(core: Core, id: string): StoredEmoji {
  if (!isValidId(id)) throw invalidUrlParam('emoji_id');
  const emoji = core.store.emoji.get(id);
  if (!emoji) throw noEmoji();
  return emoji;
}

export function emojiByName(core: Core, name: string): StoredEmoji {
  const emoji = core.store.emoji.named(name);
  if (!emoji) throw new AppError(404, 'app.emoji.get_by_name.no_result', 'We couldn’t find the emoji.');
  return emoji;
}

/** DELETE /api/v4/emoji/{id}: its creator, or whoever may delete others' emoji (admins). */
export function deleteCustomEmoji(core: Core, user: User, id: string): void {
  const emoji = requireEmoji(core, id);
  if (emoji.creator_id !== user.id && !isSystemAdmin(user)) throw noPermission();
  core.store.batch.run(() => core.store.emoji.delete(emoji.id, Date.now()));
}
