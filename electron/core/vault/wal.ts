// Empties the vault's write-ahead log after data is deleted for good. In WAL mode a deleted
// record's old pages stay in the -wal file (and, until a checkpoint copies the zeroed pages
// over them, secure_delete notwithstanding, in the vault file) until SQLite checkpoints and
// restarts the log, which it does by itself only when the last connection closes. With
// another connection open (the app while the CLI purges, or the reverse) that may be never.
import type { Db } from './db';

/**
 * Copies every page into the vault file and truncates the -wal to zero bytes. A reader in the
 * middle of a read (another process) is waited for up to the busy timeout; if it still holds
 * an older snapshot, the log cannot be emptied now and false is returned: the pages then go at
 * the next checkpoint. Never throws: the deletion it follows is already committed.
 */
export function truncateWal(db: Db): boolean {
  try {
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return r?.busy === 0;
  } catch {
    return false;
  }
}
