import { isValidId } from '../../../../shared/mattermost/ids';
import { diagnose } from '../../../diagnostics/catalog';
import { AppError, invalidParam, invalidUrlParam } from '../../../workspace/app-error';
import { postInReadableChannel } from '../../../workspace/permissions';
import {
  attachmentsDisabled,
  fileSettings,
  publicLinkHash,
  publicLinkMatches,
  readableFile,
  tooLarge,
  uploadFiles,
  type Upload,
} from '../../../workspace/files';
import { fileResponseHeaders } from '../../../workspace/file-types';
import type { FileInfo } from '../../../../shared/mattermost/model';
import type { StoredFile } from '../../../store/file-info-table';
import { requireSession } from '../../auth';
import type { RequestContext, Reply, RouteDef } from '../../http-types';
import { json } from '../../http-types';
import { readMultipart, type FormPart } from '../../read-multipart';

/** Room for a multipart body's boundaries and part headers around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

const readRequest = (status: number, detail: string) =>
  new AppError(
    status,
    'api.file.upload_file.read_request.app_error',
    'Unable to upload file(s). Error reading or parsing request data.',
    detail,
  );

/** multipart/form-data's boundary, null when the body is not multipart (Go's parseMultipartRequestHeader). */
function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const [type, ...params] = contentType.split(';').map((piece) => piece.trim());
  if (type?.toLowerCase() !== 'multipart/form-data') return null;
  const boundary = params.find((param) => /^boundary=/i.test(param));
  if (!boundary || boundary.length <= 'boundary='.length) throw readRequest(400, 'no multipart boundary param in Content-Type');
  return boundary;
}

function requireChannelId(id: string): string {
  if (!isValidId(id)) throw invalidUrlParam('channel_id');
  return id;
}

interface UploadResponse {
  file_infos: FileInfo[];
  client_ids: string[] | null;
}

/**
 * The parts of a multipart upload in Mattermost's two readings (uploadFileMultipart): when
 * channel_id comes before the first file (or is in the query), every file part counts and each
 * form value is checked in order; when a file comes first, the whole form is read and only the
 * `files` parts count (uploadFileMultipartLegacy).
 */
function readUploadForm(parts: FormPart[], truncated: string | undefined, queryChannelId: string) {
  const firstFile = parts.findIndex((part) => part.filename !== undefined);
  const channelField = parts.findIndex((part) => part.filename === undefined && part.name === 'channel_id');
  const legacy = queryChannelId === '' && firstFile >= 0 && (channelField < 0 || channelField > firstFile);
  if (legacy) {
    // ReadForm fails as a whole on a damaged body, and this path answers 500 for it.
    if (truncated !== undefined) throw readRequest(500, truncated);
    const channelId = parts.find((part) => part.filename === undefined && part.name === 'channel_id')?.data.toString();
    if (channelId === undefined) throw invalidParam('channel_id');
    const files = parts.filter((part) => part.filename !== undefined && part.name === 'files');
    const clientIds = parts.filter((part) => part.filename === undefined && part.name === 'client_ids').map((part) => part.data.toString());
    if (clientIds.length !== 0 && clientIds.length !== files.length) throw wrongClientIdCount(clientIds.length, files.length);
    return { channelId: requireChannelId(channelId), files, clientIds };
  }
  let channelId = queryChannelId;
  const clientIds: string[] = [];
  const files: FormPart[] = [];
  let expectClientIds = true;
  for (const part of parts) {
    if (part.name === '') continue;
    if (part.filename === undefined) {
      const value = part.data.toString();
      if (part.name === 'channel_id') {
        if (queryChannelId !== '' && queryChannelId !== value) {
          throw new AppError(
            400,
            'api.file.upload_file.multiple_channel_ids.app_error',
            'Unable to upload file(s). Multiple conflicting channel_ids.',
          );
        }
        if (value !== '') channelId = value;
      } else if (part.name === 'client_ids') {
        if (!expectClientIds) throw invalidParam('client_ids');
        clientIds.push(value);
      } else {
        throw invalidParam(part.name);
      }
      continue;
    }
    requireChannelId(channelId);
    if (files.length === 0 && clientIds.length === 0) expectClientIds = false;
    if (expectClientIds && files.length >= clientIds.length) throw invalidParam('client_ids');
    files.push(part);
  }
  if (truncated !== undefined) throw readRequest(400, truncated);
  if (expectClientIds && clientIds.length !== files.length) throw wrongClientIdCount(clientIds.length, files.length);
  return { channelId, files, clientIds: expectClientIds ? clientIds : [] };
}

