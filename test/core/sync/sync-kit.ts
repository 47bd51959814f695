// Devices for sync tests: real vault files (lowest Argon2 settings) that share one real folder
// as their target, set up and joined the way the CLI and the app do it.
import path from 'node:path';
import { FolderTransport } from '../../../electron/core/sync/folder-transport';
import { joinSync, runSync, setupSync } from '../../../electron/core/sync/engine';
import type { Vault } from '../../../electron/core/vault';
import type { SyncReport } from '../../../shared/sync';
import { FAST_KDF, newVault, PASSWORD, tempDir, track } from '../fixtures/vault-helpers';

export interface Device {
  vault: Vault;
  sync: () => Promise<SyncReport>;
}

export function sharedFolder(): string {
  return path.join(tempDir(), 'target');
}

/** The first device: a new vault with `setup` on the folder. */
export async function firstDevice(folder: string, name = 'laptop', opts: { now?: () => number } = {}): Promise<Device> {
  const vault = await newVault(opts);
  const transport = FolderTransport.open(folder);
  await setupSync(vault, PASSWORD, { kind: 'folder', path: folder }, transport, name);
  return { vault, sync: () => runSync(vault, transport) };
}

/** Another device: a new vault file made by `join`. */
export async function joinedDevice(folder: string, name = 'desktop', opts: { now?: () => number } = {}): Promise<Device & { joined: SyncReport }> {
  const transport = FolderTransport.open(folder);
  const file = path.join(tempDir(), 'vault.keystash');
  const { vault, report } = await joinSync(file, PASSWORD, { kind: 'folder', path: folder }, transport, { deviceName: name, kdf: FAST_KDF, ...opts });
  track(vault);
  return { vault, sync: () => runSync(vault, transport), joined: report };
}

/** Every live item with its fields, secrets and password history, by id: what two converged devices must share. */
export function contents(vault: Vault): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const l of vault.items.list({ limit: 1_000_000 }).concat(vault.items.list({ trash: true, limit: 1_000_000 }))) {
    const { item } = vault.items.record(l.id);
    const { updatedAt: _u, ...rest } = item;
    out[l.id] = rest;
  }
  return out;
}
