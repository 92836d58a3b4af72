import type { Client4 } from '@mattermost/client';
import type { ServeProcess } from '../helpers/serve-process';
import { serveWithHook } from './helpers/serve-with-hook';
import { expect, test } from '@playwright/test';
import { IncomingWebhook } from '@slack/webhook';
import sharp from 'sharp';

let serve: ServeProcess;
let client: Client4;
let hookId: string;
let channelId: string;

test.beforeAll(async () => {
  ({ serve, client, hookId, channelId } = await serveWithHook());
});
test.afterAll(() => serve.cleanup());

const newestPostId = async () => (await client.getPosts(channelId, 0, 1)).order[0]!;

/** A new open channel `name` with `count` webhook posts, `line 0` to `line {count-1}`, sent in order; answers their ids, newest first. */
async function channelOfLines(name: string, count: number): Promise<string[]> {
  const team = await client.getTeamByName('dev');
  const channel = await client.createChannel({ team_id: team.id, name, display_name: name, type: 'O' } as never);
  const hook = (await client.createIncomingWebhook({ channel_id: channel.id, display_name: name } as never)).id;
  for (let i = 0; i < count; i++)
    await fetch(`${serve.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text: `line ${i}` }) });
  return (await client.getPosts(channel.id, 0, count)).order;
}

test('a webhook post sent with @slack/webhook shows in the channel view', async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'Build #42 passed' });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const post = page.locator(`#post_${postId}`);
  await expect(post).toBeVisible();
  await expect(post).toHaveAttribute('role', 'listitem');
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveText('Build #42 passed');
  await expect(post.locator('.col__name .BotTag')).toHaveText('BOT');
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Town Square');
});

test('posts arrive live, without a reload', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Town Square');
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'live <b>not bold</b>' });
  const postId = await newestPostId();
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveText('live <b>not bold</b>');
  await expect(page.locator(`#postMessageText_${postId} b`)).toHaveCount(0);
});

test('the sidebar switches channels within the page', async ({ page }) => {
  await page.goto(`${serve.url}/`);
  await expect(page).toHaveURL(/\/dev\/channels\/town-square$/);
  await page.locator('#sidebarItem_off-topic').click();
  await expect(page).toHaveURL(/\/dev\/channels\/off-topic$/);
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Off-Topic');
});

test('code blocks in known languages are highlighted, as text only', async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: '```javascript\nconst a = "<b>1</b>"; // note\n```' });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const code = page.locator(`#postMessageText_${postId} .hljs code`);
  await expect(code.locator('.hljs-keyword')).toHaveText('const');
  await expect(code.locator('.hljs-string')).toHaveText('"<b>1</b>"');
  await expect(code.locator('.hljs-comment')).toHaveText('// note');
  await expect(code).toHaveText('const a = "<b>1</b>"; // note');
  await expect(code.locator('b')).toHaveCount(0);
});