const wrongClientIdCount = (clientIds: number, files: number) =>
  new AppError(
    400,
    'api.file.upload_file.incorrect_number_of_client_ids.app_error',
    `Unable to upload file(s). Have ${clientIds} client_ids for ${files} files.`,
  );

async function upload(ctx: RequestContext): Promise<UploadResponse> {
  const caller = requireSession(ctx);
  const settings = fileSettings(ctx.core);
  if (!settings.enabled) {
    ctx.capture.diagnosis.push(diagnose.attachmentsDisabled());
    throw attachmentsDisabled();
  }
  const query = ctx.url.searchParams;
  const contentLength = Number(ctx.req.headers['content-length'] ?? -1);
  if (contentLength === 0) throw readRequest(400, 'Content-Length should not be 0');
  const boundary = multipartBoundary(ctx.req.headers['content-type']);
  const body = await ctx.body();

  if (boundary === null) {
    // The plain form: the file is the body, its name and channel in the query (uploadFileSimple).
    const channelId = requireChannelId(query.get('channel_id') ?? '');
    const filename = query.get('filename') ?? '';
    if (filename === '') throw invalidUrlParam('filename');
    if (body.overLimit) throw fileTooLarge(ctx, filename, contentLength, settings.maxFileSize);
    const clientId = query.get('client_id') ?? '';
    const infos = await uploadFiles(ctx.core, caller.user, channelId, [{ name: filename, data: body.data, contentLength }]);
    return { file_infos: infos, client_ids: clientId ? [clientId] : null };
  }

  if (body.overLimit) throw fileTooLarge(ctx, '', -1, settings.maxFileSize);
  const form = await readMultipart(String(ctx.req.headers['content-type']), body.data);
  const { channelId, files, clientIds } = readUploadForm(form.parts, form.error, query.get('channel_id') ?? '');
  const uploads: Upload[] = files.map((part) => ({ name: part.filename ?? '', data: part.data, contentLength: -1 }));
  for (const file of uploads) {
    if (file.data.length > settings.maxFileSize) throw fileTooLarge(ctx, file.name, -1, settings.maxFileSize);
  }
  const infos = uploads.length > 0 ? await uploadFiles(ctx.core, caller.user, channelId, uploads) : [];
  return { file_infos: infos, client_ids: clientIds };
}

function fileTooLarge(ctx: RequestContext, name: string, length: number, limit: number): AppError {
  ctx.capture.diagnosis.push(diagnose.fileTooLarge(limit));
  return tooLarge(name, length, limit);
}

export const uploadFileRoute: RouteDef = {
  method: 'POST',
  path: '/api/v4/files',
  bodyLimit: (config) => Number(config.FileSettings?.MaxFileSize ?? 104857600) + MULTIPART_OVERHEAD,
  async handle(ctx) {
    return json(201, await upload(ctx));
  },
};

function requestedFile(ctx: RequestContext): StoredFile {
  const caller = requireSession(ctx);
  return readableFile(ctx.core, caller.user, ctx.params.fileId!);
}

async function sendBlob(ctx: RequestContext, file: StoredFile, hash: string, mimeType: string): Promise<Reply> {
  const download = /^(1|t|true)$/i.test(ctx.url.searchParams.get('download') ?? '');
  const data = await ctx.core.store.blobs.read(hash).catch(() => {
    throw new AppError(404, 'api.file.file_reader.app_error', 'Unable to get a file reader.', `file_id=${file.info.id}`);
  });
  return { status: 200, headers: fileResponseHeaders(file.info.name, mimeType, file.info.update_at, download), body: data };
}

export const getFileRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/files/:fileId',
  handle(ctx) {
    const file = requestedFile(ctx);
    return sendBlob(ctx, file, file.contentHash, file.info.mime_type);
  },
};

