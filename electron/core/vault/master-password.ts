// vault.masterPassword: changing the master password or the key-derivation settings (one
// header rewrite; items are untouched) and checking the password again for actions that ask
// for it twice. Also the rules a new password and KDF settings must meet.
import type { EventSource, KdfParams } from '../../../shared/domain';
import { wipe } from '../crypto/cipher';
import { KeystashError } from '../errors';
import type { EventLog } from '../history/event-log';
import type { Db } from './db';
import type { Gate } from './gate';
import { prepareRewrap, unwrapKey, type VaultHeader } from './header';
import { kdfProblem } from './kdf';
import type { SessionKeys } from './session-keys';
import type { UnlockThrottle } from './unlock-throttle';

export const MIN_MASTER_PASSWORD_LENGTH = 8;

export function checkNewPassword(password: string): void {
  if (password.length < MIN_MASTER_PASSWORD_LENGTH) {
    throw new KeystashError('invalid-input', `The master password must be at least ${MIN_MASTER_PASSWORD_LENGTH} characters long.`);
  }
}

export function checkKdf(kdf: KdfParams): void {
  const problem = kdfProblem(kdf);
  if (problem) throw new KeystashError('invalid-input', `${problem}.`);
}

/** What a password change needs from the unlocked session (vault/session.ts). */
export interface PasswordSession {
  readonly keys: SessionKeys;
  header: VaultHeader;
  readonly events: EventLog;
}

/**
 * Work another part of the vault does with a password change (sync publishes it to the other
 * devices): its slow half runs before the change's transaction, the returned step inside it, so
 * the header rewrite and that record commit together or not at all.
 */
export type PasswordChangeFollower = (next: string, kdf: KdfParams) => Promise<(() => void) | null>;

export class MasterPassword {
  constructor(
    private readonly db: Db,
    private readonly gate: Gate<PasswordSession>,
    private readonly throttle: UnlockThrottle,
    private readonly source: EventSource,
    private readonly follower?: PasswordChangeFollower,
  ) {}

  /**
   * Re-wraps the vault key under a new password and/or KDF parameters. Only the header
   * changes, in one transaction; items are untouched.
   */
  async change(current: string, next: string, kdf?: KdfParams): Promise<void> {
    const s = this.gate.write();
    checkNewPassword(next);
    const params = kdf ?? s.header.kdf;
    checkKdf(params);
    // A password change is one more way to test a guess, so it goes through the throttle too.
    const attempt = this.throttle.begin();
    const check = await unwrapKey(this.db, current);
    if (!check) throw new KeystashError('wrong-password', 'The current master password is wrong; nothing was changed.');
    wipe(check.key);
    this.throttle.passed(attempt, s.keys);
    const commit = await prepareRewrap(s.keys.key, s.header, next, params);
    const follow = this.follower ? await this.follower(next, params) : null;
    this.gate.write(); // an import may have started, or the vault locked, during the key derivation
    this.db.transaction(() => {
      s.header = commit(this.db);
      follow?.();
      s.events.append({ kind: 'password-change', source: this.source, detail: { note: kdf ? 'master password and key-derivation settings' : 'master password' } });
    }).immediate();
  }

  /**
   * Checks the master password again without touching the session, for actions that ask
   * for it a second time (a plain-text export). Every guess goes through the unlock throttle.
   */
  async verify(password: string): Promise<void> {
    const s = this.gate.read();
    const attempt = this.throttle.begin();
    const check = await unwrapKey(this.db, password);
    // A failure leaves the attempt's row: the next unlock reports it.
    if (!check) throw new KeystashError('wrong-password', 'Wrong master password.');
    wipe(check.key);
    this.throttle.passed(attempt, s.keys);
  }
}
