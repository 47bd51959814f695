#!/usr/bin/env node
// Launcher for the `keystash` CLI. The CLI itself is bundled into out/cli by `npm install`
// (the `prepare` script) or `npm run build:cli`.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'out', 'cli', 'keystash.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('keystash: the CLI is not built yet; run `npm install` or `npm run build:cli` in the Keystash folder.\n');
  process.exit(1);
}
require(bundle);
