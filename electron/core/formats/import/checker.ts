// Decides what happens to each mapped row: validated against the item schema (a row that
// fails is a problem with its line number), and compared with the vault and with earlier
// rows to find duplicates (same type, title, username, URLs and password or secret).
// Candidates are found from the listed items first (type, title, username, URLs), so only
// look-alikes are ever decrypted to compare secrets and, for notes, the note text.
import { recogniseKey } from '../../../../shared/api-key-formats';
import { itemInputSchema, type ItemData } from '../../../../shared/domain';
import { field } from './fields';
import type { ImportedItem, MapOutcome } from './types';

/** What the checker needs from the vault: the listed items and, for look-alikes, their record. */
export interface ExistingItems {
  list(): { id: string; type: string; title: string; username: string; urls: string[] }[];
  record(id: string): { password: string; secret: string; notes: string };
}

export type Verdict = { kind: 'item'; item: ImportedItem & { data: ItemData } } | { kind: 'problem'; reason: string } | { kind: 'skip'; reason: string } | { kind: 'duplicate'; of: 'vault' | 'file'; title: string; item: ImportedItem & { data: ItemData } };

function lookKey(d: { type: string; title: string; username: string; urls: readonly string[] }): string {
  return JSON.stringify([d.type, d.title, d.username, d.urls]);
}

function fullKey(d: ItemData): string {
  // Kept as text (not hashed): cheaper for 100,000 rows, and it never leaves this process.
  return JSON.stringify([d.type, d.title, d.username, d.urls, d.type === 'note' ? d.notes : '', d.password, d.secret]);
}

export class RowChecker {
  private existing: Map<string, string[]> | null = null;
  private readonly seen = new Set<string>();

  constructor(
    private readonly vault: ExistingItems,
    private readonly totpProblem: (value: string) => string | null = () => null,
  ) {}

  private vaultIndex(): Map<string, string[]> {
    if (!this.existing) {
      this.existing = new Map();
      for (const s of this.vault.list()) {
        const k = lookKey(s);
        this.existing.set(k, [...(this.existing.get(k) ?? []), s.id]);
      }
    }
    return this.existing;
  }

  private inVault(d: ItemData): boolean {
    const ids = this.vaultIndex().get(lookKey(d));
    if (!ids) return false;
    return ids.some((id) => {
      const r = this.vault.record(id);
      return r.password === d.password && r.secret === d.secret && (d.type !== 'note' || r.notes === d.notes);
    });
  }

  check(outcome: MapOutcome): Verdict {
    if ('problem' in outcome) return { kind: 'problem', reason: outcome.problem };
    if ('skip' in outcome) return { kind: 'skip', reason: outcome.skip };
    let input = outcome.input;
    const totp = input.totp ?? '';
    if (totp !== '' && this.totpProblem(totp)) {
      // Keep a secret the vault cannot use as a concealed field rather than refuse the row.
      input = { ...input, totp: '', fields: [...(input.fields ?? []), field('One-time password (not recognised)', totp, true)] };
    }
    if (input.type === 'api_key' && !(input.service ?? '').trim()) {
      // A recognised key format names its service (ghp_… → GitHub), as when a key is pasted.
      const service = recogniseKey(typeof input.secret === 'string' ? input.secret : '')?.service;
      if (service) input = { ...input, service };
    }
    const r = itemInputSchema.safeParse(input);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
      return { kind: 'problem', reason: `${issue?.message ?? 'The item is not valid'}${where}.` };
    }
    const data = r.data;
    const item = { ...outcome, input: data, data };
    const key = fullKey(data);
    if (this.seen.has(key)) return { kind: 'duplicate', of: 'file', title: data.title, item };
    this.seen.add(key);
    if (this.inVault(data)) return { kind: 'duplicate', of: 'vault', title: data.title, item };
    return { kind: 'item', item };
  }
}
