// Reading another device's log off the target: which of its batches come next, in sequence
// order, and which files are not applied and why. Nothing here writes; the engine applies what
// comes out, one batch at a time.
import type { QuarantinedFile } from '../../../shared/sync';
import { classifyPath, openBatch } from './batch-file';
import { parseBatchBody, type BatchBody } from './batch-body';
import { parseSnapshotBody, type SnapshotBody } from './snapshot-body';
import { ENVELOPE_FILE } from './envelope';
import { digestOfBytes } from './batch-file';
import type { SyncTransport } from './transport';

export interface DeviceFiles {
  /** seq → its files: the canonical name first, then copies a sync tool made. */
  bySeq: Map<number, string[]>;
  maxSeq: number;
  /** Its snapshots (snapshot.ts): as of which own batch → file. */
  snapshots: Map<number, string>;
}

export interface TargetListing {
  hasEnvelope: boolean;
  /** Envelopes of later sync keys (made by revocations): path and epoch. */
  keyFiles: { file: string; epoch: string }[];
  devices: Map<string, DeviceFiles>;
  unknown: string[];
}

export function groupListing(files: string[]): TargetListing {
  const devices = new Map<string, DeviceFiles>();
  const unknown: string[] = [];
  const keyFiles: TargetListing['keyFiles'] = [];
  let hasEnvelope = false;
  for (const file of files) {
    const p = classifyPath(file, ENVELOPE_FILE);
    if (p.kind === 'envelope') hasEnvelope = true;
    else if (p.kind === 'unknown') unknown.push(file);
    else if (p.kind === 'key') keyFiles.push({ file, epoch: p.epoch });
    else {
      let d = devices.get(p.device);
      if (!d) devices.set(p.device, (d = { bySeq: new Map(), maxSeq: 0, snapshots: new Map() }));
      if (p.kind === 'snapshot') {
        d.snapshots.set(p.seq, file);
        continue;
      }
      const list = d.bySeq.get(p.seq) ?? [];
      if (p.canonical) list.unshift(file);
      else list.push(file);
      d.bySeq.set(p.seq, list);
      d.maxSeq = Math.max(d.maxSeq, p.seq);
    }
  }
  return { hasEnvelope, keyFiles, devices, unknown };
}

export interface ScanKeys {
  keyFor: (epoch: string) => Uint8Array | null;
  syncId: string;
}

/** The next batch of a device, opened and parsed; or why the device's log stops here. */
export type NextBatch = { kind: 'batch'; file: string; digest: string; body: BatchBody } | { kind: 'end' };

/**
 * Reads the batch `seq` of `device`: the first of its files that opens is it; every other
 * file for that seq is reported (an identical copy as a duplicate). Reports go to `quarantine`.
 */
export async function readBatch(
  transport: SyncTransport,
  keys: ScanKeys,
  device: string,
  seq: number,
  files: DeviceFiles,
  quarantine: (q: QuarantinedFile) => void,
): Promise<NextBatch> {
  const candidates = files.bySeq.get(seq) ?? [];
  if (candidates.length === 0) {
    // Later batches are there but this one is not: they wait (out-of-order arrival, or a missing middle batch).
    for (const [later, list] of files.bySeq) {
      if (later > seq) for (const file of list) quarantine({ file, reason: 'out-of-order', message: `${file} waits for batch ${seq} of its device, which is not on the target (yet).` });
    }
    return { kind: 'end' };
  }
  let chosen: { file: string; bytes: Uint8Array; body: BatchBody } | null = null;
  const failed: { file: string; bytes: Uint8Array | null }[] = [];
  for (const file of candidates) {
    const bytes = await transport.read(file);
    if (!bytes) continue;
    if (chosen) {
      failed.push({ file, bytes });
      continue;
    }
    const opened = openBatch(keys.keyFor, keys.syncId, device, seq, bytes);
    if (!opened.ok) {
      quarantine({ file, reason: opened.reason, message: `${file} ${opened.message}.` });
      continue;
    }
    const body = parseBatchBody(opened.body);
    if (!body) {
      quarantine({ file, reason: 'invalid', message: `${file} authenticates but is not a batch this Keystash understands.` });
      continue;
    }
    chosen = { file, bytes, body };
  }
  for (const f of failed) {
    const same = chosen && f.bytes && Buffer.from(f.bytes).equals(Buffer.from(chosen.bytes));
    quarantine({
      file: f.file,
      reason: 'duplicate',
      message: same ? `${f.file} is a copy of ${chosen?.file} with the same content; ignored (it can be deleted).` : `${f.file} is another file for batch ${seq} of its device; ignored.`,
    });
  }
  if (!chosen) return { kind: 'end' };
  return { kind: 'batch', file: chosen.file, digest: digestOfBytes(chosen.bytes), body: chosen.body };
}

/** Copies a sync tool left of batches already applied: reported, never applied twice. */
export function staleCopies(files: DeviceFiles, appliedUpTo: number, quarantine: (q: QuarantinedFile) => void): void {
  for (const [seq, list] of files.bySeq) {
    if (seq > appliedUpTo) continue;
    for (const file of list.slice(1)) quarantine({ file, reason: 'duplicate', message: `${file} is another copy of batch ${seq}, which was applied already; ignored (it can be deleted).` });
    // A lone non-canonical name for an applied seq: the canonical was renamed away.
    const only = list[0];
    if (only && !/\/\d{10}\.batch$/.test(only)) quarantine({ file: only, reason: 'duplicate', message: `${only} is a copy of batch ${seq}, which was applied already; ignored.` });
  }
}

/**
 * The newest of a device's snapshots that covers its batch `from` or later and opens: sealed
 * under the sync key as that device's snapshot of exactly the batch its name says. Every
 * snapshot tried and refused on the way is reported; null when none will do.
 */
export async function readSnapshot(
  transport: SyncTransport,
  keys: ScanKeys,
  device: string,
  from: number,
  files: DeviceFiles,
  quarantine: (q: QuarantinedFile) => void,
): Promise<{ seq: number; file: string; body: SnapshotBody } | null> {
  for (const seq of [...files.snapshots.keys()].filter((n) => n >= from).sort((a, b) => b - a)) {
    const file = files.snapshots.get(seq) ?? '';
    const bytes = await transport.read(file);
    if (!bytes) continue;
    const opened = openBatch(keys.keyFor, keys.syncId, device, seq, bytes, 'snapshot');
    if (!opened.ok) {
      quarantine({ file, reason: opened.reason, message: `${file} ${opened.message}.` });
      continue;
    }
    const body = parseSnapshotBody(opened.body);
    if (!body || body.covers[device]?.seq !== seq) {
      quarantine({ file, reason: 'invalid', message: `${file} authenticates but is not a snapshot this Keystash understands.` });
      continue;
    }
    return { seq, file, body };
  }
  return null;
}
