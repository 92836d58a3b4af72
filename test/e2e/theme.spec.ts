import type { Client4 } from '@mattermost/client';
import type { Page } from '@playwright/test';
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

const variable = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

/** The screenshot's pixels inside an element's box, as [r, g, b] triples. */
async function pixelsOf(page: Page, selector: string): Promise<[number, number, number][]> {
  const box = (await page.locator(selector).first().boundingBox())!;
  const shot = await page.screenshot({ clip: box });
  const { data, info } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels: [number, number, number][] = [];
  for (let i = 0; i < info.width * info.height * 3; i += 3) pixels.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  return pixels;
}

const saturated = ([r, g, b]: [number, number, number]) => Math.max(r, g, b) - Math.min(r, g, b) > 80;

test('follows the system into Onyx, and the choice in Settings wins over it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'denim');
  expect(await variable(page, '--center-channel-bg')).toBe('#ffffff');
  // The system turns dark while the app is open.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'onyx');
  expect(await variable(page, '--center-channel-bg')).toBe('#191b1f');
  expect(await variable(page, '--sidebar-bg')).toBe('#202228');

  await page.locator('#settingsLink').click();
  await page.locator('#themeSelect').selectOption('denim');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'denim');
  await page.reload();
  await expect(page.locator('#themeSelect')).toHaveValue('denim');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'denim');
  await page.locator('#themeSelect').selectOption('onyx');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'onyx');
});

test('a screenshot in Onyx, in a Chromium without an emoji font, shows emoji as pictures and the private channel’s lock', async ({
  page,
}) => {
  await new IncomingWebhook(`${serve.url}/hooks/${hookId}`).send({ text: 'deployed :rocket: 🚀' });
  const postId = (await client.getPosts(channelId, 0, 1)).order[0]!;
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${serve.url}/dev/channels/town-square`);
  const emoji = page.locator(`#postMessageText_${postId} [data-emoticon="rocket"] .emoticon`);
  // The shortcode and the unicode character both became Mattermost's emoticon span.
  await expect(emoji).toHaveCount(2);
  await expect.poll(() => page.evaluate(() => [...document.images].every((i) => i.complete))).toBe(true);
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px compass-icons'))).toBe(true);
  await page.mouse.move(0, 0);

  // The channel's background is Onyx's, in the pixels themselves.
  const header = await pixelsOf(page, '#channel-header');
  expect(header.filter(([r, g, b]) => r === 25 && g === 27 && b === 31).length / header.length).toBeGreaterThan(0.5);
  // Each emoji is a picture: the rocket's reds and blues, which no missing-glyph box has.
  for (const index of [0, 1]) {
    await expect
      .poll(async () => {
        const box = (await emoji.nth(index).boundingBox())!;
        const shot = await page.screenshot({ clip: box });
        const { data } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
        let colourful = 0;
        for (let i = 0; i < data.length; i += 3) if (saturated([data[i]!, data[i + 1]!, data[i + 2]!])) colourful++;
        return colourful;
      })
      .toBeGreaterThan(20);
  }
  // The lock is drawn: light pixels on the sidebar's dark background where the icon sits.
  const lock = await pixelsOf(page, '#sidebarItem_private-qa .icon-lock-outline');
  expect(lock.some(([r, g, b]) => r + g + b > 3 * 120)).toBe(true);
  expect(lock.some(([r, g, b]) => r + g + b < 3 * 60)).toBe(true);
});
