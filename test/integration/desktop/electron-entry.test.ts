import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MENU_LABELS } from '../../../src/main/electron/app-menu';
import { DESKTOP_PORT } from '../../../src/main/electron/start-desktop-core';
import { WINDOW_STATE_FILE } from '../../../src/main/electron/window-state';
import { DATABASE_FILE } from '../../../src/main/store/open-database';
import { ELECTRON_ENTRY, startDesktop, type DesktopProcess, type StandInConfig } from '../../helpers/desktop-process';
import { startServe, type ServeProcess } from '../../helpers/serve-process';
import { login, SYSADMIN } from '../helpers/test-core';

const running: DesktopProcess[] = [];
const serves: ServeProcess[] = [];
const dirs: string[] = [];
const blockers: Server[] = [];

function newAppData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mockmost-desktop-'));
  dirs.push(dir);
  return dir;
}

function desktop(config: StandInConfig): DesktopProcess {
  const app = startDesktop(config);
  running.push(app);
  return app;
}

/** Starts the app and answers the URL its window loaded, once the window is shown. */
async function started(config: StandInConfig): Promise<{ app: DesktopProcess; url: string }> {
  const app = desktop(config);
  const load = await app.waitForCall('window.loadURL');
  await app.waitForCall('window.show');
  return { app, url: new URL(load.args[0] as string).origin };
}

async function quit(app: DesktopProcess): Promise<void> {
  await app.order({ type: 'quit' }).catch(() => undefined);
  expect(await app.exited).toBe(0);
}

const MENU = (label: string) => ({ type: 'click' as const, path: [MENU_LABELS.mockmost, label] });

async function townSquare(url: string): Promise<{ token: string; channel: string }> {
  const token = await login(url, SYSADMIN);
  const response = await fetch(`${url}/api/v4/teams/name/dev/channels/name/town-square`, { headers: { Authorization: `Bearer ${token}` } });
  return { token, channel: ((await response.json()) as { id: string }).id };
}

