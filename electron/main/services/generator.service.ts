// The app's generator: results go to the window (they are new values, not stored ones), and
// only the ones the person copies or puts into an item enter the vault's encrypted history, so
// trying options leaves no trail of discarded values. Main remembers the last few results it
// offered by token; the window names one to copy or use, so history holds only values main
// generated. History values cross IPC only when one is revealed.
import { randomUUID } from 'node:crypto';
import type { GeneratedSecret, GeneratorHistoryRow, OfferedSecret } from '../../../shared/generator';
import { KeystashError } from '../../core/errors';
import { generate } from '../../core/generator';
import type { ClipboardService } from './clipboard.service';
import type { VaultService } from './vault.service';

/** How many recent results stay copyable by token (options change faster than people copy). */
const OFFERED_KEPT = 20;

export class GeneratorService {
  private readonly offered = new Map<string, GeneratedSecret>();

  constructor(
    private readonly vault: VaultService,
    private readonly clipboard: ClipboardService,
  ) {}

  /** A new result; nothing is recorded until it is copied or used. */
  generate(options: unknown): OfferedSecret {
    const result = generate(options);
    const token = randomUUID();
    this.offered.set(token, result);
    for (const old of this.offered.keys()) {
      if (this.offered.size <= OFFERED_KEPT) break;
      this.offered.delete(old);
    }
    return { ...result, token };
  }

  /** Copies an offered result and records it in history. */
  copyOffered(token: string): Promise<{ clearsInMs: number }> {
    const result = this.record(token);
    return this.clipboard.copyText(result.value);
  }

  /** Records an offered result the window put into an item's field. */
  useOffered(token: string): void {
    this.record(token);
  }

  history(): GeneratorHistoryRow[] {
    return this.vault
      .unlocked()
      .generatorHistory.list()
      .map((e, index) => ({ index, kind: e.kind, length: [...e.value].length, entropyBits: e.entropyBits, score: e.score, at: e.at }));
  }

  copy(index: number): Promise<{ clearsInMs: number }> {
    return this.clipboard.copyText(this.entry(index));
  }

  reveal(index: number): string {
    return this.entry(index);
  }

  clear(): void {
    this.vault.unlocked().generatorHistory.clear();
  }

  private entry(index: number): string {
    const entry = this.vault.unlocked().generatorHistory.list()[index];
    if (!entry) throw new KeystashError('not-found', 'That generator history entry is gone (the history may have been cleared).');
    return entry.value;
  }

  private record(token: string): GeneratedSecret {
    const result = this.offered.get(token);
    if (!result) throw new KeystashError('not-found', 'That generated value is no longer available; generate a new one.');
    // Once recorded, copying the same result again does not add a second entry.
    if (this.vault.isUnlocked) {
      const newest = this.vault.unlocked().generatorHistory.list()[0];
      if (newest?.value !== result.value) this.vault.unlocked().generatorHistory.add(result);
    }
    return result;
  }
}
