// End-to-end: `keystash import` and `keystash export` of the real binary against real files.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonItem } from '../../electron/cli/json-output';
import { MAX_IMPORT_BYTES } from '../../electron/core/formats/import';
import { buildCli, FAST_KDF, newVault } from './cli-harness';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'csv');

interface ImportJson {
  format: string;
  imported: number;
  skipped: number;
  problems: { line: number; reason: string }[];
}

beforeAll(() => {
  buildCli();
});

describe('keystash import', () => {
  it('imports a Bitwarden export and prints the JSON summary', async () => {
    const { cli } = await newVault();
    const r = await cli.json<ImportJson>(['import', path.join(FIXTURES, 'bitwarden.csv')]);
    expect(r).toMatchObject({ format: 'bitwarden', imported: 5, skipped: 0, problems: [] });
    const { items } = await cli.json<{ items: JsonItem[] }>(['list']);
    expect(items.map((i) => i.title).sort()).toEqual(['github.com', 'Twitter', 'Visa ✨', 'Wi-Fi at home', 'メール 📧'].sort());
    const events = await cli.json<{ events: { kind: string; note: string | null }[] }>(['history']);
    expect(events.events.find((e) => e.kind === 'import')?.note).toBe('format bitwarden');
  });

  it('--dry-run changes nothing', async () => {
    const { cli } = await newVault();
    const r = await cli.json<ImportJson & { committed: boolean }>(['import', path.join(FIXTURES, 'chrome.csv'), '--dry-run']);
    expect(r).toMatchObject({ format: 'chrome', imported: 3, committed: false });
    expect((await cli.json<{ items: unknown[] }>(['list'])).items).toEqual([]);
  });

  it('refuses a file with problem rows (exit 1, nothing imported) until --skip-problems', async () => {
    const { cli } = await newVault();
    const file = path.join(FIXTURES, 'broken-ragged.csv');
    const refused = await cli.run(['import', file, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ imported: 0, problems: [{ line: 3, reason: 'The row has 3 fields but the header has 4.' }] });
    expect(refused.stderr).toContain('line 3: The row has 3 fields');
    expect((await cli.json<{ items: unknown[] }>(['list'])).items).toEqual([]);
    const ok = await cli.json<ImportJson>(['import', file, '--skip-problems']);
    expect(ok).toMatchObject({ imported: 2, skipped: 1 });
  });

  it('maps a generic CSV with --map', async () => {
    const { cli } = await newVault();
    await cli.ok(['import', path.join(FIXTURES, 'generic-semicolon.csv'), '--map', 'title=Site,username=Login,password=Pass,notes=Comment']);
    const { items } = await cli.json<{ items: JsonItem[] }>(['list']);
    expect(items[0]).toMatchObject({ title: 'Intranet', username: 'ana', notes: 'has; semicolon' });
  });

  it('says clearly when the file is empty or missing', async () => {
    const { cli } = await newVault();
    const empty = await cli.run(['import', path.join(FIXTURES, 'header-only.csv')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('header row but no items');
    const missing = await cli.run(['import', path.join(FIXTURES, 'nope.csv')]);
    expect(missing.code).toBe(4);
  });

  it('recognises an Enpass CSV from its rows and imports it; a broken Enpass file imports nothing', async () => {
    const { cli, dir } = await newVault();
    const r = await cli.json<ImportJson>(['import', path.join(FIXTURES, 'enpass.csv')]);
    expect(r).toMatchObject({ format: 'enpass', imported: 9, skipped: 0, problems: [] });
    const shown = await cli.json<{ items: JsonItem[] }>(['show', 'Booking', '--reveal']);
    expect(shown.items[0]).toMatchObject({ type: 'login', username: 'rw.cloud@example.com', password: 'MyPassWordHere', urls: ['https://account.booking.com', 'https://account.booking.com/sign-in'] });
    const github = await cli.json<{ items: JsonItem[] }>(['show', 'GitHub', '--reveal']);
    expect(github.items[0]?.fields).toContainEqual({ name: 'Security answer', value: 'Rex', concealed: true });
    const events = await cli.json<{ events: { kind: string; note: string | null }[] }>(['history']);
    expect(events.events.find((e) => e.kind === 'import')?.note).toBe('format enpass');

    const other = await newVault();
    const broken = path.join(dir, 'enpass-broken.csv');
    fs.writeFileSync(broken, '"Good","Username","u","*Password","p",""\n"Broken","Username","u","*Password","p,""\n');
    const refused = await other.cli.run(['import', broken, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ format: 'enpass', imported: 0, problems: [{ line: 2, reason: 'A quoted field is never closed (unterminated quote).' }] });
    expect((await other.cli.json<{ items: unknown[] }>(['list'])).items).toEqual([]);
    const forced = await other.cli.run(['import', path.join(FIXTURES, 'chrome.csv'), '--format', 'enpass']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('starts with the header row of a Chrome');
  });

  it('refuses a file over the size limit the app uses', async () => {
    const { cli, dir } = await newVault();
    const huge = path.join(dir, 'huge.csv');
    fs.writeFileSync(huge, 'name,url,username,password\n');
    fs.truncateSync(huge, MAX_IMPORT_BYTES + 1);
    const r = await cli.run(['import', huge]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The file is larger than 100 MB; split it and import the parts.');
  });
});

describe('keystash export', () => {
  it('needs --yes off a terminal, writes 0600, refuses to overwrite without --force', async () => {
    const { cli, dir } = await newVault();
    await cli.ok(['import', path.join(FIXTURES, 'lastpass.csv')]);
    const out = path.join(dir, 'out.csv');
    const noYes = await cli.run(['export', out, '--format', 'csv']);
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toContain('--yes');
    expect(fs.existsSync(out)).toBe(false);
    await cli.ok(['export', out, '--format', 'csv', '--yes']);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const again = await cli.run(['export', out, '--format', 'json', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    await cli.ok(['export', out, '--format', 'json', '--yes', '--force']);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).items).toHaveLength(3);
  });

  it('round-trips through the encrypted format into another vault', async () => {
    const a = await newVault();
    await a.cli.ok(['import', path.join(FIXTURES, 'bitwarden.csv')]);
    const file = path.join(a.dir, 'backup.keystash-export');
    const r = await a.cli.json<{ count: number; encrypted: boolean }>(['export', file, '--format', 'keystash', ...FAST_KDF], ['export-password-1']);
    expect(r).toMatchObject({ count: 5, encrypted: true });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Twitter');
    const b = await newVault();
    const wrong = await b.cli.run(['import', file], ['not-the-password']);
    expect(wrong.code).toBe(2);
    const ok = await b.cli.json<ImportJson>(['import', file], ['export-password-1']);
    expect(ok).toMatchObject({ format: 'keystash', imported: 5 });
    const before = (await a.cli.json<{ items: JsonItem[] }>(['list'])).items.map(({ id: _id, lastUsedAt: _l, ...rest }) => rest);
    const after = (await b.cli.json<{ items: JsonItem[] }>(['list'])).items.map(({ id: _id, lastUsedAt: _l, ...rest }) => rest);
    expect(after).toEqual(before);
  });
});
