// Builds the app with the shipped electron.vite.config.ts (so the tested bundle is the
// shipped one) at most once per test run: a lock directory serialises workers, and a build
// newer than every renderer and shared source is reused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const RENDERER_OUT = path.join(ROOT, 'out', 'renderer');
const LOCK = path.join(ROOT, 'out', '.e2e-build.lock');
const SOURCES = ['renderer', 'shared', 'electron.vite.config.ts', 'package.json'];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, name)));
  return max;
}

function isFresh(): boolean {
  const index = path.join(RENDERER_OUT, 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.every((s) => !fs.existsSync(path.join(ROOT, s)) || newestMtime(path.join(ROOT, s)) <= built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Ensures a fresh build and returns a private copy of it, taken under the lock, so a rebuild
 * by another worker (after a source change mid-run) cannot pull files from under a page.
 */
export async function ensureRendererBuilt(copyTo: string): Promise<string> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than two minutes is from a crashed run.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (!isFresh()) build();
    fs.cpSync(RENDERER_OUT, copyTo, { recursive: true });
    return copyTo;
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

function build(): void {
  const started = new Date();
  const r = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
  // Stamp the entry with the build's start, so a source saved during the build still counts
  // as newer and triggers the next rebuild.
  fs.utimesSync(path.join(RENDERER_OUT, 'index.html'), started, started);
}
