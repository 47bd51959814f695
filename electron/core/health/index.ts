// Vault health: weak, reused and old passwords, expired, expiring and overdue API keys,
// credentials unused for months, and duplicate items. Items are decrypted in this thread only;
// zxcvbn runs on a scorer (worker threads in the app, score-pool.ts), which is handed only the
// passwords no check has scored yet (score-cache.ts: this session's scores and those an earlier
// session sealed in the vault), each once, with their username and title. The report carries
// item ids and reasons, nothing secret.
import type { Item, ListedItem } from '../../../shared/domain';
import { HEALTH_KINDS, type HealthFinding, type HealthKind, type HealthReport } from '../../../shared/health';
import { dueFor } from '../api-keys/due';
import type { Items } from '../items/items';
import type { HealthScores } from './score-cache';
import { linkedGroups, sharedKeyGroups } from './groups';
import { inThreadScorer, type PasswordScorer, type ScoreJob } from './scorer';

const DAY = 86_400_000;
export const HEALTH_LIMITS = { weakScore: 2, oldDays: 365, staleDays: 180 } as const;

/** What a health check reads: the items and the score cache (a Vault has both). */
export interface HealthSources {
  readonly items: Items;
  readonly healthScores: HealthScores;
}

export interface HealthOptions {
  now?: number;
  /** Who runs zxcvbn; by default this thread, one password per event-loop turn. */
  scorer?: PasswordScorer;
  /**
   * Told how far the check is: steps done of the total, where each item is one step (its
   * decryption and checks) and each login password one more (scored, or found scored).
   */
  onProgress?: (done: number, total: number) => void;
}

// At most 50 items per turn (~10 ms of decryption), and no more once TURN_MS has passed: the
// app runs this check after every change and right after unlock, when the first items read
// each inflate and decrypt an index bucket of their own, so a keystroke in the window never
// waits behind a long turn.
const ITEMS_PER_TURN = 50;
const TURN_MS = 8;
/** Records read in one pass of the session gate: few, so that a turn can stop on time. */
const RECORDS_PER_READ = 8;
/** Passwords handed to the scorer at a time while items are still being decrypted. */
const SCORE_BATCH = 256;

