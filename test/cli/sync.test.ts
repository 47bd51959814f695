// `keystash sync` through the real CLI bundle: setup, join, sync with --json, status, devices,
// usage errors, and exit 3 when a file on the target is quarantined.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apacheMissing, startWebdav } from '../support/apache-webdav';
import { buildCli, cleanEnv, newVault, VaultCli } from './cli-harness';

const davMissing = apacheMissing();
if (davMissing) console.log(`Skipping the WebDAV CLI test: ${davMissing}.`);

beforeAll(() => {
  buildCli();
});

interface Report {
  pushed: number;
  pulled: number;
  conflicts: number;
  quarantined: { file: string; reason: string; message: string }[];
}

async function twoDevices(): Promise<{ a: VaultCli; b: VaultCli; folder: string; dir: string }> {
  const { dir, cli: a } = await newVault();
  const folder = path.join(dir, 'Sync', 'keystash');
  await a.ok(['add', 'login', '--title', 'GitHub', '--username', 'alice']);
  const setup = await a.run(['sync', 'setup', '--folder', folder, '--device-name', 'laptop', '--json']);
  expect(setup.code, setup.stderr).toBe(0);
  expect(JSON.parse(setup.stdout)).toEqual({ pushed: 1, pulled: 0, conflicts: 0, quarantined: [] });
  const b = new VaultCli(path.join(dir, 'desktop.keystash'), cleanEnv(dir));
  const join = await b.run(['sync', 'join', '--folder', folder, '--device-name', 'desktop', '--json']);
  expect(join.code, join.stderr).toBe(0);
  expect(JSON.parse(join.stdout)).toMatchObject({ pulled: 1, quarantined: [] });
  return { a, b, folder, dir };
}

