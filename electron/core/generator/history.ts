// vault.generatorHistory: the generator's last 100 results, newest first, kept as one
// encrypted record (kind `meta`, id `generator-history`) in the vault's meta table, so
// generated passwords are never stored in the clear and clearing removes every one at once.
import { GENERATOR_HISTORY_LIMIT, type GeneratedSecret, type GeneratorHistoryEntry } from '../../../shared/generator';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';

export const GENERATOR_HISTORY_RECORD = 'generator-history';

export class GeneratorHistory {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<{ readonly keys: SessionKeys }>,
    private readonly now: () => number,
  ) {}

  /** Decrypted; it stays in this process unless shown. */
  list(): GeneratorHistoryEntry[] {
    return this.readWith(this.gate.read().keys);
  }

  /** Prepends one result and drops anything past the limit; returns the new history. */
  add(result: GeneratedSecret): GeneratorHistoryEntry[] {
    const { keys } = this.gate.write();
    return this.db.transaction((): GeneratorHistoryEntry[] => {
      const entry: GeneratorHistoryEntry = { kind: result.kind, value: result.value, entropyBits: result.entropyBits, score: result.strength.score, at: this.now() };
      const next = [entry, ...this.readWith(keys)].slice(0, GENERATOR_HISTORY_LIMIT);
      this.db.prepare('INSERT INTO meta (name, blob) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob').run(
        GENERATOR_HISTORY_RECORD,
        keys.seal('meta', GENERATOR_HISTORY_RECORD, next),
      );
      return next;
    }).immediate();
  }

  clear(): void {
    this.gate.write();
    this.db.prepare('DELETE FROM meta WHERE name = ?').run(GENERATOR_HISTORY_RECORD);
  }

  private readWith(keys: SessionKeys): GeneratorHistoryEntry[] {
    const row = this.db.prepare('SELECT blob FROM meta WHERE name = ?').get(GENERATOR_HISTORY_RECORD) as { blob: Buffer } | undefined;
    if (!row) return [];
    return keys.open<GeneratorHistoryEntry[]>('meta', GENERATOR_HISTORY_RECORD, row.blob, 'The generator history');
  }
}