async function post(url: string, message: string): Promise<void> {
  const { token, channel } = await townSquare(url);
  const response = await fetch(`${url}/api/v4/posts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ channel_id: channel, message }),
  });
  expect(response.status).toBe(201);
}

async function messages(url: string): Promise<string[]> {
  const { token, channel } = await townSquare(url);
  const response = await fetch(`${url}/api/v4/channels/${channel}/posts`, { headers: { Authorization: `Bearer ${token}` } });
  const list = (await response.json()) as { order: string[]; posts: Record<string, { message: string }> };
  return list.order.map((id) => list.posts[id]!.message);
}

const clipboardText = async (app: DesktopProcess, from: number) => (await app.waitForCall('clipboard.writeText', undefined, from)).args[0];

describe('the desktop app (the built Electron entry under Node, with a stand-in electron module)', () => {
  beforeAll(() => {
    if (!existsSync(ELECTRON_ENTRY)) throw new Error('run `npm run build` first: these tests start out/main/electron.js');
  });
  afterEach(async () => {
    for (const app of running.splice(0)) {
      app.kill();
      await app.exited;
    }
    await Promise.all(serves.splice(0).map((serve) => serve.cleanup()));
    await Promise.all(blockers.splice(0).map((server) => new Promise((done) => server.close(done))));
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it("starts the core with its data in userData, and the window loads the core's URL, which serves the UI", async () => {
    const appData = newAppData();
    const { app, url } = await started({ appData });
    const userData = join(appData, 'mockmost');
    expect(app.calls.find((c) => c.name === 'app.setPath')?.args).toEqual(['userData', userData]);
    expect(existsSync(join(userData, DATABASE_FILE))).toBe(true);

    const options = app.calls.find((c) => c.name === 'BrowserWindow')!.args[0] as { title: string; webPreferences: { preload: string } };
    expect(options.webPreferences.preload).toBe(resolve(ELECTRON_ENTRY, '../../preload/index.js'));
    expect(existsSync(options.webPreferences.preload)).toBe(true);
    expect(options.title).toBe(`Mockmost — ${url}`);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`${url}${script}`);
    expect([bundle.status, bundle.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    await quit(app);
  });

  it('brings the first window forward when a second instance starts, and the second quits without starting a core', async () => {
    const appData = newAppData();
    const { app } = await started({ appData });
    await app.order({ type: 'minimize' });
    await app.order({ type: 'appEvent', event: 'second-instance' });
    await app.waitForCall('window.restore');
    await app.waitForCall('window.focus');

    const second = desktop({ appData, singleInstanceLock: false });
    expect(await second.exited).toBe(0);
    expect(second.calls.map((c) => c.name)).toEqual(['app.setPath', 'app.requestSingleInstanceLock', 'app.quit']);
    await quit(app);
  });

  it(`listens on a free port when ${DESKTOP_PORT} is taken`, async () => {
    const blocker = createServer();
    // If something else already holds the port, it is taken all the same.
    await new Promise<void>((done) => blocker.once('error', () => done()).listen(DESKTOP_PORT, '127.0.0.1', done));
    blockers.push(blocker);
    const { app, url } = await started({ appData: newAppData() });
    expect(new URL(url).port).not.toBe(String(DESKTOP_PORT));
    expect((await fetch(`${url}/api/v4/system/ping`)).status).toBe(200);
    await quit(app);
  });

  it('stops the core and closes the database on quit: a restart on the same data sees every post', async () => {
    const appData = newAppData();
    const first = await started({ appData });
    for (const n of [1, 2, 3]) await post(first.url, `before quit ${n}`);
    await quit(first.app);
    const userData = join(appData, 'mockmost');
    expect(existsSync(join(userData, 'mockmost.lock'))).toBe(false);
    // The write-ahead log is folded in and removed only when the last connection closes cleanly.
    expect(existsSync(join(userData, `${DATABASE_FILE}-wal`))).toBe(false);

    const second = await started({ appData });
    expect(await messages(second.url)).toEqual(expect.arrayContaining(['before quit 1', 'before quit 2', 'before quit 3']));
    await quit(second.app);
  });

  it('copies the server URL and the control token, and opens the browser and the data folder, from the menu', async () => {
    const appData = newAppData();
    const { app, url } = await started({ appData });
    const template = app.calls.find((c) => c.name === 'Menu.setApplicationMenu')!.args[0] as { role?: string }[];
    expect(template.map((item) => item.role).filter(Boolean)).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu']));

    let from = app.calls.length;
    await app.order(MENU(MENU_LABELS.copyServerUrl));
    expect(await clipboardText(app, from)).toBe(url);

    from = app.calls.length;
    await app.order(MENU(MENU_LABELS.copyControlToken));
    const token = (await clipboardText(app, from)) as string;
    expect((await fetch(`${url}/_mockmost/api/settings`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${url}/_mockmost/api/settings`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);

    await app.order(MENU(MENU_LABELS.openInBrowser));
    expect((await app.waitForCall('shell.openExternal')).args).toEqual([`${url}/`]);
    await app.order(MENU(MENU_LABELS.openDataFolder));
    expect((await app.waitForCall('shell.openPath')).args).toEqual([join(appData, 'mockmost')]);
    await quit(app);
  });

  it('resets the workspace from the menu only once the user confirms', async () => {
    const { app, url } = await started({ appData: newAppData() });
    await post(url, 'keep me unless confirmed');

    await app.order({ type: 'messageBox', answer: { response: 1, checkboxChecked: false } });
    let from = app.calls.length;
    await app.order(MENU(MENU_LABELS.resetWorkspace));
    expect((await app.waitForCall('dialog.showMessageBox', undefined, from)).args[0]).toMatchObject({
      buttons: ['Reset', 'Cancel'],
      cancelId: 1,
    });
    expect(await messages(url)).toContain('keep me unless confirmed');

    await app.order({ type: 'messageBox', answer: { response: 0, checkboxChecked: false } });
    from = app.calls.length;
    await app.order(MENU(MENU_LABELS.resetWorkspace));
    await app.waitForCall('webContents.reload', undefined, from);
    expect(await messages(url)).not.toContain('keep me unless confirmed');
    await quit(app);
  });

  it('remembers the window size and position, unless that place is off every screen now', async () => {
    const appData = newAppData();
    const first = await started({ appData });
    await first.app.order({ type: 'setBounds', bounds: { x: 200, y: 150, width: 1000, height: 700 } });
    await quit(first.app);
    expect(JSON.parse(readFileSync(join(appData, 'mockmost', WINDOW_STATE_FILE), 'utf8'))).toEqual({
      bounds: { x: 200, y: 150, width: 1000, height: 700 },
      maximized: false,
    });

    const second = await started({ appData });
    expect(second.app.calls.find((c) => c.name === 'BrowserWindow')!.args[0]).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    await quit(second.app);

    // The screen it was on is gone: same size, no position (Electron centres the window).
    const third = await started({ appData, workAreas: [{ x: 3000, y: 0, width: 1280, height: 800 }] });
    const options = third.app.calls.find((c) => c.name === 'BrowserWindow')!.args[0] as Record<string, unknown>;
    expect([options.x, options.y, options.width, options.height]).toEqual([undefined, undefined, 1000, 700]);
    await quit(third.app);
  });

  it('shows why it cannot start in an error box and exits 1: a data dir used by a running serve, an unusable folder', async () => {
    const appData = newAppData();
    const serve = await startServe([], { dataDir: join(appData, 'mockmost') });
    serves.push(serve);
    const locked = desktop({ appData });
    const box = await locked.waitForCall('dialog.showErrorBox');
    expect(box.args[0]).toBe('Mockmost cannot start');
    expect(box.args[1]).toMatch(new RegExp(`data dir .*mockmost is in use by another Mockmost \\(pid ${serve.child.pid}\\)`));
    expect(await locked.exited).toBe(1);
    expect(locked.calls.some((c) => c.name === 'BrowserWindow')).toBe(false);
    expect((await fetch(`${serve.url}/api/v4/system/ping`)).status).toBe(200);

    const notAFolder = join(newAppData(), 'file');
    writeFileSync(notAFolder, 'not a folder');
    const unusable = desktop({ appData: notAFolder });
    const second = await unusable.waitForCall('dialog.showErrorBox');
    expect(second.args[1]).toContain(`data dir ${join(notAFolder, 'mockmost')} cannot be created: ENOTDIR`);
    expect(await unusable.exited).toBe(1);
  });

  it('names an SQLite binary it cannot load, with its path and the ABI it needs, and leaves the data as it was', async () => {
    const appData = newAppData();
    const first = await started({ appData });
    await post(first.url, 'stored before the binary broke');
    await quit(first.app);

    const broken = join(newAppData(), 'better_sqlite3.node');
    writeFileSync(broken, 'not a shared object');
    const app = desktop({ appData, sqliteBinding: broken });
    const box = await app.waitForCall('dialog.showErrorBox');
    expect(box.args[0]).toBe('Mockmost cannot start');
    expect(box.args[1]).toMatch(/^SQLite's native module \S+better-sqlite3[/\\]prebuilds[/\\][\w-]+\.node cannot be loaded \(/);
    expect(box.args[1]).toContain(broken);
    expect(box.args[1]).toContain(
      `needs a Node-API 10 build (it offers Node-API ${process.versions.napi}, ABI ${process.versions.modules})`,
    );
    expect(await app.exited).toBe(1);

    const again = await started({ appData });
    expect(await messages(again.url)).toContain('stored before the binary broke');
    await quit(again.app);
  });
});
