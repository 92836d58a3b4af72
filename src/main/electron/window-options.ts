import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one window's settings. The renderer shows untrusted posts, so it gets no Node, runs
 * sandboxed and isolated from the preload, and can reach main only through the preload's
 * named functions.
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Mockmost',
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