function days(ms: number): number {
  return Math.floor(ms / DAY);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function normUrl(u: string | undefined): string {
  return (u ?? '').trim().toLowerCase().replace(/\/+$/, '');
}

function secretOf(item: Item): string {
  return item.type === 'api_key' ? item.secret : item.type === 'login' ? item.password : '';
}

/**
 * Checks every item not in the trash. Scores come from the score cache where it has them; the
 * others are scored while the remaining items are decrypted (each distinct password and context
 * once), and the cache keeps the scores of the passwords seen in this check, in memory and in
 * the vault's sealed record (rewritten only when they changed).
 */
export async function computeHealth(vault: HealthSources, opts: HealthOptions = {}): Promise<HealthReport> {
  const now = opts.now ?? Date.now();
  const scorer = opts.scorer ?? inThreadScorer;
  const cache = vault.healthScores.session();
  const scores = new Map<string, number>();
  // The logins are counted as the reader takes them (for progress), without another pass.
  let loginCount = 0;
  const reader = vault.items.reader((e) => {
    const take = !e.deleted && e.type !== 'note';
    if (take && e.type === 'login') loginCount++;
    return take;
  });
  const checked: string[] = [];
  const findings: HealthFinding[] = [];
  const passwords: { id: string; key: string }[] = [];
  // Each login with a password, in item order, with its cache key; scored after the loop.
  const logins: { id: string; scoreKey: string }[] = [];
  const dupLinks: string[][] = [];
  const lookKey = new Map<string, string[]>();
  const secretKey = new Map<string, string[]>();

  // Each item is a step, and each login one more: its password scored, found scored, or none.
  const total = reader.total + loginCount;
  let done = 0;
  const progress = () => opts.onProgress?.(done, total);
  const onScored = (n: number) => {
    done += n;
  };
  // Passwords go to the scorer in batches as the loop finds them, so scoring and decryption overlap.
  const queued = new Set<string>();
  let batch: { scoreKey: string; job: ScoreJob }[] = [];
  const scoring: Promise<void>[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    const run = scorer.score(sent.map((b) => b.job), onScored).then((got) => sent.forEach((b, i) => scores.set(b.scoreKey, got[i] ?? 0)));
    // Awaited after the loop; marked handled now so a failure during the loop is not "unhandled".
    run.catch(() => undefined);
    scoring.push(run);
  };

  progress();
  const needsRecord = (s: ListedItem) => s.hasPassword || s.hasSecret;
  const checkSlice = (slice: ListedItem[]): void => {
    // One decryption gives the item and its password history (when the password last
    // changed); a slice's records are read in one pass of the session gate.
    const records = vault.items.records(slice.filter(needsRecord).map((s) => s.id));
    let read = 0;
    for (const s of slice) {
      checked.push(s.id);
      done++;
      const record = needsRecord(s) ? (records[read++] ?? null) : null;
      const secret = record ? secretOf(record.item) : '';
      if (s.type === 'login' && secret === '') done++;
      if (s.type === 'login' && secret !== '') {
        // The username and title are part of the key: they change what zxcvbn counts as known.
        const context = [s.username, s.title];
        const scoreKey = cache.keyOf(secret, context);
        logins.push({ id: s.id, scoreKey });
        const cached = cache.get(scoreKey);
        if (cached !== undefined) {
          scores.set(scoreKey, cached);
          done++;
        } else if (queued.has(scoreKey)) {
          done++;
        } else {
          queued.add(scoreKey);
          batch.push({ scoreKey, job: { password: secret, context } });
          if (batch.length >= SCORE_BATCH) flush();
        }
        passwords.push({ id: s.id, key: secret });
        const changedAt = record?.passwordHistory.find((h) => h.field === 'password')?.changedAt ?? s.createdAt;
        const age = days(now - changedAt);
        if (age > HEALTH_LIMITS.oldDays) findings.push({ kind: 'old', itemIds: [s.id], reason: `The password has not changed in ${plural(age, 'day')}.` });
      }
      for (const due of dueFor(vault.items, s, now)) {
        if (due.reason === 'rotation') {
          findings.push({ kind: 'old', itemIds: [s.id], reason: `Rotation is overdue: the secret is due every ${plural(s.rotationDays ?? 0, 'day')} and was due ${plural(-due.days, 'day')} ago.` });
        } else if (due.reason === 'expired') {
          findings.push({ kind: 'expired', itemIds: [s.id], reason: `The key expired on ${s.expiresAt}.` });
        } else {
          findings.push({ kind: 'expiring', itemIds: [s.id], reason: `The key expires on ${s.expiresAt} (${due.days === 0 ? 'end of today' : `in ${plural(due.days, 'day')}`}).` });
        }
      }
      if (secret !== '') {
        const last = s.lastUsedAt ?? s.createdAt;
        const idle = days(now - last);
        if (idle > HEALTH_LIMITS.staleDays) {
          const reason = s.lastUsedAt === null ? `Never used since it was added ${plural(idle, 'day')} ago.` : `Last used ${plural(idle, 'day')} ago.`;
          findings.push({ kind: 'stale', itemIds: [s.id], reason });
        }
        if (s.type === 'api_key') secretKey.set(secret, [...(secretKey.get(secret) ?? []), s.id]);
      }
      const look = JSON.stringify([s.type, s.title.trim().toLowerCase(), s.username.trim().toLowerCase(), normUrl(s.urls[0])]);
      lookKey.set(look, [...(lookKey.get(look) ?? []), s.id]);
    }
  };
  while (checked.length < reader.total) {
    // Hand the event loop a turn after each turn's items: a keystroke never waits long here.
    if (checked.length > 0) {
      progress();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Up to ITEMS_PER_TURN items, a few records at a time, until TURN_MS has passed: the first
    // record read of each index bucket decrypts that bucket (bucket-store.ts checkRecord), and
    // right after unlock the first items in title order are each in a different bucket.
    const until = performance.now() + TURN_MS;
    for (let inTurn = 0; inTurn < ITEMS_PER_TURN && checked.length < reader.total && (inTurn === 0 || performance.now() < until); ) {
      const slice = reader.next(RECORDS_PER_READ, until);
      checkSlice(slice);
      inTurn += slice.length;
    }
  }
  flush();
  progress();
  // Progress while the last scores arrive (the scorer runs elsewhere; this thread just waits).
  const ticker = setInterval(progress, 100);
  try {
    await Promise.all(scoring);
  } finally {
    clearInterval(ticker);
  }

  // Weak findings in item order; the sort by kind below is stable, so the report's order is
  // the same as when they were found inside the loop.
  for (const { id, scoreKey } of logins) {
    const score = scores.get(scoreKey) ?? 0;
    if (score <= HEALTH_LIMITS.weakScore) findings.push({ kind: 'weak', itemIds: [id], reason: `The password is easy to guess (strength ${score} of 4).` });
  }
  for (const group of sharedKeyGroups(passwords)) {
    findings.push({ kind: 'reused', itemIds: group, reason: `The same password is used by ${group.length} items.` });
  }
  dupLinks.push(...lookKey.values(), ...secretKey.values());
  for (const group of linkedGroups(checked, dupLinks)) {
    findings.push({ kind: 'duplicates', itemIds: group, reason: `${group.length} items look like copies of one another (same title, username and address, or the same secret).` });
  }

  done = total;
  progress();
  cache.replace(scores);
  vault.healthScores.save();

  const counts = Object.fromEntries(HEALTH_KINDS.map((k) => [k, 0])) as Record<HealthKind, number>;
  for (const f of findings) counts[f.kind]++;
  const order = new Map(HEALTH_KINDS.map((k, i) => [k, i]));
  findings.sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  return { generatedAt: now, findings, counts };
}

