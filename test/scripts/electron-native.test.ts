// scripts/electron-native.mjs: skips cleanly without an Electron binary, and otherwise plans
// an Electron-ABI build of better-sqlite3 in .native/ (checked with --dry-run: the real
// build needs Electron's headers or prebuilt binaries from the network).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts', 'electron-native.mjs');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-fake-electron-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout + r.stderr };
}

it('skips with a clear message and exit 0 when there is no Electron binary', () => {
  const r = run([], { ELECTRON_OVERRIDE_DIST_PATH: dist });
  expect(r.status).toBe(0);
  expect(r.out).toMatch(/no Electron binary .* skipping the Electron build of better-sqlite3/);
  expect(fs.existsSync(path.join(root, '.native', `electron-${version}`, 'work'))).toBe(false);
});

it('with --required (npm run dist), fails with exit 1 and says how to get the binary when there is none', () => {
  const r = run(['--required'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
  expect(r.status).toBe(1);
  expect(r.out).toMatch(/no Electron binary .* reinstall with `npm ci`/);
});

it('with a binary, plans a build for this Electron version into .native/ without touching node_modules', () => {
  const stampFile = path.join(root, '.native', `electron-${version}`, 'stamp.json');
  if (fs.existsSync(stampFile)) {
    console.warn(`[electron-native test] ${stampFile} exists, so the script reports "up to date" instead of a plan.`);
  }
  const exe = path.join(dist, fs.existsSync(path.join(root, 'node_modules/electron/path.txt')) ? fs.readFileSync(path.join(root, 'node_modules/electron/path.txt'), 'utf8').trim() : 'electron');
  fs.writeFileSync(exe, '');
  const before = fs.statSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).mtimeMs;
  const r = run(['--dry-run'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
  expect(r.status).toBe(0);
  if (fs.existsSync(stampFile)) {
    expect(r.out).toMatch(/up to date/);
  } else {
    expect(r.out).toContain(`for Electron ${version}`);
    expect(r.out).toContain(`--runtime=electron --target=${version}`);
    expect(r.out).toContain(path.join('.native', `electron-${version}`, 'work', 'better-sqlite3'));
  }
  expect(fs.statSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).mtimeMs).toBe(before);
});
