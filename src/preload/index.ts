// The whole bridge between the page and main: named functions only, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_OPEN_EXTERNAL, type DesktopBridge } from '../shared/contract/desktop-bridge';

const bridge: DesktopBridge = {
  openExternal: (url) => ipcRenderer.invoke(IPC_OPEN_EXTERNAL, String(url)) as Promise<boolean>,
};

contextBridge.exposeInMainWorld('mockmost', bridge);
