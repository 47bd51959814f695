// The generator's history: the last 100 results, newest first, kept as one encrypted record
// (kind `meta`, id `generator-history`) in the vault's meta table, so generated passwords are
// never stored in the clear and clearing it removes every one of them at once.
import { GENERATOR_HISTORY_LIMIT, type GeneratedSecret, type GeneratorHistoryEntry } from '../../../shared/generator';
import type { SessionKeys } from '../vault/session-keys';
import type { Db } from '../vault/db';

export const GENERATOR_HISTORY_RECORD = 'generator-history';

export function readGeneratorHistory(db: Db, keys: SessionKeys): GeneratorHistoryEntry[] {
  const row = db.prepare('SELECT blob FROM meta WHERE name = ?').get(GENERATOR_HISTORY_RECORD) as { blob: Buffer } | undefined;
  if (!row) return [];
  return keys.open<GeneratorHistoryEntry[]>('meta', GENERATOR_HISTORY_RECORD, row.blob, 'The generator history');
}

/** Prepends one result and drops anything past the limit; returns the new history. */
export function addGeneratorHistory(db: Db, keys: SessionKeys, result: GeneratedSecret, at: number): GeneratorHistoryEntry[] {
  let next: GeneratorHistoryEntry[] = [];
  db.transaction(() => {
    const entry: GeneratorHistoryEntry = { kind: result.kind, value: result.value, entropyBits: result.entropyBits, score: result.strength.score, at };
    next = [entry, ...readGeneratorHistory(db, keys)].slice(0, GENERATOR_HISTORY_LIMIT);
    db.prepare('INSERT INTO meta (name, blob) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET blob = excluded.blob').run(
      GENERATOR_HISTORY_RECORD,
      keys.seal('meta', GENERATOR_HISTORY_RECORD, next),
    );
  }).immediate();
  return next;
}

export function clearGeneratorHistory(db: Db): void {
  db.prepare('DELETE FROM meta WHERE name = ?').run(GENERATOR_HISTORY_RECORD);
}