test('a long channel pages older posts in at the top, keeps the reader in place, and does not yank them down for new posts', async ({
  page,
}) => {
  const offTopic = (await client.getChannelByNameAndTeamName('dev', 'off-topic')).id;
  const hook = (await client.createIncomingWebhook({ channel_id: offTopic, display_name: 'long' } as never)).id;
  const send = (text: string) => fetch(`${serve.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text }) });
  for (let i = 0; i < 450; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => send(`history ${i + j}`)));
  await page.goto(`${serve.url}/dev/channels/off-topic`);
  const posts = page.locator('#postListContent .post');
  await expect(posts).toHaveCount(200);
  const list = page.locator('#postListContent');
  await expect.poll(() => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(5);

  const firstShown = posts.first();
  const firstId = await firstShown.getAttribute('id');
  await list.evaluate((el) => el.scrollTo(0, 0));
  // The next 200 back (the page starts at the oldest shown, which is not repeated).
  await expect.poll(() => posts.count()).toBeGreaterThan(390);
  expect(await posts.count()).toBeLessThanOrEqual(400);
  // The post that was on top is still where the reader left it, near the top of the view.
  const offset = await page
    .locator(`#${firstId}`)
    .evaluate((el) => el.getBoundingClientRect().top - document.getElementById('postListContent')!.getBoundingClientRect().top);
  // (Unkept, it would be some 12,000 px down, below the 200 posts put in above it.)
  expect(offset).toBeGreaterThan(-400);
  expect(offset).toBeLessThan(800);

  await send('arrived while reading');
  await expect(page.locator('#postListContent .post', { hasText: 'arrived while reading' })).toHaveCount(1);
  // Still up among the older posts (posts laid out as they come into view may nudge it a little).
  expect(await list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeGreaterThan(5000);
});

test('the channel view holds at most 400 posts: the newest while following a stream, the oldest while reading back', async ({ page }) => {
  const team = await client.getTeamByName('dev');
  const channel = await client.createChannel({ team_id: team.id, name: 'stream', display_name: 'Stream', type: 'O' } as never);
  const hook = (await client.createIncomingWebhook({ channel_id: channel.id, display_name: 'stream' } as never)).id;
  const send = (text: string) => fetch(`${serve.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text }) });
  const burst = async (label: string, count: number) => {
    for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => send(`${label} ${i + j}`)));
  };
  await burst('history', 300);
  await page.goto(`${serve.url}/dev/channels/stream`);
  const posts = page.locator('#postListContent .post');
  await expect(posts).toHaveCount(200);

  await burst('live', 300);
  await expect(page.locator('#postListContent .post', { hasText: 'live 299' })).toHaveCount(1);
  // 500 in the view's reach, the oldest of them gone as the newest came.
  await expect(posts).toHaveCount(400);
  await expect(page.locator('#postListContent .post', { hasText: 'history 199' })).toHaveCount(0);
  await expect(page.locator('#postListContent .post', { hasText: 'history 200' })).toHaveCount(1);

  // Reading back: older pages come in at the top, and the newest go below.
  const list = page.locator('#postListContent');
  const first = page.locator('#postListContent .post', { hasText: 'history 0' });
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo(0, 0));
    await expect(first).toHaveCount(1, { timeout: 500 });
  }).toPass();
  expect(await posts.count()).toBeLessThanOrEqual(400);
  await expect(page.locator('#postListContent .post', { hasText: 'live 299' })).toHaveCount(0);

  // A post arriving meanwhile asks for what changed since the newest post heard of (less a
  // millisecond, for posts made in the same one), not since the newest shown: that would bring
  // back every post after history 399 at each refresh.
  const refreshed: string[] = [];
  page.on('response', (response) => {
    if (/\/view\/channel\?.*since=/.test(response.url()))
      void response
        .json()
        .then((view: { posts: { posts: Record<string, { message: string }> } }) =>
          refreshed.push(...Object.values(view.posts.posts).map((post) => post.message)),
        );
  });
  await send('live 300');
  await expect.poll(() => refreshed.includes('live 300')).toBe(true);
  // At most the last burst of 50, some of which may share the newest post's millisecond.
  expect(refreshed.filter((message) => !/^live (2[5-9]\d|300)$/.test(message))).toEqual([]);
  await expect(first).toHaveCount(1);

  // And back down: the newest page in again.
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.locator('#postListContent .post', { hasText: 'live 299' })).toHaveCount(1, { timeout: 500 });
  }).toPass();
});

test('a thread opens on the right, and a reply posted there shows in the thread and the channel', async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'deploy finished, questions below' });
  const rootId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await page.locator(`#CENTER_commentIcon_${rootId}`).click();
  const rhs = page.locator('#rhsContainer');
  await expect(rhs.locator(`#rhsPost_${rootId}`)).toBeVisible();
  await expect(rhs.locator(`#rhsPostMessageText_${rootId}`)).toHaveText('deploy finished, questions below');

  await page.locator('#reply_textbox').fill('did the migrations run?');
  await page.locator('#reply_textbox').press('Enter');
  const reply = rhs.locator('[data-testid="postView"]', { hasText: 'did the migrations run?' });
  await expect(reply).toHaveCount(1);
  const replyId = (await reply.getAttribute('id'))!.replace('rhsPost_', '');
  expect((await client.getPost(replyId)).root_id).toBe(rootId);
  await expect(page.locator(`#post_${replyId}`)).toHaveClass(/post--comment/);
  await expect(page.locator(`#CENTER_commentIcon_${rootId}`)).toContainText('1');

  await page.locator('#rhsCloseButton').click();
  await expect(rhs).toHaveCount(0);
});

test('with LaTeX enabled, formulas are drawn by KaTeX, and \\href cannot make a javascript: link', async ({ page }) => {
  await client.patchConfig({ ServiceSettings: { EnableLatex: true, EnableInlineLatex: true } } as never);
  try {
    await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({
      text: '```latex\nx^2 + \\frac{a}{b} = \\sqrt{c}\n```\ninline $e^{i\\pi} + 1 = 0$ and $\\href{javascript:alert(1)}{click}$',
    });
    const postId = await newestPostId();
    await page.goto(`${serve.url}/dev/channels/town-square`);
    const message = page.locator(`#postMessageText_${postId}`);
    await expect(message.locator('div.post-body--code.tex .katex-display .katex-html')).toBeVisible();
    await expect(message.locator('div.post-body--code.tex .katex-mathml math annotation')).toHaveText('x^2 + \\frac{a}{b} = \\sqrt{c}');
    await expect(message.locator('span.post-body--code.inline-tex .katex')).toHaveCount(2);
    await expect(message.locator('.mfrac')).toHaveCount(1);
    // trust is off: \href is shown as an unsupported command, nothing links anywhere.
    await expect(message.locator('[href], [src]')).toHaveCount(0);
    await expect(message.locator('span.post-body--code.inline-tex').nth(1).locator('.katex-html')).toHaveText('\\href');
  } finally {
    await client.patchConfig({ ServiceSettings: { EnableLatex: false } } as never);
  }
});

test('a permalink opens the channel at the post, highlighted, and pages newer posts in down to the newest', async ({ page }) => {
  const team = await client.getTeamByName('dev');
  const channel = await client.createChannel({ team_id: team.id, name: 'permalinks', display_name: 'Permalinks', type: 'O' } as never);
  const hook = (await client.createIncomingWebhook({ channel_id: channel.id, display_name: 'permalinks' } as never)).id;
  const send = (text: string) => fetch(`${serve.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text }) });
  for (let i = 0; i < 20; i++) await send(`before ${i}`);
  await send('the permalink target');
  for (let i = 0; i < 280; i += 40) await Promise.all(Array.from({ length: 40 }, (_, j) => send(`after ${i + j}`)));
  // 280 newer posts: the target is on the second page of 200.
  const stored = await client.getPosts(channel.id, 1, 200);
  const target = stored.order.find((id) => stored.posts[id]!.message === 'the permalink target')!;
  expect(target).toBeDefined();

  await page.goto(`${serve.url}/dev/pl/${target}`);
  const post = page.locator(`#post_${target}`);
  await expect(post).toHaveClass(/post--highlight/);
  await expect(post).toBeInViewport();
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Permalinks');
  await expect(page).toHaveURL(new RegExp(`/dev/pl/${target}$`));
  // Only the posts around it are loaded, not the 280 newer ones.
  const posts = page.locator('#postListContent .post');
  expect(await posts.count()).toBeLessThan(150);
  await expect(page.locator('#postListContent .post', { hasText: 'before 0' })).toHaveCount(1);
  // Mattermost's highlight lasts five seconds.
  await expect(post).not.toHaveClass(/post--highlight/, { timeout: 10_000 });

  const list = page.locator('#postListContent');
  const newest = page.locator('#postListContent .post', { hasText: 'after 279' });
  await expect(async () => {
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(newest).toHaveCount(1, { timeout: 500 });
  }).toPass();
  expect(await posts.count()).toBe(301);
  // At the newest now, so live posts come in again.
  await send('live after the permalink');
  await expect(page.locator('#postListContent .post', { hasText: 'live after the permalink' })).toHaveCount(1);
});

test("a post's time links to its permalink, and a permalink to a missing post says so", async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'link to me' });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  // A post right after another of the same author shows its time only while hovered, as in Mattermost.
  await page.locator(`#post_${postId}`).hover();
  await page.locator(`#CENTER_time_${postId}`).click();
  await expect(page).toHaveURL(new RegExp(`/dev/pl/${postId}$`));
  await expect(page.locator(`#post_${postId}`)).toHaveClass(/post--highlight/);

  await page.goto(`${serve.url}/dev/pl/abcdefghijklmnopqrstuvwxyz`);
  await expect(page.locator('#permalinkNotFound')).toContainText('Permalink belongs to a deleted message');
  await client.deletePost(postId);
  await page.goto(`${serve.url}/dev/pl/${postId}`);
  await expect(page.locator('#permalinkNotFound h1')).toHaveText('Message Not Found');
});

test('a post deleted while the channel is open stays as "(message deleted)", without its message, buttons or permalink', async ({
  page,
}) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({
    text: 'soon gone',
    attachments: [{ text: 'with an attachment', actions: [{ name: 'Go', integration: { url: 'http://127.0.0.1:9/act' } }] }] as never,
  });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const post = page.locator(`#post_${postId}`);
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveText('soon gone');
  await client.deletePost(postId);
  await expect(post.locator('.post__body')).toHaveText('(message deleted)');
  await expect(post).toHaveClass(/post--hide-controls/);
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveCount(0);
  await expect(post.locator('.attachment')).toHaveCount(0);
  await expect(page.locator(`#CENTER_time_${postId}`)).toHaveCount(0);
  // After a reload it is gone, as in Mattermost.
  await page.reload();
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Town Square');
  await expect(post).toHaveCount(0);
});

