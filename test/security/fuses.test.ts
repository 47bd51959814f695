// Issue 11 §5, the fuses: Keystash's afterPack hook (packaging/hooks.ts) run on stand-in
// Electron binaries laid out as electron-builder leaves them on Linux, Windows and macOS.
// The real @electron/fuses flips the wire; its own reader (getCurrentFuseWire) reads it back.
// Each `it` names an attack on the installed app that the fuse in question closes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSE_OFF, FUSE_ON, fuseConfig } from '../../packaging/fuses';
import { keystashAfterPack, keystashBeforePack, type PackInfo } from '../../packaging/hooks';
import { standInBinary, STOCK_WIRE, wiresIn, writeStandIn } from './fixtures/stand-in-electron';

const X64 = 1;
const ARM64 = 3;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-fuses-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A packed app folder as electron-builder leaves it before afterPack: the binary and resources/native/. */
function packedApp(name: string, platform: string, binaryRel: string, resourcesRel: string, bytes = standInBinary(), arch = X64) {
  const appOutDir = path.join(tmp, name);
  const binary = path.join(appOutDir, binaryRel);
  writeStandIn(binary, bytes);
  const resources = path.join(appOutDir, resourcesRel);
  fs.mkdirSync(path.join(resources, 'native'), { recursive: true });
  fs.writeFileSync(path.join(resources, 'native', 'better_sqlite3.node'), 'stand-in addon');
  const context: PackInfo = {
    appOutDir,
    electronPlatformName: platform,
    arch,
    packager: { appInfo: { productFilename: 'Keystash' }, executableName: 'keystash', getResourcesDir: (dir) => path.join(dir, resourcesRel) },
  };
  return { context, binary, before: bytes };
}

const linux = packedApp('linux', 'linux', 'keystash', 'resources');
let wire: Record<number, number>;
beforeAll(async () => {
  await keystashAfterPack(linux.context);
  wire = (await getCurrentFuseWire(linux.binary)) as unknown as Record<number, number>;
});

describe('the packaged binary after afterPack (Linux layout)', () => {
  it('ELECTRON_RUN_AS_NODE=1 cannot turn the app into a Node interpreter: RunAsNode is off', () => {
    expect(STOCK_WIRE[FuseV1Options.RunAsNode]).toBe('1');
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
  });

  it('NODE_OPTIONS=--require=evil.js cannot run code in main: the NODE_OPTIONS fuse is off', () => {
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
  });

  it('--inspect / --inspect-brk cannot attach a debugger to main: the inspect-arguments fuse is off', () => {
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
  });

  it('an edited app.asar is refused at start: embedded asar integrity validation is on', () => {
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
  });

  it('a resources/app folder planted beside app.asar is never loaded: OnlyLoadAppFromAsar is on', () => {
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
  });

  it('cookies and Chromium storage are not left in plain text: cookie encryption is on', () => {
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FUSE_ON);
  });

  it('a file:// page gets no extra privileges: GrantFileProtocolExtraPrivileges is off', () => {
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FUSE_OFF);
  });

  it('changes only the wire: fuses Keystash does not set keep Electron’s value, every other byte is unchanged', () => {
    const after = fs.readFileSync(linux.binary);
    expect(wiresIn(linux.binary)).toEqual(['010011001']);
    const changed = [...after.keys()].filter((i) => after[i] !== linux.before[i]).length;
    expect(changed).toBe(7);
    expect(after.length).toBe(linux.before.length);
  });
});

describe('the other layouts electron-builder produces', () => {
  it('Windows: the fuses are flipped in Keystash.exe', async () => {
    const win = packedApp('win', 'win32', 'Keystash.exe', 'resources');
    await keystashAfterPack(win.context);
    expect(wiresIn(win.binary)).toEqual(['010011001']);
  });

  it('macOS: the fuses are flipped in the Electron Framework inside Keystash.app', async () => {
    const framework = 'Keystash.app/Contents/Frameworks/Electron Framework.framework/Electron Framework';
    const mac = packedApp('mac', 'darwin', framework, 'Keystash.app/Contents/Resources');
    await keystashAfterPack(mac.context);
    expect(wiresIn(mac.binary)).toEqual(['010011001']);
  });

  it('a universal binary (two slices, two wires): both are flipped', async () => {
    const uni = packedApp('universal', 'linux', 'keystash', 'resources', standInBinary({ sentinels: 2 }));
    await keystashAfterPack(uni.context);
    expect(wiresIn(uni.binary)).toEqual(['010011001', '010011001']);
  });

  it('arm64 macOS re-signs ad hoc after flipping (a binary with a broken signature will not start there)', () => {
    expect(fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('linux', 'arm64').resetAdHocDarwinSignature).toBe(false);
  });
});

describe('a package that cannot be fused or cannot open a vault fails the build', () => {
  it('a binary without the fuse wire: afterPack fails and the file is unchanged', async () => {
    const bare = packedApp('bare', 'linux', 'keystash', 'resources', Buffer.from('not an electron binary'));
    await expect(keystashAfterPack(bare.context)).rejects.toThrow(/Could not find sentinel/);
    expect(fs.readFileSync(bare.binary)).toEqual(bare.before);
  });

  it('a wire of another format version: afterPack fails and the file is unchanged', async () => {
    const v2 = packedApp('v2', 'linux', 'keystash', 'resources', standInBinary({ version: 2 }));
    await expect(keystashAfterPack(v2.context)).rejects.toThrow(/fuse wire version/);
    expect(fs.readFileSync(v2.binary)).toEqual(v2.before);
  });

  it('no Electron-ABI SQLite addon beside app.asar: afterPack fails before touching the binary', async () => {
    const noAddon = packedApp('no-addon', 'linux', 'keystash', 'resources');
    fs.rmSync(path.join(noAddon.context.appOutDir, 'resources', 'native'), { recursive: true });
    await expect(keystashAfterPack(noAddon.context)).rejects.toThrow(/better_sqlite3\.node is missing/);
    expect(fs.readFileSync(noAddon.binary)).toEqual(noAddon.before);
  });

  it('a platform with no known fuse layout is refused by name', async () => {
    const odd = packedApp('odd', 'freebsd', 'keystash', 'resources');
    await expect(keystashAfterPack(odd.context)).rejects.toThrow(/no fuse layout for platform "freebsd"/);
  });

  it('beforePack refuses an architecture the addon was not built for, and accepts this machine', async () => {
    const arm = packedApp('arm', 'linux', 'keystash', 'resources', standInBinary(), ARM64);
    await expect(keystashBeforePack(arm.context, 'x64', 'linux')).rejects.toThrow(/builds the SQLite addon for itself only; build the linux-arm64 installer on a linux-arm64 machine/);
    await expect(keystashBeforePack(linux.context, 'x64', 'linux')).resolves.toBeUndefined();
    await expect(keystashBeforePack(linux.context, 'x64', 'darwin')).rejects.toThrow(/linux-x64 installer/);
  });
});
