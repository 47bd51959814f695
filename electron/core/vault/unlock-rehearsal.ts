// The unlock rehearsal: while the lock screen waits for the master password, the app creates,
// unlocks and searches a throwaway vault of made-up items (made-up-items.ts) through the very
// code a real unlock runs. V8 compiles JavaScript only once it has run, and the first unlock of
// a process otherwise meets every function it calls (noble's cipher, the bucket decoder, the
// index, search) uncompiled, and a heap that has yet to grow. At 10,000 items that was 30–40 %
// of the app's unlock after the key derivation (docs/development.md).
//
// Nothing of the person's vault is involved: the throwaway vault has its own random password
// and key, lives in a private temporary folder (0700, the file 0600) and is deleted when the
// rehearsal ends or stops. It is best effort: a failure only means the real unlock runs cold.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { KDF_LIMITS, type KdfParams } from '../../../shared/domain';
import { LIST_WINDOW_ROWS } from '../../../shared/item-views';
import { Vault } from '../vault';
import type { OpenDbOptions } from './db';
import { madeUpItem } from './made-up-items';

/** Enough for V8 to compile the load's per-item loops; measured in docs/development.md. */
export const REHEARSAL_ITEMS = 1_500;
/** Items per write, with a turn of the event loop between: a write of 100 takes 30–50 ms here. */
const ITEMS_PER_WRITE = 100;
/** The cheapest key derivation a vault may have: the rehearsal protects nothing. */
const REHEARSAL_KDF: KdfParams = { memoryMiB: KDF_LIMITS.memoryMiB.min, iterations: KDF_LIMITS.iterations.min, parallelism: KDF_LIMITS.parallelism.min };
/** Searches as a person starts one: a letter, a prefix, a word, and a miss. */
const REHEARSAL_QUERIES = ['a', 'ad', 'admin', 'north', 'zzqx'];

export type RehearsalOutcome = { state: 'completed' } | { state: 'stopped' } | { state: 'failed'; message: string };

export interface RehearsalOptions {
  /** How many made-up items the throwaway vault holds. */
  items?: number;
  /** Where its private folder is made (the system's temporary folder unless given). */
  tmpDir?: string;
  /**
   * The SQLite addon the real vault uses (Electron's ABI in the app). Only this is shared with
   * the real vault: in particular not its "last state seen" file.
   */
  nativeBinding?: string;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class Stopped extends Error {}

const failed = (err: unknown): RehearsalOutcome => ({ state: 'failed', message: err instanceof Error ? err.message : String(err) });

export class UnlockRehearsal {
  /** Settles once the throwaway vault is closed and its folder deleted; never rejects. */
  readonly finished: Promise<RehearsalOutcome>;
  private stopping = false;

  private constructor(opts: RehearsalOptions) {
    this.finished = this.run(opts.items ?? REHEARSAL_ITEMS, opts.tmpDir ?? os.tmpdir(), opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  }

  /** Starts rehearsing at once; its steps run between other work, one event-loop turn each. */
  static start(opts: RehearsalOptions = {}): UnlockRehearsal {
    return new UnlockRehearsal(opts);
  }

  /**
   * Stops before its next step (a real unlock should not share the machine with it) and waits
   * for the step under way: one write of made-up items, the throwaway vault's creation or its
   * unlock (each a key derivation at the cheapest settings), or one search.
   */
  async stop(): Promise<RehearsalOutcome> {
    this.stopping = true;
    return this.finished;
  }

  private step(): Promise<void> {
    if (this.stopping) throw new Stopped();
    return nextTurn().then(() => {
      if (this.stopping) throw new Stopped();
    });
  }

  private async run(items: number, tmpDir: string, db: OpenDbOptions): Promise<RehearsalOutcome> {
    let dir: string | null = null;
    let vault: Vault | null = null;
    let outcome: RehearsalOutcome;
    try {
      await this.step();
      dir = fs.mkdtempSync(path.join(tmpDir, 'keystash-rehearsal-'));
      const password = randomBytes(24).toString('base64');
      vault = await Vault.create(path.join(dir, 'rehearsal.keystash'), password, { kdf: REHEARSAL_KDF, ...db });
      for (let done = 0; done < items; done += ITEMS_PER_WRITE) {
        await this.step();
        const count = Math.min(ITEMS_PER_WRITE, items - done);
        vault.items.createMany(Array.from({ length: count }, (_, k) => madeUpItem(done + k)), 'unlock rehearsal');
      }
      await this.step();
      vault.lock();
      await vault.unlock(password);
      for (const text of REHEARSAL_QUERIES) {
        await this.step();
        vault.items.page({ text, limit: LIST_WINDOW_ROWS });
      }
      vault.items.page({ limit: LIST_WINDOW_ROWS, offset: Math.floor(items / 2) });
      outcome = { state: 'completed' };
    } catch (err) {
      outcome = err instanceof Stopped ? { state: 'stopped' } : failed(err);
    }
    // Cleaned up whatever happened; a cleanup that fails is reported, never thrown.
    try {
      vault?.close();
    } catch (err) {
      outcome = failed(err);
    }
    try {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      outcome = failed(err);
    }
    return outcome;
  }
}
