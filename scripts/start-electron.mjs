#!/usr/bin/env node
// `npm start` after the build: make sure the Electron binary exists (downloading it like
// the electron package would), build the Electron-ABI SQLite addon, then launch the app.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, electronDir, root } from './electron-binary.mjs';

let exe = electronBinary();
if (!exe) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.error('start: there is no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD is set). Run `npx install-electron` or reinstall without it.');
    process.exit(1);
  }
  const got = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
  exe = got.status === 0 ? electronBinary() : null;
  if (!exe) {
    console.error('start: downloading Electron failed; see the output above.');
    process.exit(1);
  }
}
const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')], { stdio: 'inherit' });
if (native.status !== 0) process.exit(native.status ?? 1);
const app = spawnSync(exe, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(app.status ?? 0);
