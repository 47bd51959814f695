// `keystash health`: a vault crafted and aged through the core, checked by the real binary.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../electron/core/vault';
import type { HealthJson } from '../../shared/health';
import { buildCli, cleanEnv, PASSWORD, tempDir, VaultCli } from './cli-harness';
import { FAST_KDF } from '../support/kit';

const DAY = 86_400_000;
let cli: VaultCli;
const ids: Record<string, string> = {};

beforeAll(async () => {
  buildCli();
  const dir = tempDir();
  const file = path.join(dir, 'h.keystash');
  const t = { now: Date.now() - 400 * DAY };
  const v = await Vault.create(file, PASSWORD, { kdf: FAST_KDF, now: () => t.now });
  const strong = 'Vq7#mZ2!pL9@xR4$tK8^wN3&';
  ids.old = v.items.create({ type: 'login', title: 'Old forum', password: `${strong}1` }).id;
  t.now += 400 * DAY - 1_000;
  ids.weak = v.items.create({ type: 'login', title: 'Weak', password: 'password1' }).id;
  ids.r1 = v.items.create({ type: 'login', title: 'Reuse one', password: `${strong}2` }).id;
  ids.r2 = v.items.create({ type: 'login', title: 'Reuse two', password: `${strong}2` }).id;
  ids.expired = v.items.create({ type: 'api_key', title: 'Expired key', secret: 'sk_live_one_one_one', expiresAt: '2020-01-01' }).id;
  v.close();
  cli = new VaultCli(file, cleanEnv(dir));
});

describe('keystash health', () => {
  it('prints the documented JSON with item ids only', async () => {
    const r = await cli.run(['health', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as HealthJson;
    expect(Object.keys(json)).toEqual(['weak', 'reused', 'old', 'expiring', 'expired', 'stale', 'duplicates']);
    expect(json.weak).toEqual([ids.weak]);
    expect(json.reused.map((g) => [...g].sort())).toEqual([[ids.r1, ids.r2].sort()]);
    expect(json.old).toEqual([ids.old]);
    expect(json.expired).toEqual([ids.expired]);
    expect(json.stale).toEqual([ids.old]);
    expect(r.stdout).not.toContain('password1');
  });

  it('prints readable sections with titles and reasons', async () => {
    const out = await cli.ok(['health']);
    expect(out).toMatch(/Weak passwords: 1\n {2}- Weak \([0-9a-f]{8}\): The password is easy to guess/);
    expect(out).toMatch(/Reused passwords: 1\n {2}- Reuse one \(.{8}\), Reuse two \(.{8}\): The same password is used by 2 items/);
    expect(out).toMatch(/Expired API keys: 1/);
    expect(out).not.toContain('password1');
  });
});
