// `keystash history`: usage events of the vault or one item.
import type { VaultEvent } from '../../../shared/domain';
import { KeystashError } from '../../core/errors';
import type { Vault } from '../../core/vault';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { isoTime, localTime } from '../format';
import { SHORT_ID } from '../item-table';
import { resolveItem } from '../resolve-item';
import { parseKinds, parseSince, reportJson, reportLines } from '../history-options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A purged item can no longer be resolved, but its history stays readable by its full id. */
function itemIdFor(vault: Vault, ref: string): string {
  try {
    return resolveItem(vault, ref, { includeTrash: true });
  } catch (err) {
    if (err instanceof KeystashError && err.code === 'not-found' && UUID.test(ref)) return ref.toLowerCase();
    throw err;
  }
}

export function jsonEvent(e: VaultEvent): Record<string, unknown> {
  return {
    seq: e.seq,
    at: isoTime(e.at),
    kind: e.kind,
    source: e.source,
    device: e.detail.device ?? null,
    itemId: e.itemId,
    field: e.detail.field ?? null,
    title: e.detail.title ?? null,
    note: e.detail.note ?? (e.detail.count !== undefined ? `${e.detail.count} items` : null),
  };
}

export const history: Command = {
  name: 'history',
  summary: 'Show usage history: unlocks, reveals, copies, edits (newest first)',
  usage: 'history [ITEM] [--since DATE] [--kind K] [--limit N] [--json] [--verify] [--acknowledge]',
  details: `Without ITEM, the whole vault's history; with ITEM, that item's (a purged item by its full id).

--since takes 2026-11-01 (local midnight), 2026-11-01T09:30 or 7d / 12h / 30m ago.
--kind takes an event kind (unlock, unlock-failed, lock, create, edit, delete, restore, purge, copy,
reveal, import, export, cli-use, password-change); repeat it or separate kinds with commas.
--verify checks the whole tamper-evident chain of events and exits 3 when an event was edited,
deleted, reordered or cut off, or an earlier finding (a deleted, altered or older record of the
newest event) is not yet acknowledged, printing what is wrong.
--acknowledge clears such earlier findings once you have read them (they are also shown on
stderr by every command until then).

Examples:
  keystash history
  keystash history GitHub --json
  keystash history --since 7d --kind copy,reveal
  keystash history --verify`,
  options: {
    limit: { type: 'string', value: 'N', help: 'At most N events (default 100)' },
    json: { type: 'boolean', help: 'Print {"events": [...]} as JSON' },
    since: { type: 'string', value: 'DATE', help: 'Only events at or after DATE (2026-11-01, 2026-11-01T09:30, 7d)' },
    kind: { type: 'string', multiple: true, value: 'K', help: 'Only events of kind K (repeatable, or comma-separated)' },
    verify: { type: 'boolean', help: 'Check the whole history for tampering; exit 3 when broken' },
    acknowledge: { type: 'boolean', help: 'Clear the history alarm after reading its findings' },
  },
  positionals: { min: 0, max: 1 },
  async run(ctx) {
    const limit = ctx.args.int('limit', { min: 1, max: 1_000_000 }) ?? 100;
    const sinceRaw = ctx.args.string('since');
    const since = sinceRaw !== undefined ? parseSince(sinceRaw, Date.now()) : undefined;
    const kinds = parseKinds(ctx.args.strings('kind'));
    const vault = await ctx.vault();
    if (ctx.args.flag('acknowledge')) {
      const had = vault.activity.lastCheck?.alarm ?? null;
      const report = vault.activity.acknowledge();
      ctx.out.note(had ? `Acknowledged ${had.problems.length === 1 ? 'the earlier finding' : `${had.problems.length} earlier findings`}; the history alarm is cleared.` : 'There was nothing to acknowledge.');
      return report.ok ? EXIT.ok : EXIT.integrity;
    }
    if (ctx.args.flag('verify')) {
      const report = vault.activity.verify('full');
      if (ctx.args.flag('json')) ctx.out.json(reportJson(report));
      else ctx.out.lines(reportLines(report));
      return report.ok ? EXIT.ok : EXIT.integrity;
    }
    const ref = ctx.args.positionals[0];
    const events = vault.activity.page({
      limit,
      ...(ref !== undefined ? { itemId: itemIdFor(vault, ref) } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(kinds ? { kinds } : {}),
    });
    if (ctx.args.flag('json')) {
      ctx.out.json({ events: events.map(jsonEvent) });
      return EXIT.ok;
    }
    if (events.length === 0) {
      ctx.out.note('No events.');
      return EXIT.ok;
    }
    ctx.out.table(
      [
        { header: 'SEQ', value: (e: VaultEvent) => String(e.seq) },
        { header: 'TIME', value: (e) => localTime(e.at) },
        { header: 'EVENT', value: (e) => e.kind },
        { header: 'SOURCE', value: (e) => (e.detail.device !== undefined ? `${e.source} on ${e.detail.device}` : e.source), max: 32 },
        { header: 'ITEM', value: (e) => e.detail.title ?? e.itemId?.slice(0, SHORT_ID) ?? '', max: 32 },
        { header: 'FIELD', value: (e) => e.detail.field ?? '' },
        { header: 'NOTE', value: (e) => (jsonEvent(e).note as string | null) ?? '', max: 50 },
      ],
      events,
    );
    return EXIT.ok;
  },
};
