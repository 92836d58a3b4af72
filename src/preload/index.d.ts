import type { DesktopBridge } from '../shared/contract/desktop-bridge';

declare global {
  interface Window {
    /** Present in the desktop app only; `serve` mode has no preload. */
    mockmost?: DesktopBridge;
  }
}
