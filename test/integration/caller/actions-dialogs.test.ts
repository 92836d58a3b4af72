import type { Client4 } from '@mattermost/client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DeliveredEphemeral, OpenedDialog } from '../../../src/shared/contract/control-api';
import type { Exchange } from '../../../src/shared/contract/exchange';
import { clientFor } from '../helpers/mattermost-client';
import { SYSADMIN, startTestCore, USER_1, type TestCore } from '../helpers/test-core';

type Json = Record<string, unknown>;

/**
 * A small bot as integrations are written: a button click opens a dialog with the trigger id
 * it received; the dialog's submission is checked field by field.
 */
class DialogBot {
  readonly received: { path: string; body: Json }[] = [];
  mattermostUrl = '';
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void this.answer(req.url ?? '/', JSON.parse(Buffer.concat(chunks).toString() || '{}') as Json, res));
  });

  private async answer(path: string, body: Json, res: import('node:http').ServerResponse): Promise<void> {
    this.received.push({ path, body });
    let reply: Json = {};
    if (path === '/open') {
      const opened = await fetch(`${this.mattermostUrl}/api/v4/actions/dialogs/open`, {
        method: 'POST',
        body: JSON.stringify({
          trigger_id: body.trigger_id,
          url: `${this.url}/submit`,
          dialog: { callback_id: 'cb', title: 'Deploy', elements: [{ display_name: 'Version', name: 'version', type: 'text' }] },
        }),
      });
      reply = { ephemeral_text: `dialog open: ${opened.status}` };
    }
    if (path === '/submit') {
      const submission = (body.submission ?? {}) as Json;
      reply = submission.version ? {} : { errors: { version: 'Version is required' } };
    }
    if (path === '/typo') reply = { ephemeral_txt: 'oops', goto_location: 'https://example.com' };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(reply));
  }

  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('interactive messages and dialogs through @mattermost/client', () => {
  let server: TestCore;
  let admin: Client4;
  let user: Client4;
  let channelId: string;
  let teamId: string;
  const bot = new DialogBot();

  beforeAll(async () => {
    server = await startTestCore();
    await bot.start();
    bot.mattermostUrl = server.url;
    admin = await clientFor(server.url, SYSADMIN.username, SYSADMIN.password);
    user = await clientFor(server.url, USER_1.username, USER_1.password);
    const channel = await admin.getChannelByNameAndTeamName('dev', 'town-square');
    channelId = channel.id;
    teamId = channel.team_id;
  });
  afterAll(async () => {
    await bot.stop();
    await server.stop();
  });

  const buttonPost = (path: string, extra: Json = {}) =>
    admin.createPost({
      channel_id: channelId,
      message: 'Ready to deploy?',
      props: {
        attachments: [{ text: 'Choose', actions: [{ id: 'go', name: 'Go', integration: { url: `${bot.url}${path}` }, ...extra }] }],
      },
    } as never);

  const exchangesOf = async (kind: string) =>
    ((await (await server.control('/exchanges?limit=50')).json()) as Exchange[]).filter((e) => e.kind === kind);

  it('clicks a button, the bot opens a dialog for the clicking user, and the dialog reaches them over the WebSocket', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v4/websocket`, {
      headers: { Authorization: `Bearer ${user.getToken()}` },
    });
    const events: Json[] = [];
    socket.on('message', (data) => events.push(JSON.parse(data.toString()) as Json));
    await new Promise((resolve) => socket.once('open', resolve));
    try {
      const post = await buttonPost('/open');
      expect(JSON.stringify(post)).not.toContain(bot.url);
      const clicked = await user.doPostAction(post.id, 'go');
      expect(clicked).toMatchObject({ status: 'OK', trigger_id: expect.stringMatching(/^[a-z0-9]{26}$/) });

      await expect.poll(() => events.find((e) => e.event === 'open_dialog')).toBeDefined();
      const event = events.find((e) => e.event === 'open_dialog')!;
      const userId = (await user.getMe()).id;
      expect(event.broadcast).toMatchObject({ user_id: userId });
      const request = JSON.parse((event.data as { dialog: string }).dialog) as OpenedDialog['request'];
      expect(request.trigger_id).toBe(clicked.trigger_id);
      expect(request.dialog).toMatchObject({ callback_id: 'cb', title: 'Deploy', introduction_text: '', notify_on_cancel: false });

      const dialogs = (await (await server.control('/dialogs?limit=1')).json()) as OpenedDialog[];
      expect(dialogs[0]!.user_id).toBe(userId);
      const ephemerals = (await (await server.control('/ephemerals?limit=1')).json()) as DeliveredEphemeral[];
      expect(ephemerals[0]!.post).toMatchObject({ message: 'dialog open: 200', root_id: post.id, channel_id: channelId });
    } finally {
      socket.close();
    }
  });

  it("refuses a click whose cookie does not decrypt with Mattermost's action error, without calling the integration", async () => {
    const post = await buttonPost('/open');
    const calls = bot.received.length;
    const response = await fetch(`${server.url}/api/v4/posts/${post.id}/actions/go`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.getToken()}` },
      body: JSON.stringify({ selected_option: '', cookie: 'not-a-sealed-cookie' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      id: 'api.post.do_action.action_integration.app_error',
      message: 'Action integration error.',
    });
    expect(bot.received.length).toBe(calls);
    // The same click without the cookie reaches the integration.
    expect(await user.doPostAction(post.id, 'go')).toMatchObject({ status: 'OK' });
    expect(bot.received.length).toBe(calls + 1);
  });

  it('submits a dialog: field errors come back with 200, a good submission answers {}', async () => {
    const submission = { url: `${bot.url}/submit`, callback_id: 'cb', state: '', channel_id: channelId, team_id: teamId };
    const rejected = await user.submitInteractiveDialog({ ...submission, submission: { version: '' } } as never);
    expect(rejected).toEqual({ errors: { version: 'Version is required' } });
    const accepted = await user.submitInteractiveDialog({ ...submission, submission: { version: '1.2' } } as never);
    expect(accepted).toEqual({});
    const sent = bot.received.at(-1)!.body;
    expect(sent).toEqual({
      type: 'dialog_submission',
      callback_id: 'cb',
      state: '',
      user_id: (await user.getMe()).id,
      channel_id: channelId,
      team_id: teamId,
      submission: { version: '1.2' },
      cancelled: false,
    });
  });

  it('refuses a trigger id that is not Mattermost-signed, and an expired one, recording why', async () => {
    const forged = Buffer.from(`abc:${(await user.getMe()).id}:${Date.now()}:${Buffer.from('sig').toString('base64')}`).toString('base64');
    const open = (trigger_id: string) =>
      fetch(`${server.url}/api/v4/actions/dialogs/open`, {
        method: 'POST',
        body: JSON.stringify({ trigger_id, url: `${bot.url}/submit`, dialog: { title: 'x' } }),
      });
    const bad = await open(forged);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).id).toMatch(
      /^interactive_message\.decode_trigger_id\.(signature_decode_failed|verify_signature_failed)$/,
    );
    const old = Buffer.from(`abc:user:${Date.now() - 31_000}:sig=`).toString('base64');
    const expired = (await (await open(old)).json()) as Json;
    expect(expired).toMatchObject({
      id: 'interactive_message.decode_trigger_id.expired',
      message: 'Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of 30s.',
    });
    const [latest] = await exchangesOf('dialog');
    expect(latest!.diagnosis[0]).toMatchObject({ code: 'G30' });
  });

  it('clicks a button of an ephemeral post through its sealed cookie', async () => {
    const me = (await user.getMe()).id;
    await admin.createPostEphemeral(me, {
      channel_id: channelId,
      message: 'only you',
      props: { attachments: [{ actions: [{ id: 'go', name: 'Go', integration: { url: `${bot.url}/submit`, context: { k: 1 } } }] }] },
    });
    const [delivered] = (await (await server.control('/ephemerals?limit=1')).json()) as DeliveredEphemeral[];
    const action = (delivered!.post.props as { attachments: { actions: Json[] }[] }).attachments[0]!.actions[0]!;
    expect(action.integration).toBeUndefined();
    expect(typeof action.cookie).toBe('string');
    await user.doPostActionWithCookie(delivered!.post.id, 'go', action.cookie as string);
    expect(bot.received.at(-1)!.body).toMatchObject({ post_id: delivered!.post.id, context: { k: 1 }, user_id: me });
    const forged = await fetch(`${server.url}/api/v4/posts/${delivered!.post.id}/actions/go`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.getToken()}` },
      body: JSON.stringify({ cookie: Buffer.from('x'.repeat(40)).toString('base64') }),
    });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as Json).message).toBe('Action integration error.');
  });

  it('names misspelt and ignored keys of an action answer in the exchange', async () => {
    const post = await buttonPost('/typo');
    await user.doPostAction(post.id, 'go');
    const [outbound] = (await exchangesOf('action')).filter((e) => e.direction === 'outbound');
    // G20 also says that a default Mattermost would refuse the loopback address.
    const byCode = new Map(outbound!.diagnosis.map((d) => [d.code, d.message]));
    expect(byCode.get('G40')).toContain('"ephemeral_txt" (did you mean "ephemeral_text"?)');
    expect(byCode.get('G33')).toContain('"goto_location" is ignored');
  });

  it('says why an action failed when the integration is down, behind the generic answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const post = await admin.createPost({
      channel_id: channelId,
      message: 'down',
      props: { attachments: [{ actions: [{ id: 'go', name: 'Go', integration: { url } }] }] },
    } as never);
    await expect(user.doPostAction(post.id, 'go')).rejects.toMatchObject({ status_code: 400, message: 'Action integration error.' });
    const [outbound] = (await exchangesOf('action')).filter((e) => e.direction === 'outbound');
    expect(outbound!.diagnosis[0]!.message).toMatch(/Connection refused/);
  });

  it('runs the /echo, /join and /help built-ins', async () => {
    const execute = (command: string, as: Client4 = user, channel = channelId) =>
      fetch(`${server.url}/api/v4/commands/execute`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${as.getToken()}` },
        body: JSON.stringify({ command, channel_id: channel }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Json }));

    expect((await execute('/echo "hello there" 0')).status).toBe(200);
    await expect
      .poll(async () => (await admin.getPosts(channelId)).posts)
      .toSatisfy((posts: Record<string, { message: string }>) => Object.values(posts).some((p) => p.message === 'hello there'));
    expect((await execute('/echo')).body.text).toBe('A message must be provided with the /echo command.');

    const created = await admin.createChannel({ team_id: teamId, name: 'ops', display_name: 'Ops', type: 'O' } as never);
    const joined = await execute('/join ~ops');
    expect(joined.body.goto_location).toBe(`${server.url}/dev/channels/ops`);
    const members = await admin.getChannelMembers(created.id);
    expect(members.map((m) => m.user_id)).toContain((await user.getMe()).id);
    expect((await execute('/join ~nowhere')).body.text).toBe("We couldn't find the channel.");
    expect((await execute('/help')).body.goto_location).toBe('https://mattermost.com/pl/help/');
  });
});
