// One sync run and the two ways to start syncing. A run pushes first (local changes become this
// device's next sealed batches, written as new files), then pulls (sync/pull.ts): for every other device it
// applies the batches after the last one it has seen, strictly in sequence order, each in one
// transaction. A file that is not exactly the next batch of its device is quarantined: listed
// in the report with its reason, never applied, and looked at again next time (a half-written
// file may be complete by then). The run never throws for a bad file; it throws only when the
// target as a whole is unusable (not there, another vault's, or this vault rolled back).
// The devices' status and revoking one are in devices.ts.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { QuarantinedFile, SyncReport } from '../../../shared/sync';
import type { UnlockReport } from '../../../shared/unlock-report';
import { KeystashError } from '../errors';
import type { Vault, VaultOptions } from '../vault';
import { Vault as VaultClass } from '../vault';
import type { KdfParams } from '../../../shared/domain';
import { batchPath, snapshotPath } from './batch-file';
import { createEnvelope, ENVELOPE_FILE, openEnvelope, readEnvelope } from './envelope';
import { newDeviceKeyPair } from './device-keys';
import { keyOf, laterEpoch, type SyncState, type TargetConfig } from './ledger';
import { groupListing } from './target-scan';
import { deletableBatches, snapshotDue } from './snapshot';
import type { SyncTransport } from './transport';
import { batchProgress, checkOwnLog, checkTarget, pullPass, type SyncProgress } from './pull';

export type { SyncProgress } from './pull';

export const DEFAULT_DEVICE_NAME = 'This device';

function newState(syncId: string, keys: Record<string, string>, epoch: string, target: TargetConfig, deviceName: string): SyncState {
  return {
    syncId,
    deviceId: randomUUID(),
    deviceName,
    target,
    keys,
    epoch,
    deviceKeys: newDeviceKeyPair(),
    revoked: [],
    revokedBy: null,
    ownSeq: 0,
    ownDigest: '',
    ownLastAt: null,
    announcedName: '',
    clock: { wall: 0, counter: 0 },
    peers: {},
    lastSync: null,
  };
}

const b64 = (k: Uint8Array): string => Buffer.from(k).toString('base64');

function checkDeviceName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 100 || n.includes('\u0000')) throw new KeystashError('invalid-input', 'A device name is 1 to 100 characters.');
  return n;
}

/**
 * Makes `vault` the first device of a new sync target: writes the key envelope (the sync key
 * under the master password) and pushes every item. Refuses a target that already holds one.
 */
export async function setupSync(vault: Vault, password: string, target: TargetConfig, transport: SyncTransport, deviceName = DEFAULT_DEVICE_NAME): Promise<SyncReport> {
  const name = checkDeviceName(deviceName);
  if (vault.sync.state()) throw new KeystashError('exists', 'This vault already syncs; see `keystash sync status`.');
  await vault.masterPassword.verify(password);
  if (await transport.read(ENVELOPE_FILE)) {
    throw new KeystashError('exists', `${transport.description} already holds a vault's sync files; join it with \`keystash sync join\` instead.`);
  }
  const { syncId, key, bytes } = await createEnvelope(password, vault.kdfParams());
  await transport.writeNew(ENVELOPE_FILE, bytes);
  vault.sync.create(newState(syncId, { '0': b64(key) }, '0', target, name));
  key.fill(0);
  return runSync(vault, transport);
}

/**
 * Creates a new local vault at `file` from a sync target, pulls everything into it and returns
 * it unlocked. The vault is built under a temporary name beside `file` and appears under its
 * own name only once complete (a hard link, which never replaces a file), so a failed or
 * interrupted join leaves no vault file, half-written or otherwise.
 */
