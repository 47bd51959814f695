// vault.generatorHistory: the generator's last 100 results, newest first, kept as one
// encrypted record (kind `meta`, id `generator-history`) in the vault's meta table, so
// generated passwords are never stored in the clear and clearing removes every one at once.
import { GENERATOR_HISTORY_LIMIT, type GeneratedSecret, type GeneratorHistoryEntry } from '../../../shared/generator';
import type { Gate } from '../vault/gate';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';
import { metaStore } from '../vault/meta-records';

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
      metaStore(this.db, keys).write(GENERATOR_HISTORY_RECORD, next);
      return next;
    }).immediate();
  }

  clear(): void {
    metaStore(this.db, this.gate.write().keys).delete(GENERATOR_HISTORY_RECORD);
  }

  private readWith(keys: SessionKeys): GeneratorHistoryEntry[] {
    return metaStore(this.db, keys).read<GeneratorHistoryEntry[]>(GENERATOR_HISTORY_RECORD, 'The generator history') ?? [];
  }
}
