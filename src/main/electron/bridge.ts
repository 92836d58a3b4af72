import { IPC_OPEN_EXTERNAL } from '../../shared/contract/desktop-bridge';
import { isAppUrl } from './navigation';

/** The part of Electron's IpcMainInvokeEvent that the handlers read. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain that the bridge uses, so it can be tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface BridgeDeps {
  appOrigin: () => string;
  /** Opens a URL in the system browser after checking it (navigation.ts openExternalSafely). */
  openExternal: (url: unknown) => boolean;
}

/**
 * Serves the preload's calls. Every message is checked in main: it must come from our own page
 * (not a frame that navigated elsewhere) and carry exactly the arguments the contract declares.
 */
export function registerBridge(ipc: IpcMainLike, deps: BridgeDeps): void {
  ipc.handle(IPC_OPEN_EXTERNAL, (event, ...args) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url, deps.appOrigin())) return false;
    if (args.length !== 1) return false;
    return deps.openExternal(args[0]);
  });
}
