// Fast start: `--help` and `--version` load only the entry of the bundle and the small chunks
// it imports statically, never the strength estimator's dictionaries, the passphrase wordlist,
// the importers or the native modules; and the launcher keeps Node 20 from taking options
// meant for keystash (`--env-file`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildCli, cleanEnv, ROOT, runCli, tempDir } from './cli-harness';

const OUT = path.join(ROOT, 'out', 'cli');

/** Every file the entry imports statically, transitively (what Node loads before main runs). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const src = fs.readFileSync(file, 'utf8');
  for (const m of src.matchAll(/^import\s+(?:[^'"]*?from\s+)?["'](\.[^"']+)["'];?$/gm)) {
    staticClosure(path.resolve(path.dirname(file), m[1] ?? ''), seen);
  }
  return seen;
}

beforeAll(() => {
  buildCli();
});

describe('start-up', () => {
  it('--version prints the package version and exits 0', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `keystash ${pkg.version}\n`, stderr: '' });
  });

  it('what --help loads holds no dictionary, wordlist, importer or native module', () => {
    const loaded = [...staticClosure(path.join(OUT, 'keystash.mjs'))];
    const text = loaded.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(text.length).toBeLessThan(60_000);
    for (const heavy of ['zxcvbn', 'abacus', 'better-sqlite3', 'argon2', 'papaparse', '@noble']) expect(text, heavy).not.toContain(heavy);
    // The chunks that do hold them exist: the check above is not vacuous.
    const all = fs.readdirSync(path.join(OUT, 'chunks')).filter((f) => f.endsWith('.mjs'));
    expect(all.some((f) => fs.readFileSync(path.join(OUT, 'chunks', f), 'utf8').includes('better-sqlite3'))).toBe(true);
  });

  it('the quick agent client is one small file that requires nothing but Node built-ins', () => {
    const text = fs.readFileSync(path.join(OUT, 'agent-quick.cjs'), 'utf8');
    expect(text.length).toBeLessThan(30_000);
    const required = [...new Set([...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]))].sort();
    expect(required).toEqual(['node:crypto', 'node:fs', 'node:net', 'node:os', 'node:path', 'node:tty']);
    expect(text).not.toMatch(/\bimport\(/);
  });

  it('the quick agent client runs only commands that never ask the terminal anything, all of them agent commands', async () => {
    const { QUICK_COMMANDS } = await import('../../electron/cli/agent/quick-client');
    const { COMMANDS } = await import('../../electron/cli/commands');
    for (const name of QUICK_COMMANDS) expect(COMMANDS.find((c) => c.name === name)?.agent, name).toBe(true);
    // Their code never touches stdin, prompts, files or programs (ctx.input / ctx.host).
    for (const name of QUICK_COMMANDS) {
      const src = fs.readFileSync(path.join(ROOT, 'electron', 'cli', 'commands', `${name}.ts`), 'utf8');
      expect(src, name).not.toMatch(/ctx\.(input|host)\b/);
    }
  });

  it('--help still lists every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['init', 'search', 'generate', 'import', 'run']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('under Node 20, `keystash run --env-file missing.env -- true` reaches keystash, not Node', () => {
    const dir = tempDir();
    // Run as a person does: the launcher itself, through its #! line (not `node bin/keystash.cjs`).
    const r = spawnSync(BIN, ['run', '--env-file', 'missing.env', '--', 'true'], { cwd: dir, env: cleanEnv(dir), encoding: 'utf8' });
    expect(r.stderr).not.toContain('node:');
    expect(r.status).not.toBe(9);
    expect(r.stderr).toMatch(/^keystash: /);
  });
});
