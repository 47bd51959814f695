#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/, leaving the
// Node build in node_modules untouched (tests and the CLI run under plain Node). Main
// passes the result to better-sqlite3 as `nativeBinding`. argon2 needs nothing: its N-API
// prebuilds load in both runtimes.
//
// Tries a prebuilt binary first (prebuild-install, as better-sqlite3's own install does),
// then compiles with node-gyp against Electron's headers. Skips cleanly when there is no
// Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD installs, CI), unless `--required` (`npm run
// dist`: an installer without the addon could not open a vault). `--dry-run` prints the plan.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, electronVersion, root } from './electron-binary.mjs';

const dryRun = process.argv.includes('--dry-run');
const required = process.argv.includes('--required');
const log = (msg) => console.log(`electron-native: ${msg}`);

const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
const version = electronVersion();
const outDir = path.join(root, '.native', `electron-${version}`);
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const stamp = JSON.stringify({ electron: version, betterSqlite3: sqliteVersion, arch: process.arch, platform: process.platform });

function run(cmd, args, cwd) {
  log(`$ ${[cmd, ...args].join(' ')}  (in ${path.relative(root, cwd) || '.'})`);
  if (dryRun) return true;
  return spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
}

/** npm ships node-gyp; use that copy rather than downloading one. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && fs.existsSync(c)) ?? null;
}

function main() {
  if (!electronBinary()) {
    if (required) {
      log('no Electron binary in node_modules/electron (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?); reinstall with `npm ci` to build the Electron copy of better-sqlite3.');
      return 1;
    }
    log('no Electron binary in node_modules/electron (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?); skipping the Electron build of better-sqlite3.');
    return 0;
  }
  if (fs.existsSync(outFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    log(`up to date: ${path.relative(root, outFile)}`);
    return 0;
  }
  const work = path.join(outDir, 'work', 'better-sqlite3');
  log(`building better-sqlite3 ${sqliteVersion} for Electron ${version} (${process.platform}-${process.arch})`);
  if (!dryRun) {
    fs.rmSync(path.dirname(work), { recursive: true, force: true });
    // A private copy of the sources: rebuilding in node_modules would break the Node build.
    fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.startsWith(path.join(sqliteDir, 'build')) });
  }
  const prebuild = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'prebuild-install.cmd' : 'prebuild-install');
  let built = run(prebuild, ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`], work);
  if (!built) {
    const gyp = nodeGyp();
    if (!gyp) {
      log('no prebuilt binary and no node-gyp found; install build tools or run via npm (which ships node-gyp).');
      return 1;
    }
    built = run(
      process.execPath,
      [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      work,
    );
  }
  if (!built) {
    log('the build failed; see the output above.');
    return 1;
  }
  if (dryRun) return 0;
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
  fs.writeFileSync(stampFile, stamp);
  fs.rmSync(path.dirname(work), { recursive: true, force: true });
  log(`built ${path.relative(root, outFile)}`);
  return 0;
}

process.exit(main());
