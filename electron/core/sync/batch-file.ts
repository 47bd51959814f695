// One change batch on the target: `devices/<device id>/<seq>.batch`, written once by its
// device and never changed. The bytes are a magic line, a small clear header (which vault,
// which device, which sequence number, how long the ciphertext is) and the sealed batch. The
// whole header is the AAD, so a batch opens only as the vault, device and sequence number it
// was written for: a copy under another name, an edited header or a cut-off file all fail, and
// the header lets us say which of those it was.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { open, seal } from '../crypto/cipher';
import type { QuarantineReason } from '../../../shared/sync';

/** A batch, or a snapshot (snapshot.ts): the same framing, told apart by magic and AAD. */
export type SealedKind = 'batch' | 'snapshot';
const MAGICS: Record<SealedKind, string> = { batch: 'KSB1\n', snapshot: 'KSS1\n' };
/** A batch never expands past this, whatever it claims: 1,000 items of up to ~200 KB each. */
const MAX_BATCH_BYTES = 256 * 1024 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const DEVICES_DIR = 'devices';
const KEY_NAME = /^key-(.+)\.json$/;
const BATCH_NAME = /^(\d{10})\.batch$/;
const SNAPSHOT_NAME = /^(\d{10})\.snapshot$/;
/** What sync tools make of a name clash: "0000000003 (conflicted copy).batch", "0000000003.sync-conflict-….batch". */
const COPY_NAME = /^(\d{10})\D.*\.batch$/;
export const EPOCH = /^\d{1,6}(-[0-9a-f-]{36})?$/;
const DEVICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const headerSchema = z
  .object({
    sync: z.string().regex(DEVICE_ID),
    device: z.string().regex(DEVICE_ID),
    seq: z.number().int().min(1),
    /** Which sync key sealed it: '0' at first, a new one after each revocation (see device-keys.ts). */
    epoch: z.string().regex(EPOCH),
    length: z.number().int().min(17),
  })
  .strict();
type BatchHeader = z.infer<typeof headerSchema>;

export function batchPath(deviceId: string, seq: number): string {
  return `${DEVICES_DIR}/${deviceId}/${String(seq).padStart(10, '0')}.batch`;
}

/** A device's snapshot of the merged state as of its own batch `seq`. */
export function snapshotPath(deviceId: string, seq: number): string {
  return `${DEVICES_DIR}/${deviceId}/${String(seq).padStart(10, '0')}.snapshot`;
}

/** What a path on the target is, by its name alone. */
export type TargetPath =
  | { kind: 'batch'; device: string; seq: number; canonical: boolean }
  | { kind: 'snapshot'; device: string; seq: number }
  | { kind: 'key'; device: string; epoch: string }
  | { kind: 'envelope' }
  | { kind: 'unknown' };

export function classifyPath(file: string, envelopeName: string): TargetPath {
  if (file === envelopeName) return { kind: 'envelope' };
  const parts = file.split('/');
  if (parts.length !== 3 || parts[0] !== DEVICES_DIR || !DEVICE_ID.test(parts[1] ?? '')) return { kind: 'unknown' };
  const name = parts[2] ?? '';
  const key = KEY_NAME.exec(name);
  if (key && EPOCH.test(key[1] ?? '')) return { kind: 'key', device: parts[1] ?? '', epoch: key[1] ?? '' };
  const snap = SNAPSHOT_NAME.exec(name);
  if (snap) return { kind: 'snapshot', device: parts[1] ?? '', seq: Number(snap[1]) };
  const exact = BATCH_NAME.exec(name);
  if (exact) return { kind: 'batch', device: parts[1] ?? '', seq: Number(exact[1]), canonical: true };
  const copy = COPY_NAME.exec(name);
  if (copy) return { kind: 'batch', device: parts[1] ?? '', seq: Number(copy[1]), canonical: false };
  return { kind: 'unknown' };
}

function aad(headerLine: string, kind: SealedKind): Uint8Array {
  return encoder.encode(`keystash-sync|v1|${kind}|${headerLine}`);
}

