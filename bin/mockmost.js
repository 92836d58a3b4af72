#!/usr/bin/env node
'use strict';
// The CLI lives in the build output (npm ci runs the build through the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('mockmost: the build output is missing; run `npm run build` in the Mockmost folder.\n');
  process.exit(1);
}
require(cli);
