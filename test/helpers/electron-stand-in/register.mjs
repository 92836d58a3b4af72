// `node --import this-file out/main/electron.js`: makes `require('electron')` in the built entry
// load the stand-in beside this file instead of the real package (which only names a binary).
import { registerHooks } from 'node:module';

const standIn = new URL('./electron.mjs', import.meta.url).href;

registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'electron' ? { url: standIn, format: 'module', shortCircuit: true } : nextResolve(specifier, context),
});
