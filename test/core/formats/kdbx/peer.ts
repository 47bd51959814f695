// Runs the real keepassxc-cli (Debian's keepassxc, installed by scripts/install-test-deps.sh)
// for the KDBX suites: databases it writes are what Keystash must import, and databases
// Keystash writes are what it must open.
import { spawnSync } from 'node:child_process';

export interface PeerResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `keepassxc-cli ARGS` with `lines` on stdin (the database password first). */
export function kpcli(args: string[], lines: string[] = []): PeerResult {
  const r = spawnSync('keepassxc-cli', args, { input: lines.map((l) => `${l}\n`).join(''), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As kpcli, but throws with the peer's own words when it fails. */
export function kpOk(args: string[], lines: string[] = []): string {
  const r = kpcli(args, lines);
  if (r.code !== 0) throw new Error(`keepassxc-cli ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}
