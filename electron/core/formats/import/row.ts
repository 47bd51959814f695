// One data row of an imported CSV, looked up by header name (case-insensitively). Every
// column a format reads is marked as used; `extras()` returns the ones nobody read, so that
// every column the mapping does not know becomes a custom field instead of vanishing.
import type { CustomField } from '../../../../shared/domain';
import { KeystashError } from '../../errors';
import { isConcealedName } from './fields';
import type { MapOutcome } from './types';

export function normalizeHeader(h: string): string {
  return h.trim().toLowerCase();
}

export class Row {
  private readonly used = new Set<number>();

  constructor(
    readonly line: number,
    private readonly headers: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly values: readonly string[],
  ) {}

  private col(name: string): number | undefined {
    return this.index.get(normalizeHeader(name));
  }

  has(name: string): boolean {
    return this.col(name) !== undefined;
  }

  /** The value of the first of `names` the file has ('' when none); only that column counts as used. */
  take(...names: string[]): string {
    for (const n of names) {
      const i = this.col(n);
      if (i === undefined) continue;
      this.used.add(i);
      return this.values[i] ?? '';
    }
    return '';
  }

  /** Marks columns as deliberately not imported (documented per format). */
  ignore(...names: string[]): void {
    for (const n of names) {
      const i = this.col(n);
      if (i !== undefined) this.used.add(i);
    }
  }

  /** Unread columns with a value, as custom fields. */
  extras(): CustomField[] {
    const out: CustomField[] = [];
    this.headers.forEach((h, i) => {
      const value = this.values[i] ?? '';
      if (this.used.has(i) || value === '') return;
      const name = h.trim() || `Column ${i + 1}`;
      out.push({ name, value, concealed: isConcealedName(name) });
    });
    return out;
  }

  /** Every non-empty cell, for formats whose rows are not logins at all. */
  all(): { name: string; value: string }[] {
    return this.headers.map((h, i) => ({ name: h.trim() || `Column ${i + 1}`, value: this.values[i] ?? '' })).filter((c) => c.value !== '');
  }
}

/** What a format makes of one row, or the row's problem when mapping it throws. */
export function outcomeOf(map: () => MapOutcome): MapOutcome {
  try {
    return map();
  } catch (err) {
    return { problem: err instanceof KeystashError ? err.message : 'the row could not be read' };
  }
}
