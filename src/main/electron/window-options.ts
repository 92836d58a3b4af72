import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_WINDOW, type Rectangle } from './window-state';

/**
 * The one window's settings. The renderer shows untrusted posts, so it gets no Node, runs
 * sandboxed and isolated from the preload, and can reach main only through the preload's
 * named functions. `placement` is the size and position remembered from the last run.
 */
export function windowOptions(
  preloadPath: string,
  placement: Partial<Rectangle> = {},
  title = 'Mockmost',
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    ...placement,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    title,
    backgroundColor: '#1e325c',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
