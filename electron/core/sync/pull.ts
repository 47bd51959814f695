// The checks a sync run makes of the target before it writes (sync/engine.ts), and its pull: one
// pass over every other device's log, applying the batches after the last one seen (or the
// snapshot that stands for them) strictly in sequence order, quarantining any file that is not
// exactly the next one.
import type { QuarantinedFile, SyncReport } from '../../../shared/sync';
import { KeystashError } from '../errors';
import type { Vault } from '../vault';
import { batchPath, digestOfBytes } from './batch-file';
import { ENVELOPE_FILE, readEnvelope } from './envelope';
import type { SyncState } from './ledger';
import { readBatch, readSnapshot, staleCopies, type DeviceFiles, type ScanKeys, type TargetListing } from './target-scan';
import type { SyncTransport } from './transport';

/** How far a join or a sync run is: batches applied of those found on the target. */
export type SyncProgress = (p: { done: number; total: number }) => void;

/** Counts applied batches against those waiting on the target (other devices' batches after what was seen) for `onProgress`. */
export function batchProgress(vault: Vault, state: SyncState, listing: TargetListing, onProgress?: SyncProgress): (batches?: number) => void {
  if (!onProgress) return () => undefined;
  const peers = vault.sync.requireState().peers;
  let total = 0;
  for (const [device, files] of listing.devices) {
    if (device !== state.deviceId) total += Math.max(0, files.maxSeq - (peers[device]?.seq ?? 0));
  }
  let done = 0;
  onProgress({ done, total });
  return (batches = 1) => {
    done = Math.min(total, done + batches);
    onProgress({ done, total });
  };
}

/** One pass over every other device's log, applying what comes next of each. */
export async function pullPass(
  vault: Vault,
  transport: SyncTransport,
  state: SyncState,
  listing: TargetListing,
  keyFor: (epoch: string) => Uint8Array | null,
  report: SyncReport,
  quarantine: (q: QuarantinedFile) => void,
  /** Called with how many of the device's batches were just applied (a snapshot stands for all it covers). */
  onApplied: (batches?: number) => void,
): Promise<void> {
  const keys = { keyFor, syncId: state.syncId };
  for (const [device, files] of listing.devices) {
    const now = vault.sync.requireState();
    if (device === state.deviceId || now.revoked.includes(device)) continue;
    if (now.revokedBy !== null) break;
    const seen = now.peers[device] ?? { seq: 0, digest: '' };
    if (!(await stillThere(transport, keys, device, seen, files, quarantine))) continue;
    staleCopies(files, seen.seq, quarantine);
    let seq = seen.seq + 1;
    // A snapshot of the device, newest first, that covers batch `seq` or later: applied instead of the batches it covers.
    const fromSnapshot = async (): Promise<boolean> => {
      const snap = await readSnapshot(transport, keys, device, seq, files, quarantine);
      if (!snap) return false;
      try {
        const applied = vault.sync.applySnapshot(device, snap.body);
        report.pulled += applied.pulled;
        report.conflicts += applied.conflicts;
      } catch (err) {
        if (!(err instanceof KeystashError && err.code === 'integrity')) throw err;
        quarantine({ file: snap.file, reason: 'invalid', message: `${snap.file} could not be applied: ${err.message}` });
        return false;
      }
      const next = Math.max(seq, (vault.sync.requireState().peers[device]?.seq ?? 0) + 1);
      onApplied(next - seq);
      seq = next;
      return true;
    };
    // A device seen for the first time (joining) starts from its newest snapshot, then the batches after it.
    if (seen.seq === 0 && files.snapshots.size > 0) await fromSnapshot();
    for (;;) {
      if (vault.sync.requireState().revoked.includes(device) || vault.sync.requireState().revokedBy !== null) break;
      // The next batch is gone but a snapshot covers it: the device deleted batches its snapshot holds.
      if (!files.bySeq.has(seq) && [...files.snapshots.keys()].some((n) => n >= seq)) {
        if (await fromSnapshot()) continue;
      }
      const next = await readBatch(transport, keys, device, seq, files, quarantine);
      if (next.kind === 'end') break;
      try {
        const applied = vault.sync.applyBatch(device, seq, next.digest, next.body);
        onApplied();
        report.pulled += applied.pulled;
        report.conflicts += applied.conflicts;
        if (applied.passwordChangedOn !== undefined) report.passwordChangedOn = applied.passwordChangedOn;
      } catch (err) {
        if (!(err instanceof KeystashError && err.code === 'integrity')) throw err;
        quarantine({ file: next.file, reason: 'invalid', message: `${next.file} could not be applied: ${err.message}` });
        break;
      }
      seq++;
    }
  }
}

/** The target must be this vault's: its envelope names the same sync id. */
export async function checkTarget(transport: SyncTransport, state: SyncState, listing: TargetListing): Promise<void> {
  if (!listing.hasEnvelope) {
    throw new KeystashError('io', `${transport.description} holds no ${ENVELOPE_FILE}: the sync target is not there (an unmounted drive, or a folder that has not synced yet).`);
  }
  const bytes = await transport.read(ENVELOPE_FILE);
  if (!bytes) throw new KeystashError('io', `Could not read ${ENVELOPE_FILE} from ${transport.description}.`);
  if (readEnvelope(bytes).syncId !== state.syncId) {
    throw new KeystashError('integrity', `${transport.description} is another vault's sync target; this vault's changes were not written there.`);
  }
}

/** The target must not hold batches of this device that this vault never wrote (a vault restored from an old copy, or cloned). */
export function checkOwnLog(vault: Vault, state: SyncState, listing: TargetListing): void {
  const own = listing.devices.get(state.deviceId);
  const ownNewest = own ? Math.max(own.maxSeq, ...own.snapshots.keys()) : 0;
  if (own && ownNewest > state.ownSeq) {
    throw new KeystashError(
      'integrity',
      `The target holds batch ${ownNewest} of this device, but this vault only wrote up to ${state.ownSeq}: it was restored from an older copy or copied to another machine. Join the target as a new device instead.`,
    );
  }
  void vault;
}

/**
 * Whether a device's log still reaches what this device has seen of it. A log that now ends
 * earlier, or whose last seen batch has other content, was rolled back: quarantined as a whole.
 */
async function stillThere(
  transport: SyncTransport,
  keys: ScanKeys,
  device: string,
  seen: { seq: number; digest: string },
  files: DeviceFiles,
  quarantine: (q: QuarantinedFile) => void,
): Promise<boolean> {
  if (seen.seq === 0) return true;
  const file = batchPath(device, seen.seq);
  const bytes = files.bySeq.get(seen.seq)?.includes(file) ? await transport.read(file) : null;
  if (bytes && digestOfBytes(bytes) === seen.digest) return true;
  // Deleted by its device after a snapshot that covers it: the snapshot, sealed as of that batch or later, vouches for the log.
  if (!bytes && (await readSnapshot(transport, keys, device, seen.seq, files, quarantine))) return true;
  const where = `devices/${device}/`;
  quarantine({
    file: bytes ? file : where,
    reason: 'rolled-back',
    message: bytes
      ? `${file} is not the batch ${seen.seq} this device applied before: the device's log was rolled back or rewritten; nothing of it is applied.`
      : `The log of device ${device} ends at batch ${Math.max(files.maxSeq, ...files.snapshots.keys())}, but this device has already applied batch ${seen.seq} of it: it was rolled back; nothing of it is applied.`,
  });
  return false;
}
