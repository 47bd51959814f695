#!/usr/bin/env -S node --
// Launcher for the `keystash` CLI. The CLI itself is bundled into out/cli by `npm install`
// (the `prepare` script) or `npm run build:cli`.
//
// The `--` on the first line is not decoration: Node 20 scans the WHOLE command line for
// `--env-file`, even after the script name, so `keystash run --env-file .env -- cmd` would be
// read by Node itself (exit 9 when the file is missing; otherwise Node loads the file's
// unresolved values into our environment). Options after `--` are left to the script.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');

const bundle = path.join(__dirname, '..', 'out', 'cli', 'keystash.mjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('keystash: the CLI is not built yet; run `npm install` or `npm run build:cli` in the Keystash folder.\n');
  process.exit(1);
}
import(pathToFileURL(bundle).href).catch((err) => {
  process.stderr.write(process.env.KEYSTASH_DEBUG ? `${err.stack ?? String(err)}\n` : 'keystash: Could not load the CLI; run `npm run build:cli` in the Keystash folder.\n');
  process.exit(1);
});
