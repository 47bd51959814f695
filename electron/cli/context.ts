// The per-run context handed to a command: parsed arguments, output, input, and the vault,
// which is opened and unlocked only when the command first asks for it (so `--help` and
// usage errors never touch the file or ask for a password).
import { vaultSecrets, type SecretSource } from '../core/api-keys/secret-source';
import { KeystashError } from '../core/errors';
import { lastSeenPath } from '../core/paths';
import { Vault } from '../core/vault';
import { passwordChangedMessage, removedFailuresMessage } from '../../shared/unlock-report';
import type { Args, CommandContext, ProcessHost } from './command';
import { localTime, plural } from './format';
import { unlockCheckLines } from './history-options';
import type { Input } from './input';
import type { Output } from './output';

export class RunContext implements CommandContext {
  private unlocked: Promise<Vault> | null = null;
  private readonly owned: Vault[] = [];
  /** Set when the unlock-time integrity check found a problem: the run then exits 3. */
  integrityFailed = false;

  constructor(
    readonly args: Args,
    readonly vaultPath: string,
    readonly out: Output,
    readonly input: Input,
    readonly host: ProcessHost,
    /** The agent's unlocked vault when the agent runs this command; it outlives the command. */
    private readonly served: Vault | null = null,
    /** The desktop app, when it agreed to answer this terminal's references. */
    private readonly app: SecretSource | null = null,
  ) {}

  async secrets(): Promise<SecretSource> {
    return this.app ?? vaultSecrets(await this.vault());
  }

  vault(): Promise<Vault> {
    this.unlocked ??= this.served ? Promise.resolve(this.served) : this.openAndUnlock();
    return this.unlocked;
  }

  releaseVault(): void {
    // The agent's vault stays unlocked for the next command; a vault this run opened locks now.
    for (const v of this.owned) if (v.isUnlocked) v.lock();
  }

  adopt(vault: Vault): void {
    this.owned.push(vault);
  }

  private async openAndUnlock(): Promise<Vault> {
    const vault = Vault.open(this.vaultPath, { source: 'cli', lastSeenFile: lastSeenPath() });
    this.adopt(vault);
    // Check the delay before asking, so nobody types a password only to be told to wait.
    const wait = vault.lockState().retryAfterMs;
    if (wait > 0) {
      throw new KeystashError('rate-limited', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    }
    const report = await vault.unlock(await this.input.masterPassword());
    const failed = report.failedAttempts;
    const last = failed.at(-1);
    if (last) {
      this.out.note(`Notice: ${plural(failed.length, 'failed unlock attempt')} since the last unlock, the last at ${localTime(last.at)}.`);
    }
    if (report.removedFailedAttempts !== undefined) this.out.note(`Warning: ${removedFailuresMessage(report.removedFailedAttempts)}`);
    if (report.passwordChangedOn !== undefined) this.out.note(`Notice: ${passwordChangedMessage(report.passwordChangedOn)}`);
    // A failed history check at unlock is told on stderr by every command, until acknowledged.
    const check = vault.activity.lastCheck;
    for (const line of check ? unlockCheckLines(check) : []) this.out.note(line);
    if (report.rollback) this.out.note(`Warning: ${report.rollback.message}`);
    // Each finding is named on stderr, and the command then exits 3 (integrity) even if it succeeded.
    for (const p of report.integrityProblems) this.out.note(`Integrity: ${p.message}`);
    if (report.integrityProblems.length > 0) this.integrityFailed = true;
    if (report.damagedItemIds.length > 0) {
      this.out.note(
        `Warning: ${plural(report.damagedItemIds.length, 'item')} failed the integrity check and ${report.damagedItemIds.length === 1 ? 'is' : 'are'} hidden: ${report.damagedItemIds.join(', ')}.`,
      );
    }
    return vault;
  }

  /** Locks and closes every vault this run opened; called once by the runner. */
  close(): void {
    for (const v of this.owned.splice(0)) {
      try {
        v.close();
      } catch {
        // Closing must not hide the command's own result; the lock event is best effort.
      }
    }
  }
}
