// `keystash env`: shell and .env lines from the real binary, read back by a real shell.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, newVault, type VaultCli } from './cli-harness';

const GH = `ghp_${'aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY9zZ9'.slice(0, 36)}`;
const TRICKY = `it's "quoted" $HOME \\ \`x\``;
let cli: VaultCli;

beforeAll(async () => {
  buildCli();
  ({ cli } = await newVault());
  await cli.ok(['add', 'api_key', '--title', 'GitHub CI', '--secret-stdin'], [GH]);
  await cli.ok(['add', 'api_key', '--title', 'Odd service key', '--key-id', 'client-42', '--secret-stdin'], [TRICKY]);
  await cli.ok(['add', 'login', '--title', 'Postgres', '--username', 'app', '--secret-stdin'], ['db-pass']);
});

describe('keystash env', () => {
  it('prints export lines a POSIX shell reads back exactly, with recognised or title names', async () => {
    const out = await cli.ok(['env', 'GitHub CI', 'Odd service key', 'Postgres']);
    expect(out.split('\n')[0]).toBe(`export GITHUB_TOKEN='${GH}'`);
    expect(out).toContain(`export ODD_SERVICE_KEY='it'\\''s "quoted" $HOME \\ \`x\`'`);
    const script = `${out}\nprintf '%s|%s|%s' "$GITHUB_TOKEN" "$ODD_SERVICE_KEY" "$POSTGRES"`;
    expect(execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' })).toBe(`${GH}|${TRICKY}|db-pass`);
  });

  it('takes --name, VAR=ITEM, ITEM.field and --format dotenv', async () => {
    expect(await cli.ok(['env', 'GitHub CI', '--name', 'GH_TOKEN'])).toBe(`export GH_TOKEN='${GH}'\n`);
    expect(await cli.ok(['env', 'DB_USER=Postgres.username', 'DB_PASS=Postgres', '--format', 'dotenv'])).toBe('DB_USER="app"\nDB_PASS="db-pass"\n');
    expect(await cli.ok(['env', 'Odd service key', '--format', 'dotenv'])).toBe(`ODD_SERVICE_KEY="it's \\"quoted\\" \\$HOME \\\\ \`x\`"\n`);
    expect(await cli.ok(['env', 'Odd service key.keyId'])).toBe(`export ODD_SERVICE_KEY='client-42'\n`);
  });

  it('records one cli-use per value printed', async () => {
    const before = JSON.parse(await cli.ok(['history', '--json'])) as { events: { kind: string }[] };
    await cli.ok(['env', 'GitHub CI', 'Postgres']);
    const after = JSON.parse(await cli.ok(['history', '--json'])) as { events: { kind: string; source: string }[] };
    const uses = (e: { kind: string }[]): number => e.filter((x) => x.kind === 'cli-use').length;
    expect(uses(after.events) - uses(before.events)).toBe(2);
  });

  it('refuses bad names, formats and --name with several items, printing nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['env', 'GitHub CI', '--name', '9X'], /not a valid environment-variable name/],
      [['env', 'GitHub CI', '--format', 'yaml'], /--format is shell or dotenv/],
      [['env', 'GitHub CI', 'Postgres', '--name', 'X'], /exactly one ITEM/],
      [['env', 'Nope'], /No item matches/],
    ];
    for (const [args, message] of cases) {
      const r = await cli.run(args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });
});
