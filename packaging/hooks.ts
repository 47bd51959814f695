// electron-builder's beforePack and afterPack hooks for Keystash.
// beforePack refuses a target the Electron-ABI SQLite addon was not built for (it is built
// for this machine by scripts/electron-native.mjs; a foreign architecture would package a
// binary that cannot load). afterPack checks the addon landed beside app.asar, then flips the
// fuses (packaging/fuses.ts) in the packaged binary before electron-builder signs it.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGED_NATIVE_DIR, SQLITE_ADDON } from '../electron/main/native-binding';
import { applyFuses, fusedBinaryPath, type FusePlatform } from './fuses';

/** The part of electron-builder's PackContext the hooks read (a structural subset, so tests can build one). */
export interface PackInfo {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  /** electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4. */
  readonly arch: number;
  readonly packager: {
    readonly appInfo: { readonly productFilename: string };
    readonly executableName?: string;
    getResourcesDir(appOutDir: string): string;
  };
}

const ARCH_NAMES = ['ia32', 'x64', 'arm', 'arm64', 'universal'] as const;
const PLATFORMS: readonly string[] = ['linux', 'win32', 'darwin', 'mas'] satisfies FusePlatform[];

/** Node's name (process.arch) for electron-builder's Arch number. */
export function nodeArch(arch: number): string {
  const name = ARCH_NAMES[arch];
  if (name === undefined) throw new Error(`packaging: unknown architecture number ${arch}`);
  return name;
}

function platformOf(context: PackInfo): FusePlatform {
  if (!PLATFORMS.includes(context.electronPlatformName)) {
    throw new Error(`packaging: no fuse layout for platform "${context.electronPlatformName}"`);
  }
  return context.electronPlatformName as FusePlatform;
}

export async function keystashBeforePack(context: PackInfo, hostArch: string = process.arch, hostPlatform: string = process.platform): Promise<void> {
  const arch = nodeArch(context.arch);
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  if (arch !== hostArch || platform !== hostPlatform) {
    throw new Error(
      `packaging: this machine (${hostPlatform}-${hostArch}) builds the SQLite addon for itself only; ` +
        `build the ${platform}-${arch} installer on a ${platform}-${arch} machine`,
    );
  }
}

export async function keystashAfterPack(context: PackInfo): Promise<void> {
  const platform = platformOf(context);
  const addon = path.join(context.packager.getResourcesDir(context.appOutDir), PACKAGED_NATIVE_DIR, SQLITE_ADDON);
  if (!fs.existsSync(addon)) {
    throw new Error(`packaging: ${addon} is missing; run scripts/electron-native.mjs (npm run dist does) before electron-builder`);
  }
  const productFilename = context.packager.appInfo.productFilename;
  const binary = fusedBinaryPath(context.appOutDir, platform, {
    executableName: context.packager.executableName ?? productFilename,
    productFilename,
  });
  await applyFuses(binary, platform, nodeArch(context.arch));
}