/** Mattermost serves thumbnails and previews as image/jpeg whatever their encoding (api4/file.go: ThumbnailImageType, PreviewImageType). */
const RENDITION_TYPE = 'image/jpeg';

/** GET /files/{id}/thumbnail and /preview: 400 for a file Mattermost made none for (api4/file.go: getFileThumbnail, getFilePreview). */
function renditionRoute(kind: 'thumbnail' | 'preview', errorId: string, message: string): RouteDef {
  return {
    method: 'GET',
    path: `/api/v4/files/:fileId/${kind}`,
    handle(ctx) {
      const file = requestedFile(ctx);
      const hash = kind === 'thumbnail' ? file.thumbnailHash : file.previewHash;
      if (!hash) throw new AppError(400, errorId, message, `file_id=${file.info.id}`);
      return sendBlob(ctx, file, hash, RENDITION_TYPE);
    },
  };
}

export const getFileThumbnailRoute = renditionRoute(
  'thumbnail',
  'api.file.get_file_thumbnail.no_thumbnail.app_error',
  "File doesn't have a thumbnail image.",
);
export const getFilePreviewRoute = renditionRoute(
  'preview',
  'api.file.get_file_preview.no_preview.app_error',
  "File doesn't have a preview image.",
);

export const getFileInfoRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/files/:fileId/info',
  handle(ctx) {
    const file = requestedFile(ctx);
    return json(200, file.info, { 'Cache-Control': 'max-age=2592000, private' });
  },
};

const publicLinksDisabled = () => new AppError(403, 'api.file.get_public_link.disabled.app_error', 'Public links have been disabled.');

export const getFileLinkRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/files/:fileId/link',
  handle(ctx) {
    const caller = requireSession(ctx);
    if (!isValidId(ctx.params.fileId ?? '')) throw invalidUrlParam('file_id');
    const settings = fileSettings(ctx.core);
    if (!settings.publicLinks) {
      ctx.capture.diagnosis.push(diagnose.publicLinksDisabled());
      throw publicLinksDisabled();
    }
    const file = readableFile(ctx.core, caller.user, ctx.params.fileId!);
    if (!file.info.post_id) {
      throw new AppError(
        400,
        'api.file.get_public_link.no_post.app_error',
        'Unable to get public link for file. File must be attached to a post that can be read by the current user.',
        `file_id=${file.info.id}`,
      );
    }
    const siteUrl = String(ctx.core.config().ServiceSettings?.SiteURL || ctx.core.url);
    return json(200, { link: `${siteUrl}/files/${file.info.id}/public?h=${publicLinkHash(file.info.id, settings.publicLinkSalt)}` });
  },
};

/** GET /files/{id}/public?h=: no session, the salted hash instead (api4/file.go: getPublicFile). */
export const getPublicFileRoute: RouteDef = {
  method: 'GET',
  path: '/files/:fileId/public',
  handle(ctx) {
    if (!isValidId(ctx.params.fileId ?? '')) throw invalidUrlParam('file_id');
    const settings = fileSettings(ctx.core);
    if (!settings.publicLinks) throw publicLinksDisabled();
    const file = ctx.core.store.files.get(ctx.params.fileId!);
    if (!file) throw new AppError(404, 'app.file_info.get.app_error', 'Unable to get the file info.');
    const hash = ctx.url.searchParams.get('h') ?? '';
    if (hash === '' || !publicLinkMatches(file.info.id, settings.publicLinkSalt, hash)) {
      throw new AppError(400, 'api.file.get_file.public_invalid.app_error', 'The public link does not appear to be valid.');
    }
    return sendBlob(ctx, file, file.contentHash, file.info.mime_type);
  },
};

/** GET /posts/{id}/files/info: a post's files for whoever may read its channel (api4/post.go: getFileInfosForPost). */
export const getFileInfosForPostRoute: RouteDef = {
  method: 'GET',
  path: '/api/v4/posts/:postId/files/info',
  handle(ctx) {
    const caller = requireSession(ctx);
    const postId = ctx.params.postId!;
    if (!isValidId(postId)) throw invalidUrlParam('post_id');
    const { post } = postInReadableChannel(ctx.core.store, caller.user, postId);
    return json(200, ctx.core.store.files.forPost(post.id), { 'Cache-Control': 'max-age=2592000, private' });
  },
};
