// `keystash run`: the child gets the secrets in its environment, its exit code comes back,
// and no file is left behind anywhere (TMPDIR and the vault's folder are compared).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, newVault, VaultCli } from './cli-harness';

const SECRET = 'sk_live_Zq8RunSecretValue1234567';
let cli: VaultCli;
let dir: string;
let tmp: string;

function listing(d: string): string[] {
  return fs.readdirSync(d, { recursive: true, encoding: 'utf8' }).sort();
}

function contains(d: string, needle: string): string[] {
  return listing(d).filter((f) => {
    const p = path.join(d, f);
    return fs.statSync(p).isFile() && fs.readFileSync(p).includes(Buffer.from(needle));
  });
}

beforeAll(async () => {
  buildCli();
  ({ cli, dir } = await newVault());
  tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
  // The CLI and the child both get this TMPDIR, so anything they write there is seen.
  cli = new VaultCli(cli.file, cleanEnv(dir, { TMPDIR: tmp, TMP: tmp, TEMP: tmp }));
  await cli.ok(['add', 'api_key', '--title', 'Payments', '--secret-stdin'], [SECRET]);
  await cli.ok(['add', 'login', '--title', 'Postgres', '--username', 'app', '--secret-stdin'], ['db-pass']);
});

describe('keystash run', () => {
  it('passes the secrets in the environment, returns the exit code, and leaves no file behind', async () => {
    const before = { vault: listing(dir), tmp: listing(tmp) };
    const script = 'process.stdout.write([process.env.PAY, process.env.DB_USER, process.env.DB_PASS].join("|")); process.exit(7)';
    const r = await cli.run(['run', '--no-masking', '--env', 'PAY=Payments', '--env', 'DB_USER=Postgres.username', '--env', 'DB_PASS=Postgres', '--', process.execPath, '-e', script]);
    expect(r.stdout).toBe(`${SECRET}|app|db-pass`);
    expect(r.code).toBe(7);
    expect({ vault: listing(dir), tmp: listing(tmp) }).toEqual(before);
    expect(contains(dir, SECRET)).toEqual([]);
  });

  it('uses the recognised name when only ITEM is given and passes arguments without a shell', async () => {
    const r = await cli.run(['run', '--no-masking', '--env', 'Payments', '--', process.execPath, '-e', 'process.stdout.write(process.env.STRIPE_SECRET_KEY + " " + process.argv[1])', '$HOME;echo hi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${SECRET} $HOME;echo hi`);
  });

  it('returns 128 + n when the command is killed by a signal, and 127 when it does not exist', async () => {
    const killed = await cli.run(['run', '--env', 'X=Payments', '--', process.execPath, '-e', 'process.kill(process.pid, "SIGTERM")']);
    expect(killed.code).toBe(143);
    const missing = await cli.run(['run', '--env', 'X=Payments', '--', 'keystash-no-such-command-x']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/Command not found/);
  });

  it('records one cli-use per secret, naming only the program', async () => {
    await cli.ok(['run', '--env', 'A=Payments', '--env', 'B=Postgres', '--', process.execPath, '-e', '0', 'arg-that-must-not-be-logged']);
    const h = JSON.parse(await cli.ok(['history', '--json'])) as { events: { kind: string; source: string; note: string | null }[] };
    const last = h.events.filter((e) => e.kind === 'cli-use').slice(-2);
    expect(last.map((e) => e.source)).toEqual(['cli', 'cli']);
    expect(JSON.stringify(h)).not.toContain('arg-that-must-not-be-logged');
  });

  it('refuses a run without --env or without a command, running nothing', async () => {
    expect((await cli.run(['run', '--', process.execPath, '-e', 'process.exit(0)'])).stderr).toMatch(/at least one --env/);
    const bad = await cli.run(['run', '--env', '1X=Payments', '--', process.execPath, '-e', 'process.stdout.write("ran")']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
  });
});
