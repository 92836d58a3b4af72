import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { StartupError } from '../base/startup-error';

/** better-sqlite3 13 ships Node-API 10 binaries: Node 22.14 and newer, and Electron 45. */
export const NEEDED_NODE_API = 10;

const load = createRequire(__filename);
let checkedPath: string | undefined;

function runtimeName(): string {
  const electron = (process.versions as Record<string, string | undefined>).electron;
  return electron ? `Electron ${electron}` : `Node.js ${process.versions.node}`;
}

/** What this runtime accepts, for the error that names a binding it refused. */
function neededAbi(): string {
  return `${runtimeName()} needs a Node-API ${NEEDED_NODE_API} build (it offers Node-API ${process.versions.napi}, ABI ${process.versions.modules})`;
}

/** better-sqlite3's entry, for a worker thread that opens its own connection. */
export function sqliteModulePath(): string {
  return load.resolve('better-sqlite3');
}

/**
 * The prebuilt binary better-sqlite3 itself would load here, found by its own lookup
 * (lib/binding.js getPrebuildPath: platform, arch and musl), so the path we report is the one used.
 */
export function sqliteBindingPath(): string | null {
  const root = dirname(load.resolve('better-sqlite3/package.json'));
  const lookup = load(join(root, 'lib', 'binding.js')) as { getPrebuildPath(): string | null };
  return lookup.getPrebuildPath();
}

/**
 * Loads SQLite's native module once, before any database opens, so that a missing, corrupt or
 * wrong-runtime binary becomes a StartupError naming the file and what this runtime needs,
 * instead of a bare stack from inside the first query (or, on a Node without Node-API 10, a crash).
 */
export function loadSqliteBinding(path = sqliteBindingPath()): string {
  if (path !== null && path === checkedPath) return path;
  if (path === null) {
    throw new StartupError('SQLITE_BINDING', `no prebuilt SQLite module for ${process.platform}-${process.arch}; ${neededAbi()}`);
  }
  if (!(Number(process.versions.napi) >= NEEDED_NODE_API)) {
    throw new StartupError('SQLITE_BINDING', `SQLite's native module ${path} cannot load here: ${neededAbi()}`);
  }
  try {
    load(path);
  } catch (error) {
    throw new StartupError(
      'SQLITE_BINDING',
      `SQLite's native module ${path} cannot be loaded (${(error as Error).message.split('\n')[0]}); ${neededAbi()}. ` +
        'Reinstalling Mockmost (or `npm ci` in a clone) restores it.',
    );
  }
  checkedPath = path;
  return path;
}

/** Every database Mockmost opens goes through here, on the binding checked above. */
export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, { ...options, nativeBinding: loadSqliteBinding() });
}
