// Secret references through the real binary: `read`, `inject` and `run --env-file`, end to
// end, with the exact Node 20 case from the issue, masking of what the child prints, and one
// logged use per resolved reference.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildCli, newVault, type VaultCli } from './cli-harness';

const SECRET = 'sk_live_reference_0123456789';
let cli: VaultCli;
let dir: string;

interface History {
  events: { kind: string; field: string | null; title: string | null; note: string | null }[];
}

beforeAll(async () => {
  buildCli();
  ({ cli, dir } = await newVault());
  await cli.ok(['add', 'api_key', '--title', 'Stripe live', '--secret-stdin'], [SECRET]);
  await cli.ok(['add', 'login', '--title', 'Dev/Backend DB', '--username', 'app', '--field', 'port=5432', '--secret-stdin', '--totp-stdin'], ['db-pass-9876', 'JBSWY3DPEHPK3PXP']);
});

describe('keystash read', () => {
  it('prints one value, -n without the newline; titles with / and custom fields by name', async () => {
    expect(await cli.ok(['read', 'keystash://Stripe live/secret'])).toBe(`${SECRET}\n`);
    expect(await cli.ok(['read', '-n', 'keystash://Stripe live/secret'])).toBe(SECRET);
    expect(await cli.ok(['read', 'keystash://Dev/Backend DB/password'])).toBe('db-pass-9876\n');
    expect(await cli.ok(['read', 'keystash://dev/backend db/PORT'])).toBe('5432\n');
    expect(await cli.ok(['read', 'keystash://Dev/Backend DB/totp'])).toMatch(/^\d{6}\n$/);
  });

  it('refuses a bad reference before asking for the password, and names missing fields', async () => {
    const bad = await cli.run(['read', 'op://Private/Stripe/secret']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('keystash://');
    const missing = await cli.run(['read', 'keystash://Stripe live/nope']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('has no field “nope”');
    expect((await cli.run(['read', 'keystash://No such item/secret'])).code).toBe(4);
  });

  it('logs each resolved reference as a use of its item and field', async () => {
    await cli.ok(['read', 'keystash://Stripe live/secret']);
    const h = await cli.json<History>(['history', '--limit', '3']);
    expect(h.events.find((e) => e.kind === 'cli-use')).toMatchObject({ field: 'secret', title: 'Stripe live', note: 'read' });
  });
});

describe('keystash inject', () => {
  it('fills a template to stdout, or to a 0600 file that is replaced only with --force', async () => {
    const tpl = path.join(dir, 'app.yml.tpl');
    fs.writeFileSync(tpl, 'stripe: {{ keystash://Stripe live/secret }}\ndb: "{{keystash://Dev/Backend DB/username}}:{{ keystash://Dev/Backend DB/password }}"\nkeep: {{ not a reference }}\n');
    const expected = `stripe: ${SECRET}\ndb: "app:db-pass-9876"\nkeep: {{ not a reference }}\n`;
    expect(await cli.ok(['inject', '-i', tpl])).toBe(expected);
    const out = path.join(dir, 'app.yml');
    await cli.ok(['inject', '-i', tpl, '-o', out]);
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const again = await cli.run(['inject', '-i', tpl, '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o644);
    await cli.ok(['inject', '-i', tpl, '-o', out, '--force']);
    expect(fs.readFileSync(out, 'utf8')).toBe(expected);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when one reference does not resolve', async () => {
    const tpl = path.join(dir, 'broken.tpl');
    fs.writeFileSync(tpl, 'a: {{ keystash://Stripe live/secret }}\nb: {{ keystash://Gone/secret }}\n');
    const out = path.join(dir, 'broken.out');
    const r = await cli.run(['inject', '-i', tpl, '-o', out]);
    expect(r.code).toBe(4);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('keystash run --env-file', () => {
  it('resolves references, passes plain values through, and masks secrets the program prints', async () => {
    const envFile = path.join(dir, 'app.env');
    fs.writeFileSync(envFile, 'STRIPE_KEY=keystash://Stripe live/secret\nDB_PASS="keystash://Dev/Backend DB/password"\nMODE=production\n');
    const script = 'printf "%s|%s|%s\\n" "$STRIPE_KEY" "$DB_PASS" "$MODE"; printf "err:%s" "$STRIPE_KEY" >&2';
    const masked = await cli.run(['run', '--env-file', envFile, '--', 'sh', '-c', script]);
    expect(masked.code).toBe(0);
    expect(masked.stdout).toBe('<concealed by keystash>|<concealed by keystash>|production\n');
    expect(masked.stderr).toContain('err:<concealed by keystash>');
    const raw = await cli.run(['run', '--no-masking', '--env-file', envFile, '--env', 'MODE=Stripe live', '--', 'sh', '-c', script]);
    expect(raw.stdout).toBe(`${SECRET}|db-pass-9876|${SECRET}\n`);
  });

  it('the case from the issue, run as a person runs it (#! launcher, Node 20): keystash reports the missing file', () => {
    const r = spawnSync(BIN, ['--vault', cli.file, 'run', '--env-file', 'missing.env', '--', 'true'], { cwd: dir, env: cli.env, encoding: 'utf8', input: '' });
    expect(r.status).toBe(4);
    expect(r.stderr).toBe('keystash: “missing.env” does not exist.\n');
  });

  it('refuses a malformed env file or bad reference before asking for the password', async () => {
    const envFile = path.join(dir, 'bad.env');
    fs.writeFileSync(envFile, 'GOOD=1\nBROKEN LINE\n');
    const r = await cli.run(['run', '--env-file', envFile, '--', 'true']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 2');
    fs.writeFileSync(envFile, 'K=keystash://nofield\n');
    expect((await cli.run(['run', '--env-file', envFile, '--', 'true'])).stderr).toContain('ITEM/FIELD');
  });
});
