// Profiles (envchain-like namespaces) through the real binary: set, list, rm, and
// `run --profile`, with the references resolved, masked and logged; kept encrypted in the vault.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, newVault, type VaultCli } from './cli-harness';

const SECRET = 'sk_live_profile_secret_42';
let cli: VaultCli;

beforeAll(async () => {
  buildCli();
  ({ cli } = await newVault());
  await cli.ok(['add', 'api_key', '--title', 'Stripe live', '--secret-stdin'], [SECRET]);
  await cli.ok(['add', 'login', '--title', 'Postgres', '--username', 'app', '--secret-stdin'], ['pg-pass-777']);
});

describe('keystash profile', () => {
  it('sets, lists, extends and removes variables; values must be references', async () => {
    await cli.ok(['profile', 'set', 'shop', 'STRIPE_KEY=keystash://Stripe live/secret', 'DB_USER=keystash://Postgres/username']);
    await cli.ok(['profile', 'set', 'shop', 'DB_PASS=keystash://Postgres/password']);
    expect(await cli.json(['profile', 'list'])).toEqual({
      profiles: { shop: { STRIPE_KEY: 'keystash://Stripe live/secret', DB_USER: 'keystash://Postgres/username', DB_PASS: 'keystash://Postgres/password' } },
    });
    expect(await cli.ok(['profile', 'list', 'shop'])).toContain('  STRIPE_KEY=keystash://Stripe live/secret');
    const bad = await cli.run(['profile', 'set', 'shop', 'PLAIN=hello']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('keystash://');
    expect((await cli.run(['profile', 'set', 'bad name', 'A=keystash://x/y'])).code).toBe(1);
    expect((await cli.run(['profile', 'set', 'shop', '1A=keystash://x/y'])).code).toBe(1);
    await cli.ok(['profile', 'rm', 'shop', 'DB_USER']);
    expect(Object.keys((await cli.json<{ profiles: Record<string, object> }>(['profile', 'list'])).profiles.shop ?? {})).toEqual(['STRIPE_KEY', 'DB_PASS']);
    expect((await cli.run(['profile', 'rm', 'nope'])).code).toBe(4);
    // Encrypted: neither the name of a variable nor a reference is in the file as text.
    const raw = fs.readFileSync(cli.file);
    for (const needle of ['STRIPE_KEY', 'keystash://Stripe live']) expect(raw.includes(Buffer.from(needle))).toBe(false);
  });

  it('run --profile gives the program the variables, masked, each use logged', async () => {
    await cli.ok(['profile', 'set', 'deploy', 'STRIPE_KEY=keystash://Stripe live/secret', 'DB_PASS=keystash://Postgres/password']);
    const script = 'printf "%s|%s|%s" "$STRIPE_KEY" "$DB_PASS" "$EXTRA"';
    const masked = await cli.run(['run', '--profile', 'deploy', '--env', 'EXTRA=Postgres.username', '--', 'sh', '-c', script]);
    expect(masked.stdout).toBe('<concealed by keystash>|<concealed by keystash>|app');
    const raw = await cli.run(['run', '--no-masking', '--profile', 'deploy', '--', 'sh', '-c', script]);
    expect(raw.stdout).toBe(`${SECRET}|pg-pass-777|`);
    const missing = await cli.run(['run', '--profile', 'nope', '--', 'true']);
    expect(missing.code).toBe(4);
    const h = await cli.json<{ events: { kind: string; note: string | null }[] }>(['history', '--limit', '40']);
    // Three values for the masked run (two from the profile, EXTRA), two for the raw one.
    expect(h.events.filter((e) => e.kind === 'cli-use' && e.note === 'run sh')).toHaveLength(5);
    await cli.ok(['profile', 'rm', 'deploy']);
    expect((await cli.json<{ profiles: object }>(['profile', 'list'])).profiles).not.toHaveProperty('deploy');
  });
});
