import type { ServeProcess } from '../helpers/serve-process';
import { serveWithHook } from './helpers/serve-with-hook';
import { expect, test } from '@playwright/test';

let serve: ServeProcess;

test.beforeAll(async () => {
  ({ serve } = await serveWithHook());
});
test.afterAll(() => serve.cleanup());

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

test('every page sits in one shell: the rail marks where you are, the header names the team and the listen URL', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await expect(page.locator('#listenUrl')).toHaveText(serve.url);
  await expect(page.locator('#headerTeamName')).toHaveText('Dev Team');
  await expect(page.locator('#channelsLink')).toHaveAttribute('aria-current', 'page');
  for (const [link, url, landmark] of [
    ['#composerLink', /\/_mockmost\/composer$/, '#composer-kind'],
    ['#trafficLink', /\/_mockmost\/traffic$/, '#trafficList'],
    ['#integrationsLink', /\/_mockmost\/integrations$/, '.integrations h1'],
    ['#settingsLink', /\/_mockmost\/settings$/, '#settingsPage'],
  ] as const) {
    await page.locator(link).click();
    await expect(page).toHaveURL(url);
    await expect(page.locator(landmark).first()).toBeVisible();
    await expect(page.locator(link)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('#appRail [aria-current="page"]')).toHaveCount(1);
    await expect(page.locator('#listenUrl')).toHaveText(serve.url);
  }
  // A page opened afresh, before any channel has loaded, still names the team last in view.
  await page.goto(`${serve.url}/_mockmost/traffic`);
  await expect(page.locator('#trafficList')).toBeVisible();
  await expect(page.locator('#headerTeamName')).toHaveText('Dev Team');
  // Channels goes back to the channel last viewed, not to the start page.
  await page.locator('#channelsLink').click();
  await expect(page).toHaveURL(/\/dev\/channels\/town-square$/);
});

test('keyboard: Ctrl/Cmd+K finds a channel, Ctrl/Cmd+Shift+3 opens Traffic, Ctrl/Cmd+/ lists the shortcuts, Escape closes', async ({
  page,
}) => {
  await page.goto(`${serve.url}/dev/channels/town-square`);
  await expect(page.locator('#channelHeaderTitle')).toHaveText('Town Square');
  await page.keyboard.press(`${MOD}+k`);
  const input = page.locator('#quickSwitchInput');
  await expect(input).toBeFocused();
  await input.fill('priv');
  await expect(page.locator('#channelSwitcher [role="option"]')).toHaveText([/Private QA/]);
  await input.press('Enter');
  await expect(page).toHaveURL(/\/dev\/channels\/private-qa$/);
  await expect(page.locator('#channelSwitcher')).toHaveCount(0);

  await page.keyboard.press(`${MOD}+k`);
  await page.locator('#quickSwitchInput').fill('zzz-no-such');
  await expect(page.locator('#channelSwitcher')).toContainText('No channel matches.');
  await page.keyboard.press('Escape');
  await expect(page.locator('#channelSwitcher')).toHaveCount(0);

  await page.keyboard.press(`${MOD}+Shift+Digit3`);
  await expect(page).toHaveURL(/\/_mockmost\/traffic$/);
  await page.keyboard.press(`${MOD}+/`);
  await expect(page.locator('#shortcutsModal')).toContainText('Open Traffic');
  await page.keyboard.press('Escape');
  await expect(page.locator('#shortcutsModal')).toHaveCount(0);
  // The switcher works from Mockmost's own pages too.
  await page.keyboard.press(`${MOD}+k`);
  await page.locator('#quickSwitchInput').fill('off');
  await page.locator('#switchChannel_off-topic').click();
  await expect(page).toHaveURL(/\/dev\/channels\/off-topic$/);
});

test('the app reopens where it was left, and pane widths are kept', async ({ page }) => {
  await page.goto(`${serve.url}/dev/channels/off-topic`);
  const sidebar = page.locator('#SidebarContainer');
  const width = () => sidebar.evaluate((element) => element.getBoundingClientRect().width);
  expect(await width()).toBe(240);
  await page.locator('#sidebarSplitter').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(width).toBe(272);
  // Dragged with the mouse as well.
  const bar = (await page.locator('#sidebarSplitter').boundingBox())!;
  await page.mouse.move(bar.x + 2, bar.y + 100);
  await page.mouse.down();
  await page.mouse.move(bar.x + 42, bar.y + 100, { steps: 4 });
  await page.mouse.up();
  await expect.poll(width).toBe(312);

  await page.locator('#trafficLink').click();
  await expect(page.locator('#trafficList')).toBeVisible();
  // Opened again at `/` (as the desktop window is): the last page, then Channels gives the last channel.
  await page.goto(`${serve.url}/`);
  await expect(page).toHaveURL(/\/_mockmost\/traffic$/);
  await page.locator('#channelsLink').click();
  await expect(page).toHaveURL(/\/dev\/channels\/off-topic$/);
  expect(await width()).toBe(312);
  // Asked for later in the same page, `/` is the last channel, not the last page.
  await page.locator('#settingsLink').click();
  await page.evaluate(() => {
    window.history.pushState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page).toHaveURL(/\/dev\/channels\/off-topic$/);
});

test('garbage in the stored layout is ignored: default widths and the home channel', async ({ page }) => {
  await page.goto(`${serve.url}/_mockmost/settings`);
  await page.evaluate(() => {
    localStorage.setItem('mockmost.pane.sidebar', '-1e309');
    localStorage.setItem('mockmost.lastPage', '/../../etc/passwd');
    localStorage.setItem('mockmost.lastChannel', '/dev/channels/no-such-channel');
    localStorage.setItem('mockmost.theme', '{"sidebarBg":"url(javascript:alert(1))"}');
  });
  await page.goto(`${serve.url}/`);
  await expect(page).toHaveURL(/\/dev\/channels\/town-square$/);
  expect(await page.locator('#SidebarContainer').evaluate((element) => element.getBoundingClientRect().width)).toBe(240);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'denim');
});
