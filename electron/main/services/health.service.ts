// Vault health and due API keys for the window: computed here from the secrets, returned as
// ids, titles and reasons. One check runs at a time (callers share it), and the desktop
// notification about due keys is shown once per unlock.
import type { DueKey, HealthProgress, HealthReply } from '../../../shared/health';
import { hostOf } from './web-host';
import { dueApiKeys } from '../../core/api-keys/due';
import { computeHealth } from '../../core/health';
import type { VaultService } from './vault.service';

export type Notify = (title: string, body: string) => void;

export class HealthService {
  private running: Promise<HealthReply> | null = null;
  private progressNow: HealthProgress | null = null;
  private notified = false;

  constructor(
    private readonly vault: VaultService,
    private readonly now: () => number = Date.now,
    private readonly notify?: Notify,
  ) {}

  report(): Promise<HealthReply> {
    this.running ??= this.compute().finally(() => {
      this.running = null;
      this.progressNow = null;
    });
    return this.running;
  }

  /** How far the running check is, for the Health page's progress bar; null when none runs. */
  progress(): HealthProgress | null {
    return this.progressNow;
  }

  private async compute(): Promise<HealthReply> {
    const v = this.vault.unlocked();
    const report = await computeHealth(v, { now: this.now(), onProgress: (done, total) => (this.progressNow = { done, total }) });
    const ids = [...new Set(report.findings.flatMap((f) => f.itemIds))];
    const items = ids.map((id) => {
      const s = v.items.listedItem(id);
      return { id, title: s.title, type: s.type, username: s.username, host: hostOf(s.urls[0]) };
    });
    return { ...report, items };
  }

  dueKeys(): DueKey[] {
    const due = dueApiKeys(this.vault.unlocked().items, this.now());
    if (due.length > 0 && this.notify && !this.notified) {
      this.notified = true;
      const first = due[0];
      const more = due.length > 1 ? ` and ${due.length - 1} more` : '';
      this.notify('API keys need attention', `${first?.title ?? 'A key'}${more}: expired, expiring soon or due for rotation.`);
    }
    return due;
  }

  /** Forget the notification; called when the vault locks. */
  clear(): void {
    this.notified = false;
  }
}