test("Mattermost's own messages are signed System, an integration's keep their name and BOT tag", async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Town Square');
  const me = await client.getMe();
  const ephemeral = await client.createPostEphemeral(me.id, { channel_id: channelId, message: 'only you can see this' } as never);
  const post = page.locator(`#post_${ephemeral.id}`);
  await expect(post.locator('div.user-popover')).toHaveText('System');
  await expect(post.locator('button.user-popover')).toHaveCount(0);
  await expect(post.locator('.post__visibility')).toHaveText('(Only visible to you)');
  await expect(post).toHaveClass(/post--system/);

  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'from the hook' });
  const hookPost = page.locator(`#post_${await newestPostId()}`);
  await expect(hookPost.locator('button.user-popover')).toHaveText('sysadmin');
  await expect(hookPost.locator('.BotTag')).toHaveText('BOT');
});

test('reactions show under their post with counts, live, the viewer’s own marked', async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'deploy finished' });
  const postId = await newestPostId();
  const me = await client.getMe();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveText('deploy finished');
  await client.addReaction(me.id, postId, 'rocket');
  const reactions = page.locator(`#post_${postId} .post-reaction`);
  await expect(reactions).toHaveCount(1);
  await expect(reactions.first()).toHaveClass(/post-reaction--current-user/);
  await expect(reactions.first().locator('.post-reaction__count')).toHaveText('1');
  await expect(reactions.first().locator('[data-emoticon="rocket"]')).toHaveCount(1);
  await client.removeReaction(me.id, postId, 'rocket');
  await expect(reactions).toHaveCount(0);
});

