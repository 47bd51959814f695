// `keystash health`: weak, reused and old passwords, due API keys, unused credentials and
// duplicates. Secrets are examined in this process; the output names items, never secrets.
import { HEALTH_KINDS, HEALTH_LABELS, toHealthJson } from '../../../shared/health';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeHealth } from '../../core/health';
import { ScoreWorkerPool } from '../../core/health/score-pool';
import { useFastScoring } from '../../core/generator/strength';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { printable } from '../output';

export const health: Command = {
  name: 'health',
  summary: 'Check for weak, reused and old passwords, due keys, unused items, duplicates',
  usage: 'health [--json]',
  details: `Findings:
  weak        password strength (zxcvbn) 2 of 4 or less
  reused      the same password on several logins (grouped)
  old         password unchanged for over 365 days, or an API key past its rotation interval
  expiring    API key expiring within 30 days
  expired     API key past its expiry date
  stale       password or key not used for 180 days (or never, when added 180+ days ago)
  duplicates  same type, title, username and first URL, or the same API secret (grouped)

--json prints {"weak": [ids], "reused": [[ids]], "old": [ids], "expiring": [ids],
"expired": [ids], "stale": [ids], "duplicates": [[ids]]}. Exit code 0 either way.`,
  options: {
    json: { type: 'boolean', help: 'Print the findings as JSON (item ids only)' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const vault = await ctx.vault();
    const pool = scoringThreads();
    if (!pool) useFastScoring();
    let report;
    try {
      report = await computeHealth(vault, pool ? { scorer: pool } : {});
    } finally {
      pool?.close();
    }
    if (ctx.args.flag('json')) {
      ctx.out.json(toHealthJson(report));
      return EXIT.ok;
    }
    if (report.findings.length === 0) {
      ctx.out.data('No findings: the vault looks healthy.');
      return EXIT.ok;
    }
    const title = (id: string): string => `${printable(vault.items.listedItem(id).title)} (${id.slice(0, 8)})`;
    for (const kind of HEALTH_KINDS) {
      const found = report.findings.filter((f) => f.kind === kind);
      if (found.length === 0) continue;
      ctx.out.data(`${HEALTH_LABELS[kind]}: ${found.length}`);
      for (const f of found) ctx.out.data(`  - ${f.itemIds.map(title).join(', ')}: ${f.reason}`);
      ctx.out.data();
    }
    return EXIT.ok;
  },
};

/**
 * The bundle's scoring thread (out/cli/health-worker.mjs, beside the chunk this command is in):
 * zxcvbn then runs on every core. Run from source (no bundle), the check scores in this thread.
 */
function scoringThreads(): ScoreWorkerPool | null {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'health-worker.mjs');
  return fs.existsSync(file) ? new ScoreWorkerPool({ file }) : null;
}
