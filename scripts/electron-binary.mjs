// Finds the Electron executable without require('electron'): that module downloads the
// binary on first use, which hangs on a machine without access to GitHub.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const electronDir = path.join(root, 'node_modules', 'electron');

/** The executable's absolute path, or null when node_modules/electron has no binary. */
export function electronBinary(dir = electronDir) {
  const pathFile = path.join(dir, 'path.txt');
  // Electron's own escape hatch for a binary kept elsewhere.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const name = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : 'electron';
    const exe = path.join(override, name);
    return fs.existsSync(exe) ? exe : null;
  }
  const dist = path.join(dir, 'dist');
  if (!fs.existsSync(pathFile) || !fs.existsSync(dist)) return null;
  const exe = path.join(dist, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

export function electronVersion(dir = electronDir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}