test('a post pinned while the channel is open is marked Pinned, and unmarked when unpinned', async ({ page }) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'incident runbook' });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const post = page.locator(`#post_${postId}`);
  await expect(page.locator(`#postMessageText_${postId}`)).toHaveText('incident runbook');
  await expect(post.locator('.post-pre-header')).toHaveCount(0);
  await client.pinPost(postId);
  await expect(post.locator('.post-pre-header__text-container')).toHaveText('Pinned');
  await expect(post).toHaveClass(/post--pinned-or-flagged/);
  await client.unpinPost(postId);
  await expect(post.locator('.post-pre-header')).toHaveCount(0);
});

test('uploaded files show under their post: an image from Mockmost’s own file route, other files as cards', async ({ page }) => {
  const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#1c58d9' } })
    .png()
    .toBuffer();
  const upload = async (name: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('channel_id', channelId);
    form.append('files', new Blob([new Uint8Array(bytes)]), name);
    return (await client.uploadFile(form)).file_infos[0]!;
  };
  const picture = await upload('chart.png', image);
  const imagePost = await client.createPost({ channel_id: channelId, message: 'the chart', file_ids: [picture.id] } as never);
  const log = await upload('build.log', Buffer.from('ok\n'));
  const csv = await upload('results.csv', Buffer.alloc(2048, 'a'));
  const cardPost = await client.createPost({ channel_id: channelId, message: 'logs', file_ids: [log.id, csv.id] } as never);

  await page.goto(`${serve.url}/dev/channels/town-square`);
  const img = page.locator(`#post_${imagePost.id} .file-view--single img`);
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(400);
  expect(await img.getAttribute('src')).toMatch(/^blob:/);
  await expect(page.locator(`#post_${imagePost.id} #image-name-text`)).toHaveText('chart.png');

  const cards = page.locator(`#post_${cardPost.id} .post-image__column`);
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).locator('.post-image__name')).toHaveText('build.log');
  await expect(cards.nth(0).locator('.post-image__type')).toHaveText('LOG');
  await expect(cards.nth(0).locator('.post-image__size')).toHaveText('3B');
  await expect(cards.nth(1).locator('.file-icon.spreadsheet.icon-file-excel-outline-large')).toHaveCount(1);
  await expect(cards.nth(1).locator('.post-image__size')).toHaveText('2KB');
});

