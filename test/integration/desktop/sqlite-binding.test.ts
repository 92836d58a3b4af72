import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../../src/main/base/startup-error';
import { loadSqliteBinding, NEEDED_NODE_API, sqliteBindingPath } from '../../../src/main/store/sqlite-binding';
import { elfExports } from '../../helpers/elf-exports';
import { BIN } from '../../helpers/serve-process';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mockmost-binding-'));
  dirs.push(dir);
  return dir;
}

/** Every `node` on PATH (the machine's own first, before .ci/run puts Node 24 ahead of it). */
function nodesOnPath(): string[] {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'node'))
    .filter((file) => existsSync(file));
}

function napiOf(node: string): number {
  return Number(spawnSync(node, ['-p', 'process.versions.napi'], { encoding: 'utf8' }).stdout.trim());
}

describe("SQLite's native module", () => {
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it.runIf(process.platform === 'linux')(
    "is a Node-API module, which Electron's ABI check cannot reject: it exports napi_register_module_v1 and no node_register_module_v*",
    () => {
      const path = sqliteBindingPath();
      expect(path).toMatch(/better-sqlite3[/\\]prebuilds[/\\]linux(musl)?-(x64|arm64)\.node$/);
      const exported = elfExports(path!);
      expect(exported).toContain('napi_register_module_v1');
      expect(exported.filter((name) => name.startsWith('node_register_module_v'))).toEqual([]);
    },
  );

  it('loads here, and is the file better-sqlite3 opens databases with', () => {
    expect(Number(process.versions.napi)).toBeGreaterThanOrEqual(NEEDED_NODE_API);
    expect(loadSqliteBinding()).toBe(sqliteBindingPath());
  });

  it('that cannot be loaded is a StartupError naming its path and the ABI this runtime needs', () => {
    const corrupt = join(tempDir(), 'better_sqlite3.node');
    writeFileSync(corrupt, 'this is not a shared object');
    const missing = join(tempDir(), 'gone.node');
    for (const path of [corrupt, missing]) {
      let error: unknown;
      try {
        loadSqliteBinding(path);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(StartupError);
      expect((error as StartupError).code).toBe('SQLITE_BINDING');
      expect((error as StartupError).message).toContain(`SQLite's native module ${path} cannot be loaded`);
      expect((error as StartupError).message).toContain(
        `Node.js ${process.versions.node} needs a Node-API 10 build (it offers Node-API ${process.versions.napi}, ABI ${process.versions.modules})`,
      );
    }
  });

  // CI's machines have Node 20 as their own node; .ci/run puts Node 24 ahead of it on PATH.
  const oldNode = nodesOnPath().find((node) => napiOf(node) < NEEDED_NODE_API);
  it.runIf(oldNode !== undefined)('is never loaded by an older Node: `mockmost serve` says which Node it found and exits 1', () => {
    const result = spawnSync(oldNode!, [BIN, 'serve', '--port', '0', '--data', tempDir()], { encoding: 'utf8', timeout: 15_000 });
    const version = spawnSync(oldNode!, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `mockmost: Node.js ${version} is too old (Node-API ${napiOf(oldNode!)}); Mockmost needs Node.js 22.14 or newer (Node-API 10), Node.js 24 LTS recommended.\n`,
    );
  });
});
