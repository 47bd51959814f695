// The devices of a sync target as this device knows them: their status, finding one by id,
// prefix or name, and revoking one (a new sync key for everything written from then on).
import type { SyncReport, SyncStatus } from '../../../shared/sync';
import { KeystashError } from '../errors';
import type { Vault } from '../vault';
import { KEY_BYTES, randomBytes } from '../crypto/cipher';
import { keyEnvelopePath, sealEnvelope } from './envelope';
import { targetInfo } from './ledger';
import { nextEpoch } from './password-change';
import type { SyncTransport } from './transport';
import { runSync } from './engine';

/** Finds another device by id, id prefix (4 or more characters) or exact name. */
export function resolveDevice(vault: Vault, ref: string): string {
  const s = vault.sync.requireState();
  const peers = Object.entries(s.peers);
  const exact = peers.find(([id]) => id === ref);
  if (exact) return exact[0];
  const hits = ref.length >= 4 ? peers.filter(([id]) => id.startsWith(ref)) : [];
  const named = hits.length > 0 ? hits : peers.filter(([, p]) => p.name === ref);
  if (named.length === 1 && named[0]) return named[0][0];
  if (named.length > 1) throw new KeystashError('ambiguous', `${named.length} devices match “${ref}”; use the device id.`);
  throw new KeystashError('not-found', `No other device matches “${ref}”; see \`keystash sync devices\`.`);
}

/**
 * Revokes another device: a new sync key (epoch) for everything written from now on, wrapped to
 * every device that stays and, for devices that join later, under the master password in this
 * device's folder. Then syncs, so the others learn of it.
 */
export async function revokeDevice(vault: Vault, password: string, ref: string, transport: SyncTransport): Promise<{ revoked: string; leftOut: string[]; report: SyncReport }> {
  await vault.masterPassword.verify(password);
  const deviceId = resolveDevice(vault, ref);
  const s = vault.sync.requireState();
  if (s.revoked.includes(deviceId)) throw new KeystashError('exists', `“${s.peers[deviceId]?.name ?? deviceId}” is already revoked.`);
  const epoch = nextEpoch(s);
  const key = randomBytes(KEY_BYTES);
  try {
    await transport.writeNew(keyEnvelopePath(s.deviceId, epoch), await sealEnvelope(password, vault.kdfParams(), s.syncId, key, { epoch, earlier: s.keys }));
    const { leftOut } = vault.sync.revoke(deviceId, epoch, key);
    return { revoked: s.peers[deviceId]?.name ?? deviceId, leftOut, report: await runSync(vault, transport) };
  } finally {
    key.fill(0);
  }
}

/** The target, this device and every other device this device knows of, with its own counts. */
export function syncStatus(vault: Vault): SyncStatus {
  const s = vault.sync.requireState();
  const devices = [
    { id: s.deviceId, name: s.deviceName, current: true, seq: s.ownSeq, lastSeenAt: s.ownLastAt, revoked: s.revokedBy !== null },
    ...Object.entries(s.peers).map(([id, p]) => ({ id, name: p.name, current: false, seq: p.seq, lastSeenAt: p.lastSeenAt, revoked: s.revoked.includes(id) })),
  ];
  return {
    target: targetInfo(s.target),
    device: { id: s.deviceId, name: s.deviceName },
    devices,
    lastSync: s.lastSync,
    pendingChanges: vault.sync.pendingCount(),
    conflictedItems: vault.sync.conflictedIds(),
    passwordChange: s.password && s.password.stamp !== '' ? { by: s.password.by, at: s.password.at, here: s.password.here } : null,
  };
}
