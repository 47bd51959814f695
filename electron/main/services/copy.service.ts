// Every secret main hands the window's user, other than an explicit reveal: a field copied,
// a one-time code copied or shown, an API key copied as an env line. Each value is read
// through the vault's logged use of a secret (so the history says copy or reveal, and what
// for), and copies go to the clipboard with its auto-clear. Deriving codes and env lines
// here keeps TOTP and env formatting out of the IPC handlers.
import type { RevealableField } from '../../../shared/domain';
import type { EnvFormat, TotpReply } from '../../../shared/item-views';
import { defaultEnvName, defaultField, envLine } from '../../core/api-keys/env-format';
import { keySetOf } from '../../core/api-keys/key-sets';
import { totpCode } from '../../core/items/totp';
import { KeystashError } from '../../core/errors';
import type { ClipboardService } from './clipboard.service';
import type { VaultService } from './vault.service';

/**
 * The item pane shows the current code while the item is open, fetching each new one. One
 * showing is logged per item per this window, so a pane left open does not write an event
 * every 30 seconds; opening the item again after it is logged again.
 */
export const TOTP_SHOW_LOG_WINDOW_MS = 5 * 60_000;

export class CopyService {
  /** When each item's code was last logged as shown (this process only). */
  private readonly totpShownAt = new Map<string, number>();

  constructor(
    private readonly vault: VaultService,
    private readonly clipboard: ClipboardService,
    private readonly now: () => number,
  ) {}

  /** Copies one stored field's value. */
  field(id: string, field: RevealableField): Promise<{ clearsInMs: number }> {
    return this.clipboard.copyText(this.vault.unlocked().items.useField(id, field, 'copy'));
  }

  /**
   * The current one-time code, shown in the item pane: a reveal of the code (noted as such,
   * not of its secret), logged once per TOTP_SHOW_LOG_WINDOW_MS for each item.
   */
  showTotp(id: string): TotpReply {
    const items = this.vault.unlocked().items;
    const now = this.now();
    const last = this.totpShownAt.get(id);
    if (last !== undefined && now - last < TOTP_SHOW_LOG_WINDOW_MS) return totpCode(items.withSecrets(id).totp, now);
    const code = totpCode(items.useField(id, 'totp', 'reveal', 'one-time code'), now);
    this.totpShownAt.set(id, now);
    return code;
  }

  /** Copies the current one-time code; the window counts down to its expiry. */
  async totp(id: string): Promise<{ clearsInMs: number; expiresInMs: number }> {
    const code = totpCode(this.vault.unlocked().items.useField(id, 'totp', 'copy', 'one-time code'), this.now());
    const { clearsInMs } = await this.clipboard.copyText(code.code);
    return { clearsInMs, expiresInMs: code.expiresInMs };
  }

  /**
   * Copies one of an item's web addresses (not a secret: no history event, but auto-cleared like
   * any copy), read from the authenticated record as open-URL does, never from the index alone.
   */
  url(id: string, index: number): Promise<{ clearsInMs: number }> {
    const url = this.vault.unlocked().items.record(id).item.urls[index];
    if (url === undefined) throw new KeystashError('not-found', 'This item has no such web address.');
    return this.clipboard.copyText(url);
  }

  /**
   * Copies an API key (or a login's password) as `NAME=value`, quoted for a shell or a .env
   * file; a key that comes as a set (an AWS pair...) as one line per variable, each use logged.
   */
  async env(id: string, format: EnvFormat): Promise<{ clearsInMs: number; name: string }> {
    const v = this.vault.unlocked();
    const item = v.items.withSecrets(id);
    const vars = keySetOf(item)?.vars(item) ?? [{ name: defaultEnvName(item), field: defaultField(item) }];
    const note = format === 'shell' ? 'as env var' : 'as .env line';
    const lines = vars.map((x) => envLine(x.name, v.items.useField(id, x.field, 'copy', note), format));
    const { clearsInMs } = await this.clipboard.copyText(lines.join('\n'));
    return { clearsInMs, name: vars.map((x) => x.name).join(', ') };
  }
}
