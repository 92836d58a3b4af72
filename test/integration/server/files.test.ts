import type { Client4 } from '@mattermost/client';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAndUser, failure } from '../helpers/mattermost-client';
import { startTestCore, type TestCore } from '../helpers/test-core';

interface UploadAnswer {
  file_infos: { id: string; name: string; size: number; post_id?: string }[];
  client_ids: string[] | null;
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();

function form(channelId: string | undefined, files: [string, Buffer][], clientIds: string[] = []): FormData {
  const data = new FormData();
  if (channelId !== undefined) data.append('channel_id', channelId);
  for (const id of clientIds) data.append('client_ids', id);
  for (const [name, bytes] of files) data.append('files', new Blob([new Uint8Array(bytes)]), name);
  return data;
}

/** Every blob under the data dir's files/ folder. */
function blobCount(dataDir: string): number {
  const dir = join(dataDir, 'files');
  try {
    return readdirSync(dir).reduce((n, folder) => n + readdirSync(join(dir, folder)).length, 0);
  } catch {
    return 0;
  }
}

describe('files through @mattermost/client', () => {
  let server: TestCore;
  let admin: Client4;
  let user: Client4;
  let townSquare: string;
  let offTopic: string;
  let privateChannel: string;

  const raw = (client: Client4, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${client.getToken()}`, ...(init.headers as object) } });

  beforeAll(async () => {
    server = await startTestCore();
    let teamId: string;
    ({ admin, user, townSquare, offTopic, teamId } = await adminAndUser(server.url));
    privateChannel = (await admin.createChannel({ team_id: teamId, name: 'ops', display_name: 'Ops', type: 'P' } as never)).id;
  });
  afterAll(() => server.stop());

  it('uploads an image, measures it, and serves it with its thumbnail, preview and info', async () => {
    const image = await png(300, 200);
    const answer = await admin.uploadFile(form(townSquare, [['chart.png', image]], ['c1']));
    expect(answer.client_ids).toEqual(['c1']);
    const [info] = answer.file_infos;
    expect(info).toMatchObject({
      name: 'chart.png',
      extension: 'png',
      mime_type: 'image/png',
      size: image.length,
      width: 300,
      height: 200,
      has_preview_image: true,
      channel_id: townSquare,
      delete_at: 0,
      remote_id: '',
      archived: false,
    });
    expect(info).not.toHaveProperty('post_id');
    expect(Buffer.from(info!.mini_preview as unknown as string, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const file = await raw(admin, `/api/v4/files/${info!.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(`inline;filename="chart.png"; filename*=UTF-8''chart.png`);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(image);

    const thumbnail = await raw(admin, `/api/v4/files/${info!.id}/thumbnail`);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    expect(await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).toMatchObject({ width: 120, height: 80 });
    const preview = await raw(admin, `/api/v4/files/${info!.id}/preview`);
    expect(await sharp(Buffer.from(await preview.arrayBuffer())).metadata()).toMatchObject({ width: 300, height: 200 });
    expect(await admin.getFileInfosForPost(info!.id).catch((e: { status_code: number }) => e.status_code)).toBe(403);
  });

  it('attaches only the poster’s own unattached files from the same channel, shows them in metadata, and drops them with the post', async () => {
    const own = (await user.uploadFile(form(townSquare, [['notes.txt', Buffer.from('hello')]]))).file_infos[0]!;
    const elsewhere = (await user.uploadFile(form(offTopic, [['other.txt', Buffer.from('x')]]))).file_infos[0]!;
    const admins = (await admin.uploadFile(form(townSquare, [['admin.txt', Buffer.from('y')]]))).file_infos[0]!;

    const post = await user.createPost({ channel_id: townSquare, message: 'files', file_ids: [own.id, elsewhere.id, admins.id] } as never);
    expect(post.file_ids).toEqual([own.id]);
    const files = (post.metadata as { files?: { id: string; post_id: string }[] }).files;
    expect(files?.map((f) => [f.id, f.post_id])).toEqual([[own.id, post.id]]);
    expect((await admin.getFileInfosForPost(post.id)).map((f) => f.id)).toEqual([own.id]);
    const exchanges = (await (await server.control('/exchanges?limit=5')).json()) as { url: string; diagnosis: { code: string }[] }[];
    expect(exchanges.find((e) => e.url === '/api/v4/posts')?.diagnosis.map((d) => d.code)).toContain('G44');

    // Attached once: a second post cannot take it.
    const again = await user.createPost({ channel_id: townSquare, message: 'again', file_ids: [own.id] } as never);
    expect(again.file_ids ?? []).toEqual([]);

    const text = await raw(user, `/api/v4/files/${own.id}`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(await failure(user.getFileInfosForPost('a'.repeat(26)))).toEqual({ status: 403, id: 'api.context.permissions.app_error' });
    expect((await raw(user, `/api/v4/files/${own.id}/thumbnail`)).status).toBe(400);

    await user.deletePost(post.id);
    const gone = await raw(user, `/api/v4/files/${own.id}/info`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { id: string }).id).toBe('app.file_info.get.app_error');
  });

  it('keeps files from those who may not see them', async () => {
    const secret = (await admin.uploadFile(form(privateChannel, [['secret.txt', Buffer.from('s')]]))).file_infos[0]!;
    // Unattached: only its uploader.
    expect((await raw(user, `/api/v4/files/${secret.id}`)).status).toBe(403);
    await admin.createPost({ channel_id: privateChannel, message: 'secret', file_ids: [secret.id] } as never);
    expect((await raw(user, `/api/v4/files/${secret.id}/info`)).status).toBe(403);
    expect((await raw(admin, `/api/v4/files/${secret.id}/info`)).status).toBe(200);
    // Uploading needs membership.
    expect(await failure(user.uploadFile(form(privateChannel, [['a.txt', Buffer.from('a')]])))).toEqual({
      status: 403,
      id: 'api.context.permissions.app_error',
    });
    expect((await raw(user, '/api/v4/files/nope/info')).status).toBe(400);
  });

  it('takes the plain form with channel_id and filename in the query', async () => {
    const response = await raw(
      user,
      `/api/v4/files?channel_id=${townSquare}&filename=${encodeURIComponent('dir/report.csv')}&client_id=z`,
      {
        method: 'POST',
        body: 'a,b\n1,2\n',
      },
    );
    expect(response.status).toBe(201);
    const answer = (await response.json()) as UploadAnswer;
    expect(answer.client_ids).toEqual(['z']);
    expect(answer.file_infos[0]).toMatchObject({ name: 'report.csv', size: 8, mime_type: 'text/csv; charset=utf-8' });

    const missing = await raw(user, `/api/v4/files?channel_id=${townSquare}`, { method: 'POST', body: 'x' });
    expect(((await missing.json()) as { id: string }).id).toBe('api.context.invalid_url_param.app_error');
  });

  it('answers bad uploads with Mattermost’s errors and stores nothing for them', async () => {
    const before = blobCount(server.dataDir);
    const post = (body: string, headers: Record<string, string> = {}) => raw(user, '/api/v4/files', { method: 'POST', body, headers });
    const idOf = async (response: Response) => [response.status, ((await response.json()) as { id: string }).id];

    // A body cut off in the middle of a file.
    const boundary = 'XyZ';
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="channel_id"\r\n\r\n${townSquare}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.bin"\r\n\r\nhalf a fi`;
    expect(await idOf(await post(cut, { 'Content-Type': `multipart/form-data; boundary=${boundary}` }))).toEqual([
      400,
      'api.file.upload_file.read_request.app_error',
    ]);
    expect(await idOf(await post('', { 'Content-Type': 'multipart/form-data' }))).toEqual([
      400,
      'api.file.upload_file.read_request.app_error',
    ]);
    expect(await failure(user.uploadFile(form(townSquare, [['a.txt', Buffer.from('a')]], ['1', '2'])))).toEqual({
      status: 400,
      id: 'api.file.upload_file.incorrect_number_of_client_ids.app_error',
    });
    const unknownField = form(townSquare, [['a.txt', Buffer.from('a')]]);
    unknownField.set('channel_id', townSquare);
    unknownField.append('comment', 'x');
    expect(await failure(user.uploadFile(unknownField))).toEqual({ status: 400, id: 'api.context.invalid_param.app_error' });

    await admin.patchConfig({ FileSettings: { MaxFileSize: 1000 } } as never);
    try {
      expect(await failure(user.uploadFile(form(townSquare, [['big.bin', Buffer.alloc(1001)]])))).toEqual({
        status: 413,
        id: 'api.file.upload_file.too_large_detailed.app_error',
      });
      expect(
        await failure(
          user.uploadFile(
            form(townSquare, [
              ['ok.bin', Buffer.alloc(10)],
              ['big.bin', Buffer.alloc(1001)],
            ]),
          ),
        ),
      ).toEqual({
        status: 413,
        id: 'api.file.upload_file.too_large_detailed.app_error',
      });
    } finally {
      await admin.patchConfig({ FileSettings: { MaxFileSize: 104857600, EnableFileAttachments: false } } as never);
    }
    try {
      expect(await failure(user.uploadFile(form(townSquare, [['a.txt', Buffer.from('a')]])))).toEqual({
        status: 403,
        id: 'api.file.attachments.disabled.app_error',
      });
    } finally {
      await admin.patchConfig({ FileSettings: { EnableFileAttachments: true } } as never);
    }
    expect(blobCount(server.dataDir)).toBe(before);

    // A zero-byte file is a file, as in Mattermost.
    const empty = await user.uploadFile(form(townSquare, [['empty.txt', Buffer.alloc(0)]]));
    expect(empty.file_infos[0]).toMatchObject({ size: 0, name: 'empty.txt' });
  });

  it('gives public links only when they are on, and checks their hash', async () => {
    const info = (await user.uploadFile(form(townSquare, [['pic.png', await png(10, 10)]]))).file_infos[0]!;
    expect(await failure(user.getFilePublicLink(info.id))).toEqual({ status: 403, id: 'api.file.get_public_link.disabled.app_error' });
    await admin.patchConfig({ FileSettings: { EnablePublicLink: true } } as never);
    expect(await failure(user.getFilePublicLink(info.id))).toEqual({ status: 400, id: 'api.file.get_public_link.no_post.app_error' });
    await user.createPost({ channel_id: townSquare, message: 'pic', file_ids: [info.id] } as never);
    const { link } = await user.getFilePublicLink(info.id);
    expect(link).toMatch(new RegExp(`^${server.url}/files/${info.id}/public\\?h=[A-Za-z0-9_-]{43}$`));
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link.replace(/h=.*/, 'h=forged'))).status).toBe(400);
  });
});
