// The Electron entry: the only file that imports 'electron'. It starts the same core as
// `mockmost serve` and shows its web UI in one hardened window.
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { createCore } from '../core/create-core';
import type { Core } from '../core/core';
import { StartupError } from '../core/startup-error';
import { registerBridge } from './bridge';
import { navigationDecision, openExternalSafely } from './navigation';
import { windowOptions } from './window-options';

const DEFAULT_PORT = 8065;

async function startCore(): Promise<Core> {
  const options = {
    host: '127.0.0.1',
    dataDir: app.getPath('userData'),
    rendererDir: join(__dirname, '../renderer'),
    log: (line: string) => console.error(line),
  };
  const core = createCore({ ...options, port: DEFAULT_PORT });
  try {
    await core.start();
    return core;
  } catch (error) {
    // Another server (perhaps a real Mattermost) owns 8065: run on a free port instead.
    if (!(error instanceof StartupError) || error.code !== 'PORT_IN_USE') throw error;
    const fallback = createCore({ ...options, port: 0 });
    await fallback.start();
    return fallback;
  }
}

const openExternal = (url: unknown) => openExternalSafely((checked) => shell.openExternal(checked), url);

function openWindow(core: Core): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js')));
  const origin = new URL(core.url).origin;
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url, origin) === 'external') openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    const decision = navigationDecision(url, origin);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'external') openExternal(url);
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${core.url}/`);
  return window;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  // No page of ours needs the camera, notifications or anything else a site may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  let core: Core;
  try {
    core = await startCore();
  } catch (error) {
    dialog.showErrorBox('Mockmost cannot start', (error as Error).message);
    app.exit(1);
    return;
  }
  registerBridge(ipcMain, { appOrigin: () => new URL(core.url).origin, openExternal });
  let window = openWindow(core);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow(core);
  });
  app.on('window-all-closed', () => app.quit());
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void core.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}

void main();
