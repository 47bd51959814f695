// Vault health and due API keys for the window: computed here from the secrets, returned as
// ids, titles and reasons. One check runs at a time (callers share it), and the desktop
// notification about due keys is shown once per unlock. zxcvbn runs in worker threads
// (core/health/score-pool.ts) when main is given their file, so the window stays responsive;
// lock ends them and any check in flight.
import type { DueKey, HealthProgress, HealthReply } from '../../../shared/health';
import { hostOf } from './web-host';
import { dueApiKeys } from '../../core/api-keys/due';
import { computeHealth } from '../../core/health';
import { ScoreWorkerPool, type ScoreWorkerFile } from '../../core/health/score-pool';
import type { VaultService } from './vault.service';

export type Notify = (title: string, body: string) => void;

export class HealthService {
  private running: Promise<HealthReply> | null = null;
  private progressNow: HealthProgress | null = null;
  private notified = false;
  private readonly pool: ScoreWorkerPool | null;

  constructor(
    private readonly vault: VaultService,
    private readonly now: () => number = Date.now,
    private readonly notify?: Notify,
    workerFile?: ScoreWorkerFile,
  ) {
    this.pool = workerFile ? new ScoreWorkerPool(workerFile) : null;
  }

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
    const report = await computeHealth(v, {
      now: this.now(),
      ...(this.pool ? { scorer: this.pool } : {}),
      onProgress: (done, total) => (this.progressNow = { done, total }),
    });
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

  /** Worker threads running for this session's checks (0 once locked). */
  get scoringThreads(): number {
    return this.pool?.running ?? 0;
  }

  /** Forget the notification and end the scoring threads (and a check in flight); called on lock and quit. */
  clear(): void {
    this.notified = false;
    this.pool?.close();
  }
}
