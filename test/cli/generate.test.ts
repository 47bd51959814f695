// `keystash generate`: the real binary, no vault involved.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, runCli, tempDir } from './cli-harness';

beforeAll(() => buildCli());

describe('keystash generate', () => {
  it('prints one 20-character password by default, entropy on stderr, and touches no vault', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'none.keystash');
    const r = await runCli(['--vault', vault, 'generate'], { env: cleanEnv(dir) });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect([...(lines[0] ?? '')]).toHaveLength(20);
    expect(r.stderr).toMatch(/Entropy: 13\d\.\d bits; strength [34]\/4, estimated crack time \w+/);
    expect(fs.existsSync(vault)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('honours length, sets, look-alikes and count', async () => {
    const r = await runCli(['generate', '--length', '40', '--no-symbols', '--no-upper', '--exclude-similar', '--count', '50']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    expect(new Set(lines).size).toBe(50);
    for (const l of lines) {
      expect(l).toMatch(/^[a-z0-9]{40}$/);
      expect(l).not.toMatch(/[l1O0I|]/);
      expect(l).toMatch(/\d/);
    }
  });

  it('makes passphrases and PINs', async () => {
    const p = await runCli(['generate', '--words', '4', '--separator', '.', '--count', '3']);
    expect(p.code).toBe(0);
    for (const l of p.stdout.trimEnd().split('\n')) expect(l.split('.').length).toBeGreaterThanOrEqual(4);
    const pin = await runCli(['generate', '--pin', '8']);
    expect(pin.stdout).toMatch(/^\d{8}\n$/);
    const json = JSON.parse((await runCli(['generate', '--pin', '6', '--json'])).stdout) as { results: { value: string; kind: string; entropyBits: number; score: number; crackTime: string }[] };
    expect(json.results[0]).toMatchObject({ kind: 'pin', entropyBits: 19.93 });
    expect(json.results[0]?.crackTime.length).toBeGreaterThan(0);
  });

  it('refuses impossible or conflicting options with a clear message and no output', async () => {
    const cases: [string[], RegExp][] = [
      [['--length', '3'], /--length must be between 4 and 128/],
      [['--length', '129'], /between 4 and 128/],
      [['--no-lower', '--no-upper', '--no-digits', '--no-symbols'], /at least one character set/],
      [['--length', '4', '--custom', '@€'], /cannot hold one character from each/],
      [['--words', '2'], /between 3 and 20/],
      [['--pin', '13'], /between 4 and 12/],
      [['--pin', '6', '--words', '5'], /either --words/],
      [['--words', '5', '--no-digits'], /does not apply to a passphrase/],
      [['--count', '0'], /between 1 and 1000/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['generate', ...args]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });
});
