// Attack: head record deleted. Deleting the newest events together with the `history-head`
// meta record used to leave no lasting trace: the next unlock quietly wrote a new head, and
// `history --verify` said intact (only one unlock event carried a note). Now a missing head is
// a hard failure that raises the history alarm: the head's MAC carries the alarm bit and the
// findings are sealed in the vault, so every later command warns on stderr and `--verify`
// exits 3 until the user runs `history --acknowledge`; in the app, the unlock notice and the
// Activity page's headline show it until the user acknowledges it there.
// A real vault file and SQLite, Argon2 at FAST_KDF, and the real CLI bundle.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { PASSWORD } from '../support/kit';
import { FAST_KDF, makeTestServices } from '../support/test-services';
import { buildCli, cleanEnv, VaultCli } from '../cli/cli-harness';
import { login, newVault, tempDir, withRaw } from '../core/fixtures/vault-helpers';

const MISSING = 'The record of the newest event is missing, so deleted recent events cannot be ruled out.';

beforeAll(() => buildCli(), 120_000);

describe('attack: head record deleted', () => {
  it('stays flagged on stderr and as exit 3 from --verify until acknowledged', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'vault.keystash');
    const v = await newVault({ file });
    const item = v.items.create(login('GitHub'));
    for (let i = 0; i < 6; i++) v.items.useField(item.id, 'password', 'copy');
    v.close();
    const cli = new VaultCli(file, cleanEnv(dir));

    // The attack: the newest three events and the head record go.
    withRaw(file, (db) => {
      db.prepare('DELETE FROM events WHERE seq > (SELECT MAX(seq) - 3 FROM events)').run();
      db.prepare("DELETE FROM meta WHERE name = 'history-head'").run();
    });

    const first = await cli.run(['list']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(MISSING);
    expect(first.stderr).toContain('keystash history --acknowledge');

    // That unlock wrote a new head; the finding survives it.
    for (let i = 0; i < 2; i++) {
      const verify = await cli.run(['history', '--verify']);
      expect(verify.code).toBe(3);
      expect(verify.stdout).toContain(MISSING);
      expect(verify.stdout).not.toContain('intact');
      expect(verify.stderr).toContain(MISSING);
    }

    const ack = await cli.run(['history', '--acknowledge']);
    expect(ack.code).toBe(0);
    expect(ack.stderr).toContain('Acknowledged the earlier finding; the history alarm is cleared.');

    const after = await cli.run(['history', '--verify']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/^History is intact/);
    expect(after.stderr).not.toContain(MISSING);
  });

  it('in the app: every unlock notice and the Activity headline show it until acknowledged', async () => {
    const t = makeTestServices('keystash-head-');
    const api = createHandlers(t.services);
    const ok = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    try {
      ok(await api['vault:create']({ password: PASSWORD, kdf: FAST_KDF }));
      const item = ok(await api['item:create']({ item: { type: 'login', title: 'GitHub', password: 'pw-123456' } }));
      for (let i = 0; i < 4; i++) ok(await api['item:reveal']({ id: item.id, field: 'password' }));
      ok(await api['vault:lock']({}));
      withRaw(path.join(t.dir, 'vault.keystash'), (db) => {
        db.prepare('DELETE FROM events WHERE seq > (SELECT MAX(seq) - 3 FROM events)').run();
        db.prepare("DELETE FROM meta WHERE name = 'history-head'").run();
      });

      for (let i = 0; i < 2; i++) {
        expect(ok(await api['vault:unlock']({ password: PASSWORD })).historyProblems).toContain(MISSING);
        const { headline } = ok(await api['history:status']({}));
        expect(headline).toMatchObject({ tone: 'danger', canAcknowledge: true });
        expect(headline.problems).toContain(MISSING);
        ok(await api['vault:lock']({}));
      }
      ok(await api['vault:unlock']({ password: PASSWORD }));
      expect(ok(await api['history:acknowledge']({})).ok).toBe(true);
      expect(ok(await api['history:status']({})).headline.canAcknowledge).toBe(false);
      ok(await api['vault:lock']({}));
      expect(ok(await api['vault:unlock']({ password: PASSWORD })).historyProblems).toBeUndefined();
    } finally {
      await t.services.shutdown();
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