test('an attachment keeps each line of its text, pretext, fields and footer, and its long text collapses at 200 px with Show more', async ({
  page,
}) => {
  const rows = Array.from({ length: 60 }, (_, i) => `row ${i + 1}`).join('\n');
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({
    attachments: [
      {
        pretext: 'pre 1\npre 2',
        text: rows,
        fields: [{ title: 'Steps', value: 'lint\ntest\nbuild', short: false }],
        footer: 'foot 1\nfoot 2',
      },
    ] as never,
  });
  const postId = await newestPostId();
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const attachment = page.locator(`#post_${postId} .attachment`);
  await expect(attachment).toBeVisible();
  // The lines a paragraph is drawn on: the distinct tops of its text's boxes.
  const lineCount = (selector: string) =>
    attachment
      .locator(selector)
      .first()
      .evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      });
  for (const [selector, lines] of [
    ['.attachment__thumb-pretext p', 2],
    ['.attachment-field p', 3],
    ['.attachment__footer-container p', 2],
  ] as const) {
    await expect(attachment.locator(selector).first()).toHaveCSS('white-space', 'pre-wrap');
    expect(await lineCount(selector), selector).toBe(lines);
  }
  await expect(attachment.locator('.attachment__body p').first()).toHaveCSS('white-space', 'pre-wrap');
  const body = attachment.locator('.attachment__body .post-message__text-container');
  expect(await body.evaluate((element) => element.getBoundingClientRect().height)).toBe(200);
  const showMore = attachment.locator('.post-attachment-collapse #showMoreButton');
  await expect(showMore).toHaveText('Show more');
  await showMore.click();
  await expect(attachment.locator('.attachment__body')).toContainText('row 60');
  expect(await body.evaluate((element) => element.getBoundingClientRect().height)).toBeGreaterThan(60 * 15);
});

