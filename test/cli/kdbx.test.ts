// End-to-end: `keystash import FILE.kdbx [--key-file F]` and `keystash export FILE.kdbx
// --format kdbx [--key-file F]` of the real binary, against databases the real keepassxc-cli
// writes and opens. With --password-stdin the database's password is the line after the
// master password.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kpOk } from '../core/formats/kdbx/peer';
import { buildCli, FAST_KDF, newVault } from './cli-harness';

beforeAll(() => {
  buildCli();
});

describe('keystash import/export with KDBX', () => {
  it('imports a keepassxc-cli database with a key file, attachments included', async () => {
    const { dir, cli } = await newVault();
    const db = path.join(dir, 'peer.kdbx');
    const key = path.join(dir, 'peer.keyx');
    kpOk(['db-create', '-q', '-p', '-t', '100', '--set-key-file', key, db], ['kdbx-pass', 'kdbx-pass']);
    kpOk(['add', '-q', '-k', key, '-u', 'carol', '--url', 'https://example.org', '-p', db, 'Example'], ['kdbx-pass', 'carol-pw']);
    const file = path.join(dir, 'id.txt');
    fs.writeFileSync(file, 'identity document');
    kpOk(['attachment-import', '-q', '-k', key, db, 'Example', 'id.txt', file], ['kdbx-pass']);

    const r = await cli.json<{ format: string; imported: number }>(['import', db, '--key-file', key], ['kdbx-pass']);
    expect(r).toMatchObject({ format: 'kdbx', imported: 1 });
    const shown = await cli.json<{ items: { username: string; password: string; urls: string[] }[] }>(['show', 'Example', '--reveal']);
    expect(shown.items[0]).toMatchObject({ username: 'carol', password: 'carol-pw', urls: ['https://example.org'] });
    expect(await cli.ok(['attachment', 'get', 'Example', 'id.txt'])).toBe('identity document');
  });

  it('a wrong database password exits 2 and imports nothing', async () => {
    const { dir, cli } = await newVault();
    const db = path.join(dir, 'peer.kdbx');
    kpOk(['db-create', '-q', '-p', '-t', '100', db], ['kdbx-pass', 'kdbx-pass']);
    kpOk(['add', '-q', '-u', 'x', db, 'Entry'], ['kdbx-pass']);
    const r = await cli.run(['import', db], ['not-the-pass']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Wrong password or key file for this KeePass database/);
    expect((await cli.json<{ items: unknown[] }>(['list'])).items).toEqual([]);
  });

  it('exports a database keepassxc-cli opens with the password and key file', async () => {
    const { dir, cli } = await newVault();
    await cli.ok(['add', 'login', '--title', 'Bank', '--username', 'dave', '--folder', 'Money', '--secret-stdin'], ['bank-pw']);
    const src = path.join(dir, 'statement.txt');
    fs.writeFileSync(src, 'statement body');
    await cli.ok(['attach', 'Bank', src]);
    const key = path.join(dir, 'out.keyx');
    fs.writeFileSync(key, Buffer.alloc(64, 0x41));
    const db = path.join(dir, 'out.kdbx');
    const r = await cli.json<{ format: string; count: number; encrypted: boolean }>(['export', db, '--format', 'kdbx', '--key-file', key, ...FAST_KDF], ['export-pw-1']);
    expect(r).toMatchObject({ format: 'kdbx', count: 1, encrypted: true });
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    expect(kpOk(['show', '-s', '-k', key, db, 'Money/Bank', '-a', 'UserName', '-a', 'Password'], ['export-pw-1']).trim().split('\n')).toEqual(['dave', 'bank-pw']);
    const out = path.join(dir, 'back.txt');
    kpOk(['attachment-export', '-k', key, db, 'Money/Bank', 'statement.txt', out], ['export-pw-1']);
    expect(fs.readFileSync(out, 'utf8')).toBe('statement body');
  });

  it('--key-file is refused for a CSV import and for a non-kdbx export', async () => {
    const { dir, cli } = await newVault();
    const csv = path.join(dir, 'a.csv');
    fs.writeFileSync(csv, 'name,url,username,password\nA,https://a.example,u,p\n');
    const r = await cli.run(['import', csv, '--key-file', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--key-file applies to KeePass databases/);
    const e = await cli.run(['export', path.join(dir, 'x.csv'), '--format', 'csv', '--yes', '--key-file', csv]);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/--key-file applies to --format kdbx only/);
  });
});
