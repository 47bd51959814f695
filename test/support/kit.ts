// The one place tests take their shared settings and doubles from: the lowest KDF the vault
// accepts (so each unlock costs tens of milliseconds instead of a second), the master password
// every suite uses, and the in-memory clipboard that stands in for the OS one.
import type { KdfParams } from '../../shared/domain';
import type { ClipboardAdapter } from '../../electron/main/services/clipboard.service';
import { inThreadScorer, type PasswordScorer } from '../../electron/core/health/scorer';

/** The lowest KDF settings the vault accepts, so tests spend little time in Argon2. */
export const FAST_KDF: KdfParams = { memoryMiB: 19, iterations: 2, parallelism: 1 };

/** FAST_KDF as `keystash init` flags. */
export const FAST_KDF_FLAGS = [
  '--kdf-memory', String(FAST_KDF.memoryMiB),
  '--kdf-iterations', String(FAST_KDF.iterations),
  '--kdf-parallelism', String(FAST_KDF.parallelism),
];

/** The master password of every test vault. */
export const PASSWORD = 'correct horse battery staple';

/**
 * An in-process clipboard with the adapter's shape: for tests and for the renderer's Chromium
 * e2e harness, where there is no Electron clipboard to write to.
 */
export class MemoryClipboard implements ClipboardAdapter {
  text = '';
  /** How many writes were marked secret, so tests can tell our copies from the user's. */
  secretWrites = 0;

  async writeSecret(text: string): Promise<void> {
    this.text = text;
    this.secretWrites += 1;
  }

  async readText(): Promise<string> {
    return this.text;
  }

  async clear(): Promise<void> {
    this.text = '';
  }
}

/** The health check's in-thread scorer, remembering every password it is handed (to see what was scored again). */
export function countingScorer(): PasswordScorer & { scored: string[] } {
  const scored: string[] = [];
  return {
    scored,
    score: (jobs, onScored) => {
      scored.push(...jobs.map((j) => j.password));
      return inThreadScorer.score(jobs, onScored);
    },
  };
}