test('the sidebar draws channel types with Mattermost’s icon font, not the system’s emoji', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const lock = page.locator('#sidebarItem_private-qa .icon-lock-outline');
  const globe = page.locator('#sidebarItem_town-square .icon-globe');
  await expect(lock).toBeVisible();
  await expect(globe).toBeVisible();
  await expect(page.locator('#sidebarItem_private-qa')).not.toContainText('🔒');
  const glyph = (locator: typeof lock) =>
    locator.evaluate((element) => {
      const before = getComputedStyle(element, '::before');
      return { font: before.fontFamily, content: before.content };
    });
  expect(await glyph(lock)).toEqual({ font: expect.stringContaining('compass-icons'), content: expect.stringMatching(/^".+"$/) });
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px compass-icons'))).toBe(true);
  expect((await glyph(lock)).content).not.toBe((await glyph(globe)).content);
});

test('emoji are drawn as images from Mockmost’s own /static/emoji route: shortcodes, unicode in text, emoji-only posts and reactions', async ({
  page,
}) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'shipped :rocket: and ✅' });
  const mixed = await newestPostId();
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: ':tada:' });
  const only = await newestPostId();
  await client.addReaction((await client.getMe()).id, mixed, 'white_check_mark');
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const image = (locator: ReturnType<typeof page.locator>) => locator.evaluate((element) => getComputedStyle(element).backgroundImage);
  const rocket = page.locator(`#postMessageText_${mixed} [data-emoticon="rocket"] .emoticon`);
  await expect(rocket).toBeVisible();
  expect(await image(rocket)).toMatch(/url\("http:\/\/127\.0\.0\.1:\d+\/static\/emoji\/1f680\.png"\)/);
  expect(await image(page.locator(`#postMessageText_${mixed} [data-emoticon="white_check_mark"] .emoticon`))).toContain(
    '/static/emoji/2705.png',
  );
  const big = page.locator(`#postMessageText_${only} .emoticon`);
  expect(await big.evaluate((element) => element.getBoundingClientRect().width)).toBe(32);
  expect(await image(page.locator(`#post_${mixed} .post-reaction .emoticon`))).toContain('/static/emoji/2705.png');
  // The image itself loads, at Mattermost's 64 pixels.
  const size = await page.evaluate(async () => {
    const img = new Image();
    img.src = '/static/emoji/1f680.png';
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  expect(size).toEqual([64, 64]);
});

test('a custom emoji (:company-logo:) is drawn from its own image, in a message and as a reaction', async ({ page }) => {
  const me = await client.getMe();
  const logo = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 200, g: 30, b: 90, alpha: 1 } } })
    .png()
    .toBuffer();
  const emoji = await client.createCustomEmoji(
    { name: 'company-logo', creator_id: me.id } as never,
    new File([new Uint8Array(logo)], 'logo.png'),
  );
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'brought to you by :company-logo:' });
  const postId = await newestPostId();
  await client.addReaction(me.id, postId, 'company-logo');
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const inline = page.locator(`#postMessageText_${postId} [data-emoticon="company-logo"] .emoticon`);
  await expect(inline).toHaveAttribute('style', /background-image: url\("?blob:/);
  await expect(page.locator(`#post_${postId} .post-reaction [data-emoticon="company-logo"] .emoticon`)).toHaveAttribute(
    'style',
    /background-image: url\("?blob:/,
  );
  // The blob is the emoji's own image.
  const pixel = await inline.evaluate(async (element) => {
    const url = /url\("?(blob:[^")]+)/.exec(element.getAttribute('style') ?? '')![1]!;
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    return [...context.getImageData(5, 5, 1, 1).data];
  });
  expect(pixel).toEqual([200, 30, 90, 255]);
  expect(emoji.name).toBe('company-logo');

  // A message of nothing but emoji is drawn large, the team's own emoji counting as Mattermost's do.
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: ':company-logo: :tada:' });
  const only = await newestPostId();
  await expect(page.locator(`#postMessageText_${only} .all-emoji [data-emoticon="company-logo"]`)).toHaveCount(1);
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: ':no-such-emoji: :tada:' });
  const unknown = await newestPostId();
  await expect(page.locator(`#postMessageText_${unknown}`)).toContainText(':no-such-emoji:');
  await expect(page.locator(`#postMessageText_${unknown} .all-emoji`)).toHaveCount(0);
});

