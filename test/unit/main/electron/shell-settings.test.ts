import { describe, expect, it } from 'vitest';
import { registerBridge, type InvokeEventLike } from '../../../../src/main/electron/bridge';
import { isExternalUrlAllowed, navigationDecision, openExternalSafely } from '../../../../src/main/electron/navigation';
import { windowOptions } from '../../../../src/main/electron/window-options';
import { RENDERER_CSP } from '../../../../src/main/server/csp';
import { IPC_OPEN_EXTERNAL } from '../../../../src/shared/contract/desktop-bridge';

const APP = 'http://127.0.0.1:8065';

describe('the Electron window', () => {
  it('isolates, sandboxes and denies Node to the renderer', () => {
    const prefs = windowOptions('/app/preload.js').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('has a CSP without inline or remote script that still lets Monaco start its workers', () => {
    const directives = Object.fromEntries(RENDERER_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
  });
});

describe('navigation and external links', () => {
  it('keeps in-app routes, sends http(s) out, drops every other scheme', () => {
    expect(navigationDecision(`${APP}/dev/channels/off-topic`, APP)).toBe('allow');
    expect(navigationDecision('https://mattermost.com/', APP)).toBe('external');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'vbscript:x', 'not a url']) {
      expect(navigationDecision(url, APP)).toBe('deny');
    }
  });

  it('opens only http and https URLs externally', () => {
    expect(isExternalUrlAllowed('http://example.com')).toBe(true);
    expect(isExternalUrlAllowed('mailto:a@b.c')).toBe(false);
    expect(isExternalUrlAllowed(42)).toBe(false);
  });
});

describe('the IPC bridge', () => {
  function bridge() {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    const opened: string[] = [];
    registerBridge(
      { handle: (channel, listener) => handlers.set(channel, listener) },
      { appOrigin: () => APP, openExternal: (url) => openExternalSafely(async (checked) => void opened.push(checked), url) },
    );
    return { invoke: handlers.get(IPC_OPEN_EXTERNAL)!, opened };
  }

  it('opens a valid URL asked for by our own page', async () => {
    const { invoke, opened } = bridge();
    expect(await invoke({ senderFrame: { url: `${APP}/dev/channels/town-square` } }, 'https://example.com/x')).toBe(true);
    expect(opened).toEqual(['https://example.com/x']);
  });

  it('refuses foreign frames, extra arguments and bad URLs', async () => {
    const { invoke, opened } = bridge();
    expect(await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'https://example.com')).toBe(false);
    expect(await invoke({ senderFrame: null }, 'https://example.com')).toBe(false);
    expect(await invoke({ senderFrame: { url: APP } }, 'https://example.com', 'extra')).toBe(false);
    expect(await invoke({ senderFrame: { url: APP } }, 'javascript:alert(1)')).toBe(false);
    expect(opened).toEqual([]);
  });
});