export async function joinSync(
  file: string,
  password: string,
  target: TargetConfig,
  transport: SyncTransport,
  opts: VaultOptions & { deviceName?: string; kdf?: KdfParams; onProgress?: SyncProgress } = {},
): Promise<{ vault: Vault; report: SyncReport; unlock: UnlockReport }> {
  const name = checkDeviceName(opts.deviceName ?? DEFAULT_DEVICE_NAME);
  if (fs.existsSync(file)) throw new KeystashError('exists', `${file} already exists; join into a new file.`);
  const opened = await openTargetKeys(transport, password);
  const { onProgress, deviceName: _d, kdf, ...vaultOpts } = opts;
  const temp = `${file}.joining-${randomUUID().slice(0, 8)}`;
  const removeTemp = (): void => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  };
  let report: SyncReport;
  const building = await VaultClass.create(temp, password, { ...vaultOpts, kdf: kdf ?? opened.kdf });
  try {
    const state = newState(opened.syncId, opened.keys, opened.epoch, target, name);
    // Joined with a changed password: that change is the one this device follows (its stamp comes with its batch).
    if (opened.passwordEpoch !== null) state.password = { stamp: '', epoch: opened.passwordEpoch, by: '', at: 0, here: false };
    building.sync.create(state);
    report = await runSync(building, transport, Date.now, onProgress);
    building.close(); // checkpoints the -wal into the file, so the file alone is the whole vault
    fs.linkSync(temp, file);
  } catch (err) {
    building.close();
    removeTemp();
    if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KeystashError('exists', `${file} was created meanwhile; the join was not saved.`);
    }
    throw err;
  }
  removeTemp();
  const vault = VaultClass.open(file, vaultOpts);
  try {
    return { vault, report, unlock: await vault.unlock(password) };
  } catch (err) {
    vault.close();
    throw err;
  }
}

/**
 * Every sync key the password opens on the target: the first key's envelope and each later
 * one's (with the earlier keys it carries). The password must be the current one: when a
 * master-password change's envelope does not open with it but an earlier envelope does, it is
 * an old password, and the error says so.
 */
async function openTargetKeys(transport: SyncTransport, password: string): Promise<{ syncId: string; keys: Record<string, string>; epoch: string; kdf: KdfParams; passwordEpoch: string | null }> {
  const root = await transport.read(ENVELOPE_FILE);
  if (!root) throw new KeystashError('not-found', `${transport.description} holds no Keystash vault (no ${ENVELOPE_FILE}).`);
  const syncId = readEnvelope(root).syncId;
  const envelopes: { epoch: string; bytes: Uint8Array }[] = [{ epoch: '0', bytes: root }];
  for (const k of groupListing(await transport.list()).keyFiles) {
    const bytes = await transport.read(k.file);
    if (bytes) envelopes.push({ epoch: k.epoch, bytes });
  }
  const keys: Record<string, string> = {};
  let epoch: string | null = null;
  let kdf: KdfParams | null = null;
  let opened: string | null = null; // the newest password-setting envelope that opened ('0' is the first)
  let refused: string | null = null; // the newest password change that did not
  for (const e of envelopes) {
    const o = await openEnvelope(e.bytes, password).catch((err: unknown) => {
      if (err instanceof KeystashError && err.code === 'wrong-password') return null;
      throw err;
    });
    const isChange = e.epoch === '0' || readEnvelope(e.bytes).purpose === 'password-change';
    if (!o) {
      if (isChange && e.epoch !== '0') refused = refused === null ? e.epoch : laterEpoch(refused, e.epoch);
      continue;
    }
    if (o.syncId !== syncId || o.epoch !== e.epoch) continue;
    Object.assign(keys, o.earlier, { [o.epoch]: b64(o.key) });
    o.key.fill(0);
    epoch = epoch === null ? o.epoch : laterEpoch(epoch, o.epoch);
    if (e.epoch === '0' || kdf === null) kdf = o.kdf;
    if (isChange) opened = opened === null ? o.epoch : laterEpoch(opened, o.epoch);
  }
  if (epoch === null || kdf === null) throw new KeystashError('wrong-password', 'The master password does not open this sync target.');
  if (refused !== null && (opened === null || laterEpoch(opened, refused) === refused)) {
    throw new KeystashError('wrong-password', 'That is an earlier master password of this vault: it was changed on another device since. Use the current one.');
  }
  for (const e of Object.keys(keys)) epoch = laterEpoch(epoch, e);
  return { syncId, keys, epoch, kdf, passwordEpoch: opened !== null && opened !== '0' ? opened : null };
}

/** Pushes local changes and pulls every other device's new batches. */
export async function runSync(vault: Vault, transport: SyncTransport, now: () => number = Date.now, onProgress?: SyncProgress): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, quarantined: [] };
  try {
    await sync(vault, transport, report, onProgress);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (vault.isUnlocked) vault.sync.finish({ at: now(), ok: false, report, error: message });
    throw err;
  }
  vault.sync.finish({ at: now(), ok: report.quarantined.length === 0, report, error: null });
  return report;
}

