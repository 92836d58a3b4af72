#!/usr/bin/env node
'use strict';
// Checked before anything loads SQLite's native module: better-sqlite3 13 is built on Node-API 10
// (Node 22.14 and newer), and an older Node does not refuse it with an error, it crashes.
const NEEDED_NODE_API = 10;
const napi = Number(process.versions.napi);
if (!(napi >= NEEDED_NODE_API)) {
  process.stderr.write(
    `mockmost: Node.js ${process.versions.node} is too old (Node-API ${process.versions.napi}); ` +
      `Mockmost needs Node.js 22.14 or newer (Node-API ${NEEDED_NODE_API}), Node.js 24 LTS recommended.\n`,
  );
  process.exit(1);
}

// The CLI lives in the build output (npm ci runs the build through the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('mockmost: the build output is missing; run `npm run build` in the Mockmost folder.\n');
  process.exit(1);
}
require(cli);
