// Vault health: weak, reused and old passwords, expired, expiring and overdue API keys,
// credentials unused for months, and duplicate items. Secrets are read in this process only;
// the report carries item ids and reasons, nothing secret.
import { createHash } from 'node:crypto';
import type { Item } from '../../../shared/domain';
import { HEALTH_KINDS, type HealthFinding, type HealthKind, type HealthReport } from '../../../shared/health';
import { dueFor, secretChangedAt } from '../api-keys/due';
import { strength } from '../generator/strength';
import type { Items } from '../items/items';
import type { HealthScores } from './score-cache';
import { linkedGroups, sharedKeyGroups } from './groups';

const DAY = 86_400_000;
export const HEALTH_LIMITS = { weakScore: 2, oldDays: 365, staleDays: 180 } as const;

/** What a health check reads: the items and the score cache (a Vault has both). */
export interface HealthSources {
  readonly items: Items;
  readonly healthScores: HealthScores;
}

export interface HealthOptions {
  now?: number;
  /** Give the event loop a turn after this many zxcvbn runs, so the app stays responsive. */
  yieldEvery?: number;
  /** Told how far the check is (items looked at, of how many) at each turn it yields. */
  onProgress?: (done: number, total: number) => void;
}

// One zxcvbn run (~5-20 ms) or 50 decryptions (~15 ms) per turn: the app runs this check after
// every change, so a keystroke in the window never waits behind a longer slice.
const DEFAULT_YIELD_EVERY = 1;
const ITEMS_PER_TURN = 50;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
 * Checks every item not in the trash. Scores come from the vault's encrypted score cache
 * where it has them; new ones are computed (yielding to the event loop now and then) and the
 * cache is saved pruned to the passwords seen in this check.
 */
export async function computeHealth(vault: HealthSources, opts: HealthOptions = {}): Promise<HealthReport> {
  const now = opts.now ?? Date.now();
  const yieldEvery = opts.yieldEvery ?? DEFAULT_YIELD_EVERY;
  const cache = vault.healthScores.read();
  const seen = new Map<string, number>();
  let scored = 0;
  const summaries = vault.items.list().filter((s) => s.type !== 'note');
  const findings: HealthFinding[] = [];
  const passwords: { id: string; key: string }[] = [];
  const dupLinks: string[][] = [];
  const lookKey = new Map<string, string[]>();
  const secretKey = new Map<string, string[]>();

  let visited = 0;
  const progress = () => opts.onProgress?.(visited, summaries.length);
  progress();
  for (const s of summaries) {
    // Decrypting every item takes ~0.3 ms each; hand the event loop a turn now and then.
    if (++visited % ITEMS_PER_TURN === 0) {
      progress();
      await nextTurn();
    }
    const item = s.hasPassword || s.hasSecret ? vault.items.withSecrets(s.id) : null;
    const secret = item ? secretOf(item) : '';
    if (s.type === 'login' && secret !== '') {
      // The username and title are part of the key: they change what zxcvbn counts as known.
      const digest = createHash('sha256').update(JSON.stringify([secret, s.username, s.title])).digest('base64');
      let score = seen.get(digest) ?? cache.get(digest);
      if (score === undefined) {
        score = strength(secret, [s.username, s.title]).score;
        if (++scored % yieldEvery === 0) {
          progress();
          await nextTurn();
        }
      }
      seen.set(digest, score);
      if (score <= HEALTH_LIMITS.weakScore) findings.push({ kind: 'weak', itemIds: [s.id], reason: `The password is easy to guess (strength ${score} of 4).` });
      passwords.push({ id: s.id, key: secret });
      const age = days(now - secretChangedAt(vault.items, s));
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

  for (const group of sharedKeyGroups(passwords)) {
    findings.push({ kind: 'reused', itemIds: group, reason: `The same password is used by ${group.length} items.` });
  }
  dupLinks.push(...lookKey.values(), ...secretKey.values());
  for (const group of linkedGroups(summaries.map((s) => s.id), dupLinks)) {
    findings.push({ kind: 'duplicates', itemIds: group, reason: `${group.length} items look like copies of one another (same title, username and address, or the same secret).` });
  }

  progress();
  if (scored > 0 || seen.size !== cache.size) vault.healthScores.save(seen);

  const counts = Object.fromEntries(HEALTH_KINDS.map((k) => [k, 0])) as Record<HealthKind, number>;
  for (const f of findings) counts[f.kind]++;
  const order = new Map(HEALTH_KINDS.map((k, i) => [k, i]));
  findings.sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  return { generatedAt: now, findings, counts };
}

