// Masks secret values in a byte stream (`keystash run`'s child output): every occurrence of a
// secret becomes `<concealed by keystash>`, even when a chunk boundary splits it. Only the end
// of the data that could still be the start of a secret is held back, so output that cannot be
// a secret is passed on at once (an interactive program's prompt is not delayed).
import { Transform, type TransformCallback } from 'node:stream';

export const CONCEALED = '<concealed by keystash>';
/** Values shorter than this are not masked: masking "1" or "on" would garble any output. */
export const MIN_MASKED_LENGTH = 4;

export class Masker {
  private readonly secrets: Buffer[];
  private pending: Buffer = Buffer.alloc(0);
  private readonly replacement = Buffer.from(CONCEALED);

  constructor(values: readonly string[]) {
    const unique = [...new Set(values.filter((v) => v.length >= MIN_MASKED_LENGTH))];
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = unique.map((v) => Buffer.from(v)).sort((a, b) => b.length - a.length);
  }

  /** Masks what can be decided now; keeps a possible start of a secret for the next chunk. */
  push(chunk: Buffer): Buffer {
    const data = Buffer.concat([this.pending, chunk]);
    const { out, rest } = this.scan(data);
    const hold = this.heldBack(rest);
    this.pending = rest.subarray(rest.length - hold);
    return Buffer.concat([...out, rest.subarray(0, rest.length - hold)]);
  }

  /** The end of the stream: nothing more can complete a secret. */
  flush(): Buffer {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    return rest;
  }

  private scan(data: Buffer): { out: Buffer[]; rest: Buffer } {
    const out: Buffer[] = [];
    let from = 0;
    for (;;) {
      let at = -1;
      let len = 0;
      for (const s of this.secrets) {
        const i = data.indexOf(s, from);
        if (i !== -1 && (at === -1 || i < at || (i === at && s.length > len))) {
          at = i;
          len = s.length;
        }
      }
      if (at === -1) return { out, rest: data.subarray(from) };
      out.push(data.subarray(from, at), this.replacement);
      from = at + len;
    }
  }

  /** Length of the longest end of `data` that is a proper start of some secret. */
  private heldBack(data: Buffer): number {
    let best = 0;
    for (const s of this.secrets) {
      for (let i = Math.max(0, data.length - (s.length - 1)); i < data.length; i++) {
        const n = data.length - i;
        if (n <= best) break;
        if (data[i] === s[0] && data.subarray(i).equals(s.subarray(0, n))) {
          best = n;
          break;
        }
      }
    }
    return best;
  }
}

/** A stream transform that masks the given values. */
export function maskingStream(values: readonly string[]): Transform {
  const masker = new Masker(values);
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      const out = masker.push(chunk);
      done(null, out.length > 0 ? out : undefined);
    },
    flush(done: TransformCallback) {
      const out = masker.flush();
      done(null, out.length > 0 ? out : undefined);
    },
  });
}