describe('keystash sync', () => {
  it('setup, join, and changes made on either side reach the other', async () => {
    const { a, b } = await twoDevices();
    expect(await b.ok(['list'])).toContain('GitHub');
    await b.ok(['add', 'note', '--title', 'Wi-Fi', '--notes', 'guest']);
    expect(await b.json<Report>(['sync'])).toEqual({ pushed: 1, pulled: 0, conflicts: 0, quarantined: [] });
    const pulled = await a.json<Report>(['sync']);
    expect(pulled.pulled).toBe(1);
    expect(await a.ok(['list'])).toContain('Wi-Fi');
    const text = await a.run(['sync']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Pushed 0 changes, pulled 0 changes, 0 conflicts\./);
  });

  it('history shows the usage events of the other device with that device as the source', async () => {
    const { a, b } = await twoDevices();
    await b.ok(['add', 'login', '--title', 'Shell']);
    await b.ok(['sync']);
    await a.ok(['sync']);
    const { events } = await a.json<{ events: { kind: string; source: string; device: string | null; title: string | null }[] }>(['history']);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'create', source: 'cli', device: 'desktop', title: 'Shell' }));
    // This device's own events name no other device.
    expect(events.filter((e) => e.device === 'laptop')).toEqual([]);
    expect(await a.ok(['history'])).toMatch(/create +cli on desktop +Shell/);
  });

  it('status and devices name the target, this device and the others', async () => {
    const { a, folder } = await twoDevices();
    await a.ok(['sync']);
    const status = await a.json<{ target: unknown; device: { name: string }; devices: { name: string; current: boolean; lastSeenAt: number | null }[]; pendingChanges: number; lastSync: { ok: boolean } }>(['sync', 'status']);
    expect(status.target).toEqual({ kind: 'folder', path: folder });
    expect(status.device.name).toBe('laptop');
    expect(status.pendingChanges).toBe(0);
    expect(status.lastSync.ok).toBe(true);
    const { devices } = await a.json<{ devices: { name: string; current: boolean; lastSeenAt: number | null }[] }>(['sync', 'devices']);
    expect(devices.map((d) => [d.name, d.current])).toEqual([
      ['laptop', true],
      ['desktop', false],
    ]);
    expect(devices[1]?.lastSeenAt).toEqual(expect.any(Number));
    const text = await a.ok(['sync', 'devices']);
    expect(text).toMatch(/laptop \(this device\)/);
    expect(text).toMatch(/desktop +last seen/);
    expect(await a.ok(['sync', 'status'])).toMatch(/This device: laptop/);
  });

  it('exits 3 and names the file when something on the target is quarantined, after applying the good ones', async () => {
    const { a, b, folder } = await twoDevices();
    await b.ok(['add', 'note', '--title', 'Good one']);
    await b.ok(['sync']);
    const bogus = path.join(folder, 'devices', '00000000-0000-4000-8000-000000000001', '0000000001.batch');
    fs.mkdirSync(path.dirname(bogus), { recursive: true });
    fs.writeFileSync(bogus, 'KSB1\n{"not":"ours"}\n');
    const r = await a.run(['sync', '--json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.pulled).toBe(1);
    expect(report.quarantined).toEqual([expect.objectContaining({ reason: 'forged', file: 'devices/00000000-0000-4000-8000-000000000001/0000000001.batch' })]);
    expect(r.stderr).toMatch(/Quarantined \(forged\)/);
    expect(await a.ok(['list'])).toContain('Good one');
  });

  it('revoke takes a device name and marks it revoked', async () => {
    const { a, b } = await twoDevices();
    await a.ok(['sync']);
    const r = await a.run(['sync', 'revoke', 'desktop', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Revoked “desktop”/);
    const { devices } = await a.json<{ devices: { name: string; revoked: boolean }[] }>(['sync', 'devices']);
    expect(devices.find((d) => d.name === 'desktop')?.revoked).toBe(true);
    const told = await b.run(['sync']);
    expect(told.code).toBe(1);
    expect(told.stderr).toMatch(/revoked by “laptop”/);
    expect((await a.run(['sync', 'revoke', 'nobody'])).code).toBe(4);
  });

  it('refuses bad usage with a clear message and changes nothing', async () => {
    const { dir, cli } = await newVault();
    const noTarget = await cli.run(['sync', 'setup']);
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toMatch(/either --folder DIR or --webdav URL/);
    const notSetUp = await cli.run(['sync']);
    expect(notSetUp.code).toBe(4);
    expect(notSetUp.stderr).toMatch(/does not sync yet/);
    expect((await cli.run(['sync', 'frobnicate'])).code).toBe(1);
    const joinExisting = await cli.run(['sync', 'join', '--folder', path.join(dir, 'x')]);
    expect(joinExisting.code).toBe(1);
    expect(joinExisting.stderr).toMatch(/already exists/);
    const emptyTarget = new VaultCli(path.join(dir, 'new.keystash'), cli.env);
    const joinEmpty = await emptyTarget.run(['sync', 'join', '--folder', path.join(dir, 'empty')]);
    expect(joinEmpty.code).toBe(4);
    expect(fs.existsSync(emptyTarget.file)).toBe(false);
  });

  it('join with the wrong master password creates nothing', async () => {
    const { dir, folder } = await twoDevices();
    const c = new VaultCli(path.join(dir, 'phone.keystash'), cleanEnv(dir), 'not the password');
    const r = await c.run(['sync', 'join', '--folder', folder]);
    expect(r.code).toBe(2);
    expect(fs.existsSync(c.file)).toBe(false);
  });

  it.skipIf(davMissing !== null)('setup and join through WebDAV, the password read from stdin', async () => {
    const server = await startWebdav();
    try {
      const { dir, cli: a } = await newVault();
      await a.ok(['add', 'login', '--title', 'Over WebDAV']);
      const dav = ['--webdav', server.url, '--webdav-user', server.user, '--webdav-password-stdin'];
      const setup = await a.run(['sync', 'setup', ...dav, '--json'], [server.password]);
      expect(setup.code, setup.stderr).toBe(0);
      const b = new VaultCli(path.join(dir, 'b.keystash'), cleanEnv(dir));
      const join = await b.run(['sync', 'join', ...dav], [server.password]);
      expect(join.code, join.stderr).toBe(0);
      expect(await b.ok(['list'])).toContain('Over WebDAV');
      expect(await b.ok(['sync', 'status'])).toContain(`${server.url} (as ${server.user})`);
      const wrong = await new VaultCli(path.join(dir, 'c.keystash'), cleanEnv(dir)).run(['sync', 'join', ...dav], ['wrong']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/refused the user name or password/);
    } finally {
      await server.stop();
    }
  });
});
