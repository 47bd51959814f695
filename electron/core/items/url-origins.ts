// vault.urlOrigins: the person's answer, per web origin, to "open links to this site?". The app
// asks the first time an item's URL leads to an origin, because opening a link is a way out of
// the sandboxed window (a URL can carry data to whoever runs the site). Kept as one encrypted
// record (kind `meta`, id `url-origins`) of origin → allowed, so the vault file does not say which
// sites its items lead to, and an edited or damaged record is treated as "never asked" (the
// question comes back; nothing is opened without an answer).
import { KeystashError } from '../errors';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';

export const URL_ORIGINS_RECORD = 'url-origins';
/** Far more sites than anyone opens from a vault; keeps the record small. */
export const MAX_REMEMBERED_ORIGINS = 5_000;

export class UrlOrigins {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<{ readonly keys: SessionKeys }>,
  ) {}

  private readAll(keys: SessionKeys): Map<string, boolean> {
    // Through the meta-record store, so a replayed or planted copy counts as damaged too.
    const entries = metaStore(this.db, keys).tryRead<unknown>(URL_ORIGINS_RECORD);
    const out = new Map<string, boolean>();
    if (!Array.isArray(entries)) return out;
    for (const e of entries) {
      if (Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'boolean') out.set(e[0], e[1]);
    }
    return out;
  }

  /** The remembered answer for an origin: true (open), false (refuse), or null (never asked). */
  decision(origin: string): boolean | null {
    const { keys } = this.gate.read();
    return this.readAll(keys).get(origin) ?? null;
  }

  /** Remembers an answer; the oldest answers go first once the record is full. */
  remember(origin: string, allowed: boolean): void {
    const { keys } = this.gate.write();
    if (!origin) throw new KeystashError('invalid-input', 'An origin is needed.');
    const all = this.readAll(keys);
    all.delete(origin);
    all.set(origin, allowed);
    while (all.size > MAX_REMEMBERED_ORIGINS) {
      const oldest = all.keys().next().value;
      if (oldest === undefined) break;
      all.delete(oldest);
    }
    metaStore(this.db, keys).write(URL_ORIGINS_RECORD, [...all.entries()]);
  }
}