test('a post edited a hundred times a second ends with its last text, and the reader following the channel stays at the newest', async ({
  page,
}) => {
  const order = await channelOfLines('edits', 60);
  const edited = order[0]!;
  await page.goto(`${serve.url}/dev/channels/edits`);
  await expect(page.locator(`#postMessageText_${edited}`)).toHaveText('line 59');
  const list = page.locator('#postListContent');
  const distanceFromBottom = () => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  await expect.poll(distanceFromBottom).toBeLessThan(2);

  // 300 edits, growing and shrinking the post (one line, then five), as fast as they are answered.
  for (let i = 0; i < 300; i++) {
    await client.patchPost({ id: edited, message: i % 2 ? `edit ${i}` : `edit ${i}\n\nsecond\n\nthird\n\nfourth\n\nfifth` } as never);
  }
  // The message, then Mattermost's "Edited" indicator.
  await expect(page.locator(`#postMessageText_${edited}`)).toHaveText(/^edit 299Edited$/);
  await expect.poll(distanceFromBottom).toBeLessThan(2);
});

test('posts above the reader that grow (edited longer, just above the screen and far above) do not move what they read', async ({
  page,
}) => {
  const order = await channelOfLines('growing', 60);
  // Newest first: line 59 is order[0].
  const idOf = (line: number) => order[59 - line]!;
  await page.goto(`${serve.url}/dev/channels/growing`);
  const read = page.locator(`#post_${idOf(30)}`);
  await expect(read).toBeAttached();
  // The reader scrolls up to line 30, at the top of the list.
  await read.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const top = () =>
    read.evaluate((el) => el.getBoundingClientRect().top - document.getElementById('postListContent')!.getBoundingClientRect().top);
  const before = await top();
  expect(Math.abs(before)).toBeLessThan(2);

  const forty = Array.from({ length: 40 }, (_, i) => `grown line ${i}`).join('\n\n');
  for (const line of [29, 5]) {
    await client.patchPost({ id: idOf(line), message: forty } as never);
    await expect(page.locator(`#postMessageText_${idOf(line)}`)).toContainText('grown line 39');
  }
  // Each grew by some 40 lines; line 30 stays where the reader had it.
  expect(Math.abs((await top()) - before)).toBeLessThan(2);
});

test('10,000 posts as fast as Mockmost takes them: the view follows them to the newest and holds at most 400', async ({ page }) => {
  test.setTimeout(120_000);
  const team = await client.getTeamByName('dev');
  const channel = await client.createChannel({ team_id: team.id, name: 'flood', display_name: 'Flood', type: 'O' } as never);
  const hook = (await client.createIncomingWebhook({ channel_id: channel.id, display_name: 'flood' } as never)).id;
  await page.goto(`${serve.url}/dev/channels/flood`);
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Flood');
  for (let i = 0; i < 10_000; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, j) =>
        fetch(`${serve.url}/hooks/${hook}`, { method: 'POST', body: JSON.stringify({ text: `flood ${i + j}` }) }),
      ),
    );
  }
  const { order } = await client.getPosts(channel.id, 0, 1);
  await expect(page.locator(`#post_${order[0]!}`)).toBeVisible();
  expect(await page.locator('#postListContent .post').count()).toBeLessThanOrEqual(400);
});
