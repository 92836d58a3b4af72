// A stand-in for the `electron` module, so the built desktop entry (out/main/electron.js) runs
// under plain Node: Electron's binary cannot be downloaded on the test machines. It behaves as
// Electron does where the entry depends on it (events, quit sequence, window lifecycle), reports
// every call to the test over the IPC channel, and takes the test's orders (menu clicks, app and
// window events, dialog answers) back. Configured by the ELECTRON_STAND_IN environment variable.
import { EventEmitter } from 'node:events';

const config = JSON.parse(process.env.ELECTRON_STAND_IN ?? '{}');
const pending = new Set();

/** Reports a call; functions and other non-JSON values are dropped, as they cannot cross IPC. */
function report(name, ...args) {
  if (!process.send) return;
  const sent = new Promise((done) => process.send({ type: 'call', name, args: JSON.parse(JSON.stringify(args)) }, done));
  pending.add(sent);
  void sent.then(() => pending.delete(sent));
}

/** Exits once the test has every report, as Electron's own exit would after the last event. */
async function exitAfterReports(code) {
  await Promise.all(pending);
  process.exit(code);
}

function cancellableEvent() {
  let prevented = false;
  return {
    preventDefault: () => (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
}

const paths = new Map([['appData', config.appData]]);
const windows = [];
let applicationMenu;
let messageBoxAnswer = { response: 1, checkboxChecked: false };
let exiting = false;

class App extends EventEmitter {
  getPath(name) {
    const path = paths.get(name);
    if (!path) throw new Error(`stand-in: no path for ${name}`);
    return path;
  }
  setPath(name, path) {
    report('app.setPath', name, path);
    paths.set(name, path);
  }
  requestSingleInstanceLock() {
    report('app.requestSingleInstanceLock');
    return config.singleInstanceLock !== false;
  }
  whenReady() {
    return Promise.resolve();
  }
  /** Electron's order: before-quit (cancellable), every window closes, will-quit, quit, exit. */
  quit() {
    report('app.quit');
    if (exiting) return;
    const event = cancellableEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of BrowserWindow.getAllWindows()) window.close();
    this.emit('will-quit', cancellableEvent());
    this.emit('quit');
    exiting = true;
    void exitAfterReports(0);
  }
  exit(code = 0) {
    report('app.exit', code);
    exiting = true;
    void exitAfterReports(code);
  }
}

export const app = new App();

class WebContents extends EventEmitter {
  setWindowOpenHandler() {
    report('webContents.setWindowOpenHandler');
  }
  reload() {
    report('webContents.reload');
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }
  constructor(options) {
    super();
    report('BrowserWindow', options);
    this.destroyed = false;
    this.minimized = false;
    this.maximized = false;
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width, height: options.height };
    this.webContents = new WebContents();
    windows.push(this);
  }
  loadURL(url) {
    report('window.loadURL', url);
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show() {
    report('window.show');
  }
  focus() {
    report('window.focus');
  }
  restore() {
    report('window.restore');
    this.minimized = false;
  }
  minimize() {
    this.minimized = true;
  }
  maximize() {
    report('window.maximize');
    this.maximized = true;
  }
  isMinimized() {
    return this.minimized;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  setBounds(bounds) {
    this.bounds = { ...this.bounds, ...bounds };
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  close() {
    const event = cancellableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

export const ipcMain = {
  handle: (channel) => report('ipcMain.handle', channel),
};

export const session = {
  defaultSession: { setPermissionRequestHandler: () => report('session.setPermissionRequestHandler') },
};

export const dialog = {
  showErrorBox: (title, content) => report('dialog.showErrorBox', title, content),
  showMessageBox: (_window, options) => {
    report('dialog.showMessageBox', options);
    return Promise.resolve(messageBoxAnswer);
  },
};

export const shell = {
  openExternal: (url) => {
    report('shell.openExternal', url);
    return Promise.resolve();
  },
  openPath: (path) => {
    report('shell.openPath', path);
    return Promise.resolve('');
  },
};

export const clipboard = {
  writeText: (text) => report('clipboard.writeText', text),
};

export const screen = {
  getAllDisplays: () => (config.workAreas ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]).map((workArea) => ({ workArea })),
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => {
    applicationMenu = menu;
    report('Menu.setApplicationMenu', menu.template);
  },
};

function findMenuItem(items, [label, ...rest]) {
  const item = items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`stand-in: no menu item ${label}`);
  return rest.length === 0 ? item : findMenuItem(item.submenu, rest);
}

const orders = {
  click: ({ path }) => findMenuItem(applicationMenu.template, path).click(),
  appEvent: ({ event }) => app.emit(event, cancellableEvent(), [], process.cwd()),
  minimize: () => BrowserWindow.getAllWindows()[0].minimize(),
  setBounds: ({ bounds }) => BrowserWindow.getAllWindows()[0].setBounds(bounds),
  closeWindow: () => BrowserWindow.getAllWindows()[0].close(),
  messageBox: ({ answer }) => (messageBoxAnswer = answer),
  quit: () => app.quit(),
};

process.on('message', (message) => {
  try {
    orders[message.type](message);
    report('stand-in.done', message.type);
  } catch (error) {
    report('stand-in.failed', message.type, error.message);
  }
});

export default { app, BrowserWindow, ipcMain, session, dialog, shell, clipboard, screen, Menu };
