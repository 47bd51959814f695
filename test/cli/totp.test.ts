// `keystash totp`: RFC 6238 codes from the real binary, logged as a CLI use.
import { Secret } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, newVault, type VaultCli } from './cli-harness';

const SEED = Secret.fromLatin1('12345678901234567890').base32;
let cli: VaultCli;

beforeAll(async () => {
  buildCli();
  ({ cli } = await newVault());
  await cli.ok(['add', 'login', '--title', 'RFC', '--totp-stdin'], [`otpauth://totp/RFC?secret=${SEED}&digits=8`]);
  await cli.ok(['add', 'login', '--title', 'Plain', '--totp-stdin'], [SEED]);
  await cli.ok(['add', 'login', '--title', 'None']);
});

describe('keystash totp', () => {
  it('prints the RFC 6238 code at --time and records the use', async () => {
    for (const [t, code] of [['59', '94287082'], ['1111111109', '07081804'], ['2000000000', '69279037']] as const) {
      const r = await cli.run(['totp', 'RFC', '--time', t]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${code}\n`);
      expect(r.stderr).toMatch(/Valid for \d+ more seconds \(8 digits, 30 s period\)/);
    }
    expect((await cli.ok(['totp', 'Plain', '--time', '59'])).trim()).toBe('287082');
    const now = (await cli.ok(['totp', 'Plain'])).trim();
    expect(now).toMatch(/^\d{6}$/);
    const events = JSON.parse(await cli.ok(['history', '--json'])) as { events: { kind: string; source: string; field: string | null }[] };
    expect(events.events.filter((e) => e.kind === 'cli-use' && e.field === 'totp' && e.source === 'cli').length).toBe(5);
  });

  it('explains items without a secret, bad times and malformed secrets on add', async () => {
    const none = await cli.run(['totp', 'None']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/has no one-time-password secret/);
    expect((await cli.run(['totp', 'RFC', '--time', 'soon'])).stderr).toMatch(/--time takes a whole number/);
    const bad = await cli.run(['add', 'login', '--title', 'Bad', '--totp-stdin'], [`otpauth://totp/x?secret=${SEED}&period=45`]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/period must be 30 or 60 seconds/);
  });
});
