import type { Client4 } from '@mattermost/client';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAndUser, failure } from '../helpers/mattermost-client';
import { listen } from '../helpers/websocket-events';
import { startTestCore, type TestCore } from '../helpers/test-core';

const png = (size: number) =>
  sharp({ create: { width: size, height: size, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
const file = (bytes: Buffer | string) =>
  new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], 'emoji.png', { type: 'image/png' });

describe('custom emoji through @mattermost/client', () => {
  let server: TestCore;
  let admin: Client4;
  let user: Client4;
  let userId: string;
  let adminId: string;
  let townSquare: string;

  beforeAll(async () => {
    server = await startTestCore();
    ({ admin, user, userId, adminId, townSquare } = await adminAndUser(server.url));
  });
  afterAll(() => server.stop());

  it('creates one from an image (fitted into 128 pixels), tells every client, lists, finds, serves and reacts with it', async () => {
    const { socket, events } = await listen(server.url, admin);
    const emoji = await user.createCustomEmoji({ name: 'company-logo', creator_id: userId } as never, file(await png(300)));
    // emoji_added goes to everyone, the creator's own clients or not, with the emoji as JSON text.
    await expect.poll(() => events.find((e) => e.event === 'emoji_added')?.data.emoji).toBe(JSON.stringify(emoji));
    socket.close();
    expect(emoji).toMatchObject({ name: 'company-logo', creator_id: userId, delete_at: 0 });
    expect((await user.getCustomEmojis()).map((e) => e.name)).toEqual(['company-logo']);
    expect((await user.getCustomEmojiByName('company-logo')).id).toBe(emoji.id);
    const image = await fetch(`${server.url}/api/v4/emoji/${emoji.id}/image`, { headers: { Authorization: `Bearer ${user.getToken()}` } });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(await sharp(Buffer.from(await image.arrayBuffer())).metadata()).toMatchObject({ width: 128, height: 128 });

    const post = await admin.createPost({ channel_id: townSquare, message: 'shipped :company-logo:' } as never);
    expect(await user.addReaction(userId, post.id, 'company-logo')).toMatchObject({ emoji_name: 'company-logo' });
  });

  it('answers Mattermost’s errors: names, duplicates, someone else as creator, not an image, too large, deleting others’', async () => {
    const image = file(await png(16));
    const attempt = (name: string, creator = userId, file = image) =>
      failure(user.createCustomEmoji({ name, creator_id: creator } as never, file));
    expect(await attempt('smile')).toEqual({ status: 400, id: 'model.emoji.system_emoji_name.app_error' });
    expect(await attempt('has space')).toEqual({ status: 400, id: 'model.emoji.name.app_error' });
    expect(await attempt('x'.repeat(65))).toEqual({ status: 400, id: 'model.emoji.name.app_error' });
    expect(await attempt('theirs', adminId)).toEqual({ status: 403, id: 'api.emoji.create.other_user.app_error' });
    expect(await attempt('text-file', userId, file('not an image'))).toEqual({ status: 400, id: 'api.emoji.upload.image.app_error' });
    expect(await attempt('huge', userId, file(Buffer.alloc(600 * 1024)))).toEqual({
      status: 413,
      id: 'api.emoji.create.too_large.app_error',
    });

    const mine = await user.createCustomEmoji({ name: 'party-parrot', creator_id: userId } as never, image);
    expect(await attempt('party-parrot')).toEqual({ status: 400, id: 'api.emoji.create.duplicate.app_error' });
    const adminsOwn = await admin.createCustomEmoji({ name: 'admins-only', creator_id: adminId } as never, image);
    expect(await failure(user.deleteCustomEmoji(adminsOwn.id))).toEqual({ status: 403, id: 'api.context.permissions.app_error' });
    await user.deleteCustomEmoji(mine.id);
    expect(await failure(user.getCustomEmoji(mine.id))).toEqual({ status: 404, id: 'app.emoji.get.no_result' });
    // The name is free again once deleted.
    expect((await user.createCustomEmoji({ name: 'party-parrot', creator_id: userId } as never, image)).name).toBe('party-parrot');
  });

  it('finds them by names, by search and by autocomplete, as a picker asks', async () => {
    const image = file(await png(16));
    for (const name of ['deploy-green', 'deploy-red', 'green-light', 'Deploy-Upper']) {
      await user.createCustomEmoji({ name, creator_id: userId } as never, image);
    }
    const names = (list: { name: string }[]) => list.map((e) => e.name);
    expect(names(await user.getCustomEmojisByNames(['green-light', 'deploy-red', 'nope', 'deploy-red']))).toEqual([
      'deploy-red',
      'green-light',
    ]);
    // Prefix, then anywhere in the name; case counts, as on Mattermost's PostgreSQL.
    expect(names(await user.searchCustomEmoji('deploy', { prefix_only: true }))).toEqual(['deploy-green', 'deploy-red']);
    expect(names(await user.searchCustomEmoji('green'))).toEqual(['deploy-green', 'green-light']);
    expect(names(await user.autocompleteCustomEmoji('green'))).toEqual(['green-light']);
    expect(names(await user.autocompleteCustomEmoji('%'))).toEqual([]);

    const post = (path: string, body: string) =>
      fetch(`${server.url}/api/v4/emoji/${path}`, { method: 'POST', headers: { Authorization: `Bearer ${user.getToken()}` }, body }).then(
        async (r) => ({ status: r.status, id: ((await r.json()) as { id?: string }).id }),
      );
    expect(await post('names', '{"names": []}')).toEqual({ status: 400, id: 'api.payload.parse.error' });
    expect(await post('names', '[1]')).toEqual({ status: 400, id: 'api.payload.parse.error' });
    expect(await post('names', 'null')).toEqual({ status: 400, id: 'api.context.invalid_param.app_error' });
    expect(await post('names', JSON.stringify(Array.from({ length: 201 }, (_, i) => `e${i}`)))).toEqual({
      status: 400,
      id: 'api.emoji.get_multiple_by_name_too_many.request_error',
    });
    expect(await post('search', '{"term": ""}')).toEqual({ status: 400, id: 'api.context.invalid_param.app_error' });
    expect(await post('search', '{"term": "x", "prefix_only": "yes"}')).toEqual({ status: 400, id: 'api.context.invalid_param.app_error' });
    expect(await failure(user.autocompleteCustomEmoji(''))).toEqual({ status: 400, id: 'api.context.invalid_url_param.app_error' });
  });
});
