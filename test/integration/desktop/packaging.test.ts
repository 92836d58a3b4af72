import { listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBindingPath } from '../../../src/main/store/sqlite-binding';

const ROOT = resolve(__dirname, '../../..');
const config = ((await import(pathToFileURL(join(ROOT, 'electron-builder.mjs')).href)) as { default: Configuration }).default;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const data = readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

/** The bare modules the built main process requires at run time. */
function requiredPackages(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.js')) continue;
    // require() and import() load a package; resolve() finds a file in one (a font, a binary's folder).
    for (const [, name] of readFileSync(join(dir, entry), 'utf8').matchAll(/(?:require|import|resolve)\("([^".][^"]*)"\)/g)) {
      const bare = name!.startsWith('@') ? name!.split('/').slice(0, 2).join('/') : name!.split('/')[0]!;
      if (!name!.startsWith('node:') && !builtinModules.includes(bare)) found.add(bare);
    }
  }
  return found;
}

describe('the installers (electron-builder.mjs)', () => {
  let work: string;
  let appDir: string;
  let packed: string[];

  // electron-builder packs the app for real, into an unpacked folder ("dir" target), around a
  // stand-in Electron distribution: the real one cannot be downloaded on these machines.
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'mockmost-pack-'));
    const electronDist = join(work, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    const builder = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--config',
        'electron-builder.mjs',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${join(work, 'dist')}`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    if (builder.status !== 0) throw new Error(`electron-builder failed: ${builder.stdout}\n${builder.stderr}`);
    appDir = join(work, 'dist', 'linux-unpacked', 'resources');
    packed = listPackage(join(appDir, 'app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  }, 150_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('names the app and builds AppImage and deb, dmg and nsis, with an icon large enough for each', () => {
    expect(config).toMatchObject({ appId: 'dev.mockmost.desktop', productName: 'Mockmost', npmRebuild: false });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
    const [width, height] = pngSize(join(ROOT, config.icon!));
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.mjs');
  });

  it('packs the build and the entry the app starts from', () => {
    expect(packed).toEqual(
      expect.arrayContaining([`/${pkg.main}`, '/out/main/cli.js', '/out/preload/index.js', '/out/renderer/index.html', '/package.json']),
    );
    expect(packed.filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('packs every package the main process requires, from the production dependencies only', () => {
    const required = requiredPackages(join(ROOT, 'out/main'));
    expect([...required].sort()).toEqual([
      '@expo-google-fonts/nunito',
      '@fastify/busboy',
      '@iconify-json/twemoji',
      'better-sqlite3',
      'electron',
      'mime-types',
      'opentype.js',
      'sharp',
      'undici',
      'ws',
    ]);
    for (const name of required) {
      if (name === 'electron') continue;
      expect(Object.keys(pkg.dependencies)).toContain(name);
      expect(packed).toContain(`/node_modules/${name}/package.json`);
    }
    for (const name of Object.keys(pkg.devDependencies)) expect(packed).not.toContain(`/node_modules/${name}`);
  });

  it("unpacks this platform's SQLite binary beside the asar, and leaves out the other platforms' and the C sources", () => {
    const binding = sqliteBindingPath()!;
    const name = binding.split(/[/\\]/).pop()!;
    const unpacked = join(appDir, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', name);
    expect(readFileSync(unpacked).equals(readFileSync(binding))).toBe(true);
    const prebuilds = packed.filter((file) => file.startsWith('/node_modules/better-sqlite3/prebuilds/'));
    expect(prebuilds).toEqual([`/node_modules/better-sqlite3/prebuilds/${name}`]);
    expect(packed.filter((file) => /better-sqlite3\/(deps|src)\//.test(file))).toEqual([]);
  });

  it("unpacks the image library's binary and libvips beside the asar, where sharp loads them by path", () => {
    const platform = `${process.platform}-${process.arch}`;
    const lib = join('node_modules', '@img', `sharp-${platform}`, 'lib');
    const binary = readdirSync(join(ROOT, lib)).find((file) => file.endsWith('.node'))!;
    expect(readFileSync(join(appDir, 'app.asar.unpacked', lib, binary)).equals(readFileSync(join(ROOT, lib, binary)))).toBe(true);
    expect(
      readdirSync(join(appDir, 'app.asar.unpacked', 'node_modules', '@img', `sharp-libvips-${platform}`, 'lib')).length,
    ).toBeGreaterThan(0);
  });
});