async function sync(vault: Vault, transport: SyncTransport, report: SyncReport, onProgress?: SyncProgress): Promise<void> {
  const state = vault.sync.requireState();
  if (state.revokedBy !== null) throw revokedError(state.revokedBy);
  const listing = groupListing(await transport.list());
  await checkTarget(transport, state, listing);
  const quarantine = (q: QuarantinedFile): void => {
    if (!report.quarantined.some((x) => x.file === q.file)) report.quarantined.push(q);
  };
  checkOwnLog(vault, state, listing);

  // Push: key envelopes made here first (a batch may need them), then local changes sealed into
  // batches (queued in the vault first), each written as a new file.
  for (const f of vault.sync.pendingFiles()) {
    await writeOwnFile(transport, f.path, f.bytes);
    vault.sync.fileSent(f.path);
  }
  for (let batch = vault.sync.prepareBatch(); batch; batch = vault.sync.prepareBatch()) report.pushed += batch.count;
  for (const out of vault.sync.outbox()) {
    await writeOwnFile(transport, out.path, out.bytes);
    vault.sync.sent(out.seq);
  }

  // Pull: every other device but revoked ones, in sequence order from the batch after the last one seen.
  // A pass that brought a new sync key (a revocation or a password change) is followed by another:
  // a device may already have written under that key, and its batches were set aside as unknown-key.
  const keyFor = (epoch: string): Uint8Array | null => keyOf(vault.sync.requireState(), epoch);
  const keyCount = (): number => Object.keys(vault.sync.requireState().keys).length;
  const progress = batchProgress(vault, state, listing, onProgress);
  for (let pass = 0, keys = keyCount(); pass < 10; pass++) {
    await pullPass(vault, transport, state, listing, keyFor, report, quarantine, progress);
    if (keyCount() === keys) break;
    keys = keyCount();
    report.quarantined = report.quarantined.filter((q) => q.reason !== 'unknown-key');
  }
  const after = vault.sync.requireState();
  if (after.revokedBy !== null) throw revokedError(after.revokedBy);
  for (const file of listing.unknown) quarantine({ file, reason: 'unknown-file', message: `${file} is not part of a Keystash sync target; ignored.` });
  if (snapshotDue(after)) await writeSnapshot(vault, transport);
}

/** Writes a file of this device's own; one an earlier run wrote before it could note it is fine when it holds the same bytes. */
async function writeOwnFile(transport: SyncTransport, path: string, bytes: Uint8Array): Promise<void> {
  try {
    await transport.writeNew(path, bytes);
  } catch (err) {
    if (!(err instanceof KeystashError && err.code === 'exists')) throw err;
    const there = await transport.read(path);
    if (!there || !Buffer.from(there).equals(bytes)) {
      throw new KeystashError('integrity', `${path} on the target is not the file this device wrote; another copy of this vault is using the same device id.`);
    }
  }
}

/**
 * Writes this device's snapshot as of its last batch into its own folder, then deletes its own
 * batches the snapshot covers (snapshot.ts says which are kept) and its older snapshots.
 * Nothing happens while local changes wait to be pushed. Returns the snapshot's batch number.
 */
export async function writeSnapshot(vault: Vault, transport: SyncTransport): Promise<number | null> {
  const snap = vault.sync.prepareSnapshot();
  if (!snap) return null;
  try {
    await transport.writeNew(snap.path, snap.bytes);
  } catch (err) {
    // Written by an earlier run that stopped before noting it: a snapshot as of the same batch is as good.
    if (!(err instanceof KeystashError && err.code === 'exists')) throw err;
  }
  vault.sync.snapshotWritten(snap.seq);
  const state = vault.sync.requireState();
  const own = groupListing(await transport.list()).devices.get(state.deviceId);
  if (!own) return snap.seq;
  for (const seq of deletableBatches(state, snap.seq, own.bySeq.keys())) await transport.deleteOwn(batchPath(state.deviceId, seq));
  for (const seq of own.snapshots.keys()) if (seq < snap.seq) await transport.deleteOwn(snapshotPath(state.deviceId, seq));
  return snap.seq;
}

function revokedError(by: string): KeystashError {
  return new KeystashError('invalid-input', `This device was revoked by “${by}”: it no longer syncs. To sync again, join the target as a new device.`);
}
