// The app's generator: results go to the window (they are new values, not stored ones) and
// into the vault's encrypted history. History values never cross IPC: the window lists
// entries without them, and copying one is done here, onto the auto-clearing clipboard.
import type { GeneratedSecret, GeneratorHistoryRow } from '../../../shared/generator';
import { KeystashError } from '../../core/errors';
import { generate } from '../../core/generator';
import type { ClipboardService } from './clipboard.service';
import type { VaultService } from './vault.service';

export class GeneratorService {
  constructor(
    private readonly vault: VaultService,
    private readonly clipboard: ClipboardService,
  ) {}

  /** A new result, recorded in history while the vault is unlocked. */
  generate(options: unknown): GeneratedSecret {
    const result = generate(options);
    if (this.vault.isUnlocked) this.vault.unlocked().generatorHistory.add(result);
    return result;
  }

  history(): GeneratorHistoryRow[] {
    return this.vault
      .unlocked()
      .generatorHistory.list()
      .map((e, index) => ({ index, kind: e.kind, length: [...e.value].length, entropyBits: e.entropyBits, score: e.score, at: e.at }));
  }

  copy(index: number): Promise<{ clearsInMs: number }> {
    const entry = this.vault.unlocked().generatorHistory.list()[index];
    if (!entry) throw new KeystashError('not-found', 'That generator history entry is gone (the history may have been cleared).');
    return this.clipboard.copyText(entry.value);
  }

  clear(): void {
    this.vault.unlocked().generatorHistory.clear();
  }
}
