import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * electron-vite forces `base: './'` for file:// loading, but both the desktop window and
 * `serve` load the renderer over HTTP at deep routes (/dev/channels/…), where relative asset
 * URLs would break.
 */
function absoluteBase(): Plugin {
  return { name: 'mockmost:absolute-base', config: () => ({ base: '/' }) };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The desktop entry, the headless CLI and the testing library share every module but the Electron shell.
        input: {
          electron: resolve(__dirname, 'src/main/electron/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          // The testing library (`import { startMockmost } from 'mockmost'`, see lib/).
          library: resolve(__dirname, 'src/main/library/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), absoluteBase()],
    worker: { format: 'es' },
    build: {
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
  },
});
