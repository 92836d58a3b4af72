/**
 * What the preload script exposes as `window.mockmost` in the desktop app. In `serve` mode it
 * is absent and the renderer falls back to the browser (e.g. `window.open` for links).
 */
export interface DesktopBridge {
  /** Opens an http(s) URL in the system browser; anything else is refused by main. */
  openExternal(url: string): Promise<boolean>;
}

/** IPC channel names: `area:verb-noun`, spoken by the renderer to main. */
export const IPC_OPEN_EXTERNAL = 'desktop:open-external';
