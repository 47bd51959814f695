// The Electron fuses Keystash ships with, and flipping them in a packaged binary.
// Fuses are bits compiled into the Electron binary (after a fixed sentinel string) that turn
// features off before any of our code runs, so an attacker who can start the app with their
// own environment or arguments cannot turn it into a Node interpreter or a debug target.
// The afterPack hook (packaging/hooks.ts) calls applyFuses on every packaged app; the settings
// are read back from the binary afterwards and the build fails if any did not take.
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';

/** The wire's byte values, as @electron/fuses writes them ('0' off, '1' on). */
export const FUSE_OFF = 0x30;
export const FUSE_ON = 0x31;

/** Each fuse we set, with the attack it closes (the docs' security model lists the same). */
export const KEYSTASH_FUSES = {
  // ELECTRON_RUN_AS_NODE=1 would make the signed app a plain Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS=--require=evil.js would run code inside main before our first line.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger into main, where the vault key lives.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // An edited app.asar is refused at start (macOS and Windows: electron-builder embeds its hash).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // A resources/app folder dropped beside app.asar is never loaded instead of it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // file:// pages get no extra privileges (we serve the UI from app://, never file://).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies Partial<Record<FuseV1Options, boolean>>;

export type FusePlatform = 'linux' | 'win32' | 'darwin' | 'mas';

/**
 * The file that holds the fuse wire in a packaged app. On macOS that is the Electron Framework
 * inside the bundle; @electron/fuses finds it from the .app path, which is what we return.
 */
export function fusedBinaryPath(appOutDir: string, platform: FusePlatform, names: { executableName: string; productFilename: string }): string {
  switch (platform) {
    case 'linux':
      return path.join(appOutDir, names.executableName);
    case 'win32':
      return path.join(appOutDir, `${names.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${names.productFilename}.app`);
  }
}

export function fuseConfig(platform: FusePlatform, arch: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // Flipping bytes breaks an arm64 macOS binary's ad-hoc signature; without one it will not start.
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && arch === 'arm64',
    ...KEYSTASH_FUSES,
  };
}

/** Flips Keystash's fuses in a packaged binary, then reads them back; throws if any did not take. */
export async function applyFuses(binary: string, platform: FusePlatform, arch: string): Promise<void> {
  await flipFuses(binary, fuseConfig(platform, arch));
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  const wrong = Object.entries(KEYSTASH_FUSES).filter(([option, on]) => wire[Number(option)] !== (on ? FUSE_ON : FUSE_OFF));
  if (wrong.length > 0) {
    const names = wrong.map(([option]) => FuseV1Options[Number(option)]).join(', ');
    throw new Error(`fuses: ${binary} still has ${names} in the wrong state after flipping`);
  }
}
