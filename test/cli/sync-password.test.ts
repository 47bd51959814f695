// A master-password change on one device reaching another, through the real CLI bundle:
// `keystash passwd` on the laptop, `keystash sync` on both, and the desktop then opens with the
// new password only, saying where the change came from.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, newVault, VaultCli } from './cli-harness';

beforeAll(() => {
  buildCli();
});

const NEW_PASSWORD = 'a brand new master password';

describe('keystash passwd in a synced vault', () => {
  it('the change reaches the other device at its next sync; the old password then fails there', async () => {
    const { dir, cli: laptop } = await newVault();
    const folder = path.join(dir, 'Sync', 'keystash');
    await laptop.ok(['add', 'login', '--title', 'GitHub', '--username', 'alice']);
    await laptop.ok(['sync', 'setup', '--folder', folder, '--device-name', 'laptop']);
    const desktop = new VaultCli(path.join(dir, 'desktop.keystash'), cleanEnv(dir));
    await desktop.ok(['sync', 'join', '--folder', folder, '--device-name', 'desktop']);
    await laptop.ok(['sync']); // the laptop learns the desktop's key

    const changed = await laptop.run(['passwd'], [NEW_PASSWORD]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toMatch(/Run `keystash sync` to send the change to your other devices/);
    laptop.password = NEW_PASSWORD;
    await laptop.ok(['sync']);

    const taken = await desktop.run(['sync', '--json']);
    expect(taken.code, taken.stderr).toBe(0);
    expect(JSON.parse(taken.stdout)).toMatchObject({ passwordChangedOn: 'laptop', quarantined: [] });
    expect(taken.stderr).toContain('The master password was changed on “laptop”.');

    // The old password now fails on the desktop like any wrong password (exit 4 is wrong-password).
    const old = await desktop.run(['list']);
    expect(old.code).not.toBe(0);
    expect(old.stderr).toMatch(/Wrong master password/);
    desktop.password = NEW_PASSWORD;
    const first = await desktop.run(['list']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('GitHub');
    expect(first.stderr).toContain('Notice: The master password was changed on “laptop”.');
    const again = await desktop.run(['sync', 'status']);
    expect(again.stderr).not.toContain('was changed on');
    expect(again.stdout).toMatch(/Password: +changed on “laptop”/);

    // A third machine joins with the new password; the old one is named as old.
    const phone = new VaultCli(path.join(dir, 'phone.keystash'), cleanEnv(dir));
    const refused = await phone.run(['sync', 'join', '--folder', folder, '--device-name', 'phone']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/earlier master password/);
    expect(fs.existsSync(phone.file)).toBe(false); // a refused join leaves no vault file
    phone.password = NEW_PASSWORD;
    await phone.ok(['sync', 'join', '--folder', folder, '--device-name', 'phone']);
    expect(await phone.ok(['list'])).toContain('GitHub');
  });
});
