// The MAC of one usage event: HMAC-SHA256 over the previous event's MAC and this event's
// stored columns, so editing, deleting or reordering a row breaks every later link.
import { createHmac } from 'node:crypto';

export interface MacInput {
  seq: number;
  at: number;
  kind: string;
  source: string;
  item_id: string | null;
  detail: Uint8Array;
}

/** The chain's start before any event (and before any pruning). */
export const GENESIS_MAC: Buffer = Buffer.alloc(32);

export function eventMac(macKey: Uint8Array, prevMac: Uint8Array, row: MacInput): Buffer {
  const h = createHmac('sha256', macKey);
  h.update(prevMac);
  h.update(`|${row.seq}|${row.at}|${row.kind}|${row.source}|${row.item_id ?? ''}|`);
  h.update(row.detail);
  return h.digest();
}
