// End-to-end: master password handling of the real `keystash` binary (wrong password,
// throttling, passwd, init rules, where passwords may come from).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonItem } from '../../electron/cli/json-output';
import { buildCli, cleanEnv, FAST_KDF, newVault, runCli, tempDir, VaultCli } from './cli-harness';

interface Items {
  items: JsonItem[];
}

beforeAll(() => {
  buildCli();
});

describe('wrong password and throttling', () => {
  it('a wrong password exits 2 and changes nothing; the next unlock reports the failure', async () => {
    const { cli } = await newVault();
    const id = (await cli.ok(['add', 'note', '--title', 'Keep me'])).trim();
    const wrong = new VaultCli(cli.file, cli.env, 'not the password');
    const r = await wrong.run(['edit', id, '--title', 'Changed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('keystash: Wrong master password.\n');
    expect(r.stdout).toBe('');
    const after = await cli.run(['list', '--json']);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as Items).items.map((i) => i.title)).toEqual(['Keep me']);
    expect(after.stderr).toMatch(/^Notice: 1 failed unlock attempt since the last unlock, the last at \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.\n$/);
    // Reported once: the failures are cleared by the successful unlock.
    expect((await cli.run(['list'])).stderr).not.toContain('failed unlock');
  });

  it('a rate-limited vault exits 2 with the wait, before reading any password', async () => {
    const { cli } = await newVault();
    const db = new Database(cli.file);
    const insert = db.prepare('INSERT INTO unlock_failures (at) VALUES (?)');
    for (let i = 0; i < 8; i++) insert.run(Date.now());
    db.close();
    const r = await runCli(['--vault', cli.file, 'list'], { env: cli.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^keystash: Too many wrong passwords\. Try again in \d+ s\.\n$/);
  });
});

describe('keystash passwd', () => {
  it('changes the master password: the old one stops working, the new one unlocks', async () => {
    const { cli } = await newVault();
    await cli.ok(['add', 'note', '--title', 'Survives']);
    const r = await cli.run(['passwd'], ['a brand new password']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Changed the master password');
    expect((await cli.run(['list'])).code).toBe(2);
    const fresh = new VaultCli(cli.file, cli.env, 'a brand new password');
    expect((await fresh.json<Items>(['list'])).items.map((i) => i.title)).toEqual(['Survives']);
    const events = JSON.parse(await fresh.ok(['history', '--json'])) as { events: { kind: string; source: string }[] };
    expect(events.events.find((e) => e.kind === 'password-change')?.source).toBe('cli');
  });

  it('passwd --kdf-* changes the key-derivation settings too', async () => {
    const { cli } = await newVault();
    expect((await cli.run(['passwd', '--kdf-memory', '20'], ['another long password'])).code).toBe(0);
    const fresh = new VaultCli(cli.file, cli.env, 'another long password');
    const events = JSON.parse(await fresh.ok(['history', '--json'])) as { events: { kind: string; note: string | null }[] };
    expect(events.events.find((e) => e.kind === 'password-change')?.note).toContain('key-derivation');
    const db = new Database(cli.file, { readonly: true });
    expect(db.prepare('SELECT kdf_memory_mib AS m FROM header').get()).toEqual({ m: 20 });
    db.close();
  });

  it('refuses a too-short new password and keeps the old one', async () => {
    const { cli } = await newVault();
    const r = await cli.run(['passwd'], ['short']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('at least 8 characters');
    expect((await cli.run(['list'])).code).toBe(0);
  });

  it('fails cleanly when stdin ends before the new password', async () => {
    const { cli } = await newVault();
    const r = await cli.run(['passwd']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('keystash: stdin ended before the new master password.\n');
    expect((await cli.run(['list'])).code).toBe(0);
  });
});

describe('keystash init', () => {
  it('refuses to overwrite an existing vault, before asking for a password', async () => {
    const { cli } = await newVault();
    const before = fs.readFileSync(cli.file);
    const r = await runCli(['--vault', cli.file, 'init', ...FAST_KDF], { env: cli.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exists');
    expect(fs.readFileSync(cli.file).equals(before)).toBe(true);
  });

  it('refuses a short password or bad KDF settings and leaves no file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v.keystash');
    const short = await runCli(['--vault', file, '--password-stdin', 'init', ...FAST_KDF], { stdin: 'short\n', env: cleanEnv(dir) });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 8 characters');
    const kdf = await runCli(['--vault', file, '--password-stdin', 'init', '--kdf-memory', '4'], { stdin: 'long enough pw\n', env: cleanEnv(dir) });
    expect(kdf.code).toBe(1);
    expect(kdf.stderr).toContain('--kdf-memory must be between 19 and 1024');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('where passwords come from', () => {
  it('without --password-stdin and without a terminal it says how to pass the password', async () => {
    const { cli } = await newVault();
    const r = await runCli(['--vault', cli.file, 'list'], { stdin: `${cli.password}\n`, env: cli.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--password-stdin');
  });

  it('never accepts a password as an argument', async () => {
    const { cli } = await newVault();
    const r = await runCli(['--vault', cli.file, 'list', '--password', cli.password], { env: cli.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Unknown option '--password'");
  });

  it('--secret-stdin with an empty line changes nothing', async () => {
    const { cli } = await newVault();
    const r = await cli.run(['add', 'login', '--title', 'Empty', '--secret-stdin'], ['']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is empty');
    expect((await cli.json<Items>(['list'])).items).toEqual([]);
  });
});
