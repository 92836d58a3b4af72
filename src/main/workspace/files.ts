import { createHash, timingSafeEqual } from 'node:crypto';
import { isValidId } from '../../shared/mattermost/ids';
import type { FileInfo, Post, User } from '../../shared/mattermost/model';
import type { Core } from '../core/core';
import { newId } from '../base/new-id';
import type { StoredFile } from '../store/file-info-table';
import { AppError, invalidUrlParam, noPermission } from './app-error';
import { imageShape, renderImage, type ImageRenditions } from './file-images';
import { baseName, typeOfName } from './file-types';
import { canReadChannel, canUploadToChannel } from './permissions';

/** FileSettings defaults of Mattermost's config.go SetDefaults. */
const DEFAULT_MAX_FILE_SIZE = 104857600;
const DEFAULT_MAX_IMAGE_RESOLUTION = 33177600;

export function fileSettings(core: Core) {
  const settings = core.config().FileSettings ?? {};
  return {
    enabled: settings.EnableFileAttachments !== false,
    maxFileSize: Number(settings.MaxFileSize ?? DEFAULT_MAX_FILE_SIZE),
    maxImageResolution: Number(settings.MaxImageResolution ?? DEFAULT_MAX_IMAGE_RESOLUTION),
    publicLinks: settings.EnablePublicLink === true,
    publicLinkSalt: String(settings.PublicLinkSalt ?? ''),
  };
}

export const attachmentsDisabled = () =>
  new AppError(403, 'api.file.attachments.disabled.app_error', 'File attachments have been disabled on this server.');

export const tooLarge = (name: string, length: number, limit: number) =>
  new AppError(
    413,
    'api.file.upload_file.too_large_detailed.app_error',
    `Unable to upload file ${name}. ${length} bytes exceeds the maximum allowed ${limit} bytes.`,
  );

export interface Upload {
  name: string;
  data: Buffer;
  /** The request's Content-Length for a plain upload; -1 inside a multipart body, as Mattermost reports it. */
  contentLength: number;
}

interface Prepared {
  info: FileInfo;
  data: Buffer;
  renditions?: ImageRenditions;
}

/** Checks and measures one file as Mattermost's UploadFileX does, before anything is written. */
async function prepare(upload: Upload, user: User, channelId: string, now: number, limits: ReturnType<typeof fileSettings>) {
  const name = baseName(upload.name);
  if (upload.data.length > limits.maxFileSize) throw tooLarge(name, upload.contentLength, limits.maxFileSize);
  const { extension, mimeType } = typeOfName(name);
  const info: FileInfo = {
    id: newId(),
    user_id: user.id,
    channel_id: channelId,
    create_at: now,
    update_at: now,
    delete_at: 0,
    name,
    extension,
    size: upload.data.length,
    mime_type: mimeType,
    mini_preview: null,
    remote_id: '',
    archived: false,
  };
  const prepared: Prepared = { info, data: upload.data };
  if (!mimeType.startsWith('image')) return prepared;
  const shape = await imageShape(upload.data);
  if (!shape) return prepared;
  info.width = shape.width;
  info.height = shape.height;
  // An SVG gets its size only (preprocessImage returns before any preview).
  if (mimeType === 'image/svg+xml') return prepared;
  if (shape.width * shape.height > limits.maxImageResolution) {
    throw new AppError(
      400,
      'api.file.upload_file.large_image_detailed.app_error',
      `${name} dimensions (${shape.width} by ${shape.height} pixels) exceed the limits.`,
      `image resolution is too high: ${shape.width * shape.height}, max allowed is ${limits.maxImageResolution}`,
    );
  }
  // Animated or not, a GIF gets no preview flag: the web app plays the original.
  if (mimeType !== 'image/gif') info.has_preview_image = true;
  prepared.renditions = await renderImage(upload.data, shape);
  if (prepared.renditions) info.mini_preview = prepared.renditions.miniPreview.toString('base64');
  return prepared;
}

/**
 * Stores files uploaded to a channel (server/channels/api4/file.go: uploadFileStream). Every file
 * is checked before any is written, and the bytes are on disk before their rows commit, so a
 * failed upload leaves neither.
 */
export async function uploadFiles(core: Core, user: User, channelId: string, uploads: Upload[]): Promise<FileInfo[]> {
  const store = core.store;
  const channel = store.channels.get(channelId);
  if (!channel || !canUploadToChannel(store, user, channel)) throw noPermission();
  const limits = fileSettings(core);
  const now = Date.now();
  const prepared: Prepared[] = [];
  for (const upload of uploads) prepared.push(await prepare(upload, user, channelId, now, limits));

  const written: string[] = [];
  const put = async (data: Buffer) => {
    const hash = await store.blobs.put(data);
    written.push(hash);
    return hash;
  };
  try {
    const rows: StoredFile[] = [];
    for (const { info, data, renditions } of prepared) {
      rows.push({
        info,
        contentHash: await put(data),
        thumbnailHash: renditions ? await put(renditions.thumbnail) : null,
        previewHash: renditions ? await put(renditions.preview) : null,
      });
    }
    store.batch.run(() => rows.forEach((row) => store.files.save(row)));
    await store.batch.durable();
  } catch (error) {
    await store.blobs.sweepOnly(written, (hash) => store.blobInUse(hash));
    throw error;
  }
  return prepared.map((p) => p.info);
}

/** A file the caller may see: its own upload, or one on a post in a channel it can read (server/channels/api4/file.go: getFileInfo). */
export function readableFile(core: Core, user: User, fileId: string): StoredFile {
  if (!isValidId(fileId)) throw invalidUrlParam('file_id');
  const store = core.store;
  const file = store.files.get(fileId);
  if (!file) throw new AppError(404, 'app.file_info.get.app_error', 'Unable to get the file info.');
  if (file.info.user_id === user.id) return file;
  const post = file.info.post_id ? store.posts.get(file.info.post_id) : undefined;
  const channel = post && store.channels.get(post.channel_id);
  if (!channel || !canReadChannel(store, user, channel)) throw noPermission();
  return file;
}

/** Mattermost's public-link hash: SHA-256 of the salt then the file id, base64url without padding (app/file.go: GeneratePublicLinkHash). */
export function publicLinkHash(fileId: string, salt: string): string {
  return createHash('sha256').update(salt).update(fileId).digest('base64url');
}

export function publicLinkMatches(fileId: string, salt: string, hash: string): boolean {
  const expected = Buffer.from(publicLinkHash(fileId, salt));
  const given = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Attaches a new post's files, as Mattermost's attachFilesToPost does after saving it: a file
 * goes on the post only when the poster uploaded it to this channel and no post has it yet; the
 * others drop out of the post's file_ids silently.
 */
export function attachFiles(core: Core, post: Post): string[] {
  return (post.file_ids ?? []).filter((id) => core.store.files.attachToPost(id, post.id, post.channel_id, post.user_id, post.create_at));
}
