// Installers for the desktop app (`npm run dist`, on the platform being packed): AppImage and
// deb on Linux, dmg on macOS, nsis on Windows. Everything the app runs is in out/ (the build)
// and the production dependencies; the renderer's libraries are bundled into out/renderer.
/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'dev.mockmost.desktop',
  productName: 'Mockmost',
  // The installed app keeps its data where `mockmost serve` does (src/main/electron/index.ts).
  executableName: 'mockmost',
  directories: { output: 'dist', buildResources: 'resources' },
  files: [
    'out/**',
    'package.json',
    '!**/*.map',
    // The testing library's declarations are for test suites, not the app.
    '!out/types/**',
    // SQLite's C sources, the headers they compile with, and the other platforms' binaries:
    // nothing is compiled when the app is installed.
    '!node_modules/better-sqlite3/{deps,src,binding.gyp}',
    '!node_modules/better-sqlite3/prebuilds/!(${platform}-${arch}.node)',
    '!node_modules/node-addon-api',
  ],
  // better-sqlite3 13 ships Node-API 10 binaries, which Electron 45 loads as they are: no rebuild
  // for Electron's ABI (which would need Electron's headers from the network). A native module
  // cannot be loaded from inside the asar, so it is unpacked beside it.
  npmRebuild: false,
  // sharp (the image library) loads its binary and libvips by path, so both stay outside the asar.
  asarUnpack: ['node_modules/better-sqlite3/prebuilds/*.node', 'node_modules/sharp/**', 'node_modules/@img/**'],
  icon: 'resources/icon.png',
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    synopsis: 'An offline Mattermost for people who build Mattermost integrations',
    maintainer: 'Mockmost contributors',
  },
  mac: { target: 'dmg', category: 'public.app-category.developer-tools' },
  win: { target: 'nsis' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  publish: null,
};
