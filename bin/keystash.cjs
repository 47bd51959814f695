#!/usr/bin/env -S node --
// Launcher for the `keystash` CLI. The CLI itself is bundled into out/cli by `npm install`
// (the `prepare` script) or `npm run build:cli`.
//
// The `--` on the first line is not decoration: Node 20 scans the WHOLE command line for
// `--env-file`, even after the script name, so `keystash run --env-file .env -- cmd` would be
// read by Node itself (exit 9 when the file is missing; otherwise Node loads the file's
// unresolved values into our environment). Options after `--` are left to the script.
//
// First the quick agent client (out/cli/agent-quick.cjs, electron/cli/agent/quick-client.ts):
// when an unlock-once agent holds the vault and the command only prints, the agent runs it and
// the bundle is never loaded. Otherwise (null) the full CLI runs, exactly as without it.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const out = path.join(__dirname, '..', 'out', 'cli');
const bundle = path.join(out, 'keystash.mjs');

function runFullCli() {
  if (!fs.existsSync(bundle)) {
    process.stderr.write('keystash: the CLI is not built yet; run `npm install` or `npm run build:cli` in the Keystash folder.\n');
    process.exit(1);
  }
  const { pathToFileURL } = require('node:url');
  import(pathToFileURL(bundle).href).catch((err) => {
    process.stderr.write(process.env.KEYSTASH_DEBUG ? `${err.stack ?? String(err)}\n` : 'keystash: Could not load the CLI; run `npm run build:cli` in the Keystash folder.\n');
    process.exit(1);
  });
}

let quick = null;
try {
  quick = require(path.join(out, 'agent-quick.cjs'));
} catch {
  // Not built (or built by an older version): the full CLI says what to do.
}
const tried = quick ? Promise.resolve().then(() => quick.runQuick(process.argv.slice(2), process.env)) : Promise.resolve(null);
tried.then(
  (code) => {
    if (code === null) runFullCli();
    // exitCode rather than exit(): stdout may still be flushing into a pipe.
    else process.exitCode = code;
  },
  // The quick client failed before the agent printed anything: the full CLI runs the command.
  () => runFullCli(),
);
