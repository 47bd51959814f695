// Vault health findings as they cross to the UI and the CLI: item ids and plain-words
// reasons only, never a secret. Neither Node nor DOM code lives here.

export const HEALTH_KINDS = ['weak', 'reused', 'old', 'expiring', 'expired', 'stale', 'duplicates'] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

export const HEALTH_LABELS: Record<HealthKind, string> = {
  weak: 'Weak passwords',
  reused: 'Reused passwords',
  old: 'Old passwords and overdue rotations',
  expiring: 'API keys expiring soon',
  expired: 'Expired API keys',
  stale: 'Unused credentials',
  duplicates: 'Duplicate items',
};

export interface HealthFinding {
  kind: HealthKind;
  /** One item, or a group (reused, duplicates), in title order. */
  itemIds: string[];
  reason: string;
}

export interface HealthReport {
  generatedAt: number;
  findings: HealthFinding[];
  /** Findings per kind (a group counts once). */
  counts: Record<HealthKind, number>;
}

/** The report as the window gets it, with what it needs to link each finding to its items. */
export interface HealthReply extends HealthReport {
  /** Every item a finding names, for links: its title, and its username and site so items
   * with one title (twelve "Airbnb" logins) can be told apart. */
  items: { id: string; title: string; type: string; username: string; host: string }[];
}

/** How far a running check is: items looked at, of how many (null: no check running). */
export interface HealthProgress {
  done: number;
  total: number;
}

/** The shape `keystash health --json` prints. */
export interface HealthJson {
  weak: string[];
  reused: string[][];
  old: string[];
  expiring: string[];
  expired: string[];
  stale: string[];
  duplicates: string[][];
}

export function toHealthJson(report: HealthReport): HealthJson {
  const single = (kind: HealthKind): string[] => report.findings.filter((f) => f.kind === kind).flatMap((f) => f.itemIds);
  const groups = (kind: HealthKind): string[][] => report.findings.filter((f) => f.kind === kind).map((f) => f.itemIds);
  return {
    weak: single('weak'),
    reused: groups('reused'),
    old: single('old'),
    expiring: single('expiring'),
    expired: single('expired'),
    stale: single('stale'),
    duplicates: groups('duplicates'),
  };
}

export type DueReason = 'expired' | 'expiring' | 'rotation';

/** An API key that needs attention, as the unlock notice shows it. */
export interface DueKey {
  id: string;
  title: string;
  reason: DueReason;
  /** When it expires or expired, or when rotation fell due (ms since epoch). */
  dueAt: number;
  /** Whole days until dueAt (negative when past). */
  days: number;
}