export function sealBatch(key: Uint8Array, syncId: string, deviceId: string, seq: number, epoch: string, body: unknown, kind: SealedKind = 'batch'): Uint8Array {
  // Compressed before sealing: field stamps repeat, and a batch shrinks to about a fifth.
  const plain = deflateRawSync(encoder.encode(JSON.stringify(body)));
  // The sealed length is known before sealing: nonce + ciphertext + tag.
  const header: BatchHeader = { sync: syncId, device: deviceId, seq, epoch, length: 24 + plain.length + 16 };
  const line = JSON.stringify(header);
  const sealed = seal(key, aad(line, kind), plain);
  plain.fill(0);
  const head = encoder.encode(`${MAGICS[kind]}${line}\n`);
  const out = new Uint8Array(head.length + sealed.length);
  out.set(head, 0);
  out.set(sealed, head.length);
  return out;
}

export type OpenedBatch = { ok: true; body: unknown } | { ok: false; reason: QuarantineReason; message: string };

/** Opens the batch expected at (device, seq) with the sync key of its epoch; says precisely why not when it does not. */
export function openBatch(keyFor: (epoch: string) => Uint8Array | null, syncId: string, device: string, seq: number, bytes: Uint8Array, kind: SealedKind = 'batch'): OpenedBatch {
  const magic = encoder.encode(MAGICS[kind]);
  const prefix = bytes.subarray(0, magic.length);
  if (!Buffer.from(prefix).equals(Buffer.from(magic.subarray(0, prefix.length)))) {
    return { ok: false, reason: 'forged', message: `is not a Keystash sync ${kind}` };
  }
  const newline = bytes.indexOf(0x0a, magic.length);
  if (bytes.length <= magic.length || newline === -1) return { ok: false, reason: 'truncated', message: 'ends inside its header (still arriving, or cut off)' };
  let header: BatchHeader;
  let line: string;
  try {
    line = decoder.decode(bytes.subarray(magic.length, newline));
    header = headerSchema.parse(JSON.parse(line));
  } catch {
    return { ok: false, reason: 'forged', message: 'has a header Keystash did not write' };
  }
  if (header.sync !== syncId) return { ok: false, reason: 'other-vault', message: `belongs to another vault's sync target (${header.sync})` };
  if (header.device !== device) return { ok: false, reason: 'forged', message: `claims to be from device ${header.device} but sits in another device's folder` };
  if (header.seq !== seq) {
    return header.seq < seq
      ? { ok: false, reason: kind === 'snapshot' ? 'rolled-back' : 'replayed', message: `holds ${kind} ${header.seq} of its device under the name of ${kind} ${seq}` }
      : { ok: false, reason: 'forged', message: `holds ${kind} ${header.seq} under the name of ${kind} ${seq}` };
  }
  const sealed = bytes.subarray(newline + 1);
  if (sealed.length < header.length) return { ok: false, reason: 'truncated', message: `has ${sealed.length} of its ${header.length} bytes (still arriving, or cut off)` };
  if (sealed.length > header.length) return { ok: false, reason: 'forged', message: 'is longer than its header says' };
  const key = keyFor(header.epoch);
  if (!key) return { ok: false, reason: 'unknown-key', message: `is sealed under sync key ${header.epoch}, which this device was not given (it was revoked, or the batch that hands out the key has not arrived yet)` };
  const plain = open(key, aad(line, kind), sealed);
  if (!plain) return { ok: false, reason: 'forged', message: 'failed authentication under the vault’s sync key (altered or forged)' };
  try {
    const json = inflateRawSync(plain, { maxOutputLength: MAX_BATCH_BYTES });
    return { ok: true, body: JSON.parse(decoder.decode(json)) as unknown };
  } catch {
    return { ok: false, reason: 'invalid', message: 'authenticates but does not decode' };
  } finally {
    plain.fill(0);
  }
}

/** A batch file's SHA-256: what a device remembers of the last batch it applied from another. */
export function digestOfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
