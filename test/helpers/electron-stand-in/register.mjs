// `node --import this-file out/main/electron.js`: makes `require('electron')` in the built entry
// load the stand-in beside this file instead of the real package (which only names a binary).
// With `sqliteBinding` in ELECTRON_STAND_IN, SQLite's prebuilt binary is swapped for that file,
// as a damaged or foreign download would be.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const standIn = new URL('./electron.mjs', import.meta.url).href;
const { sqliteBinding } = JSON.parse(process.env.ELECTRON_STAND_IN ?? '{}');

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, format: 'module', shortCircuit: true };
    if (sqliteBinding && /better-sqlite3[/\\]prebuilds[/\\][^/\\]+\.node$/.test(specifier)) {
      return { url: pathToFileURL(sqliteBinding).href, shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
