import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ELECTRON_ENTRY = resolve(__dirname, '../../out/main/electron.js');
const REGISTER_STAND_IN = resolve(__dirname, 'electron-stand-in/register.mjs');

export interface StandInConfig {
  /** What app.getPath('appData') answers; the app keeps its data in `<appData>/mockmost`. */
  appData: string;
  singleInstanceLock?: boolean;
  workAreas?: { x: number; y: number; width: number; height: number }[];
  /** A file loaded in place of SQLite's prebuilt binary. */
  sqliteBinding?: string;
}

export interface Call {
  name: string;
  args: unknown[];
}

/** An order for the stand-in (test/helpers/electron-stand-in/electron.mjs `orders`). */
export type Order =
  | { type: 'click'; path: string[] }
  | { type: 'appEvent'; event: string }
  | { type: 'minimize' | 'closeWindow' | 'quit' }
  | { type: 'setBounds'; bounds: { x: number; y: number; width: number; height: number } }
  | { type: 'messageBox'; answer: { response: number; checkboxChecked: boolean } };

export interface DesktopProcess {
  child: ChildProcess;
  calls: Call[];
  stderr(): string;
  /** Resolves with the first call named `name` (from `after` on) that `match` accepts. */
  waitForCall(name: string, match?: (call: Call) => boolean, after?: number): Promise<Call>;
  /** Sends an order and resolves once the stand-in has carried it out. */
  order(order: Order): Promise<void>;
  exited: Promise<number | null>;
  kill(): void;
}

const DEADLINE_MS = 15_000;

/** The built Electron entry, run under Node with the stand-in `electron` module. */
export function startDesktop(config: StandInConfig): DesktopProcess {
  const child = fork(ELECTRON_ENTRY, [], {
    execArgv: ['--import', REGISTER_STAND_IN],
    env: { ...process.env, ELECTRON_STAND_IN: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const calls: Call[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('message', (message: { type: string } & Call) => {
    if (message.type !== 'call') return;
    calls.push({ name: message.name, args: message.args });
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const waitFor = (what: string, match: (call: Call) => boolean, after: number) =>
    new Promise<Call>((found, fail) => {
      const check = () => {
        const call = calls.slice(after).find(match);
        if (!call) return false;
        cleanup();
        found(call);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`no ${what} call; calls so far: ${calls.map((c) => c.name).join(', ')}; stderr: ${stderr}`));
      }, DEADLINE_MS);
      const onExit = () => {
        if (check()) return;
        cleanup();
        fail(new Error(`the app exited without a ${what} call; calls: ${calls.map((c) => c.name).join(', ')}; stderr: ${stderr}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(listener);
        child.removeListener('exit', onExit);
      };
      const listener = () => void check();
      if (check()) return;
      listeners.add(listener);
      child.once('exit', onExit);
    });
  const waitForCall = (name: string, match: (call: Call) => boolean = () => true, after = 0) =>
    waitFor(name, (call) => call.name === name && match(call), after);

  return {
    child,
    calls,
    stderr: () => stderr,
    waitForCall,
    async order(order) {
      const from = calls.length;
      child.send(order);
      const outcome = await waitFor(
        `stand-in.done ${order.type}`,
        (c) => (c.name === 'stand-in.done' || c.name === 'stand-in.failed') && c.args[0] === order.type,
        from,
      );
      if (outcome.name === 'stand-in.failed') throw new Error(`the stand-in could not ${order.type}: ${String(outcome.args[1])}`);
    },
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
