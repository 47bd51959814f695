// Attack: read a TOTP seed from the process list or shell history. `keystash add --totp SEED`
// put the seed in argv, where any local user sees it in `ps` while the command runs and where
// it stays in ~/.bash_history. The CLI now refuses a seed given as an argument, saying how to
// pass it, and reads it with --totp-stdin from stdin (or a no-echo prompt on a terminal), as
// it reads passwords and API secrets. Run through the real CLI bundle.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, newVault, runCli } from '../cli/cli-harness';

const SEED = 'JBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/GitLab:alice?secret=${SEED}&issuer=GitLab`;
const REFUSAL = /--totp no longer takes the seed as an argument: it would show in `ps` and your shell history\. Pass it on stdin with --totp-stdin/;

interface Shown {
  items: { title: string; totp: string | null; password: string | null }[];
}

beforeAll(() => buildCli(), 120_000);

describe('TOTP seed on the command line', () => {
  it('add and edit refuse --totp SEED with a message saying how to pass it, change nothing and do not echo the seed', async () => {
    const { cli } = await newVault();
    const add = await cli.run(['add', 'login', '--title', 'GitLab', '--totp', SEED]);
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(REFUSAL);
    expect(add.stderr).not.toContain(SEED);
    expect(await cli.json<Shown>(['list'])).toEqual({ items: [] });

    await cli.ok(['add', 'login', '--title', 'GitLab']);
    const edit = await cli.run(['edit', 'GitLab', '--totp', URI]);
    expect(edit.code).toBe(1);
    expect(edit.stderr).toMatch(REFUSAL);
    expect(edit.stderr).not.toContain(SEED);
    expect((await cli.json<Shown>(['show', 'GitLab', '--reveal'])).items[0]?.totp).toBeNull();
  });

  it('--totp-stdin reads the seed after the password; edit --totp-stdin replaces it and --no-totp removes it', async () => {
    const { cli } = await newVault();
    await cli.ok(['add', 'login', '--title', 'GitLab', '--secret-stdin', '--totp-stdin'], ['hunter2-pass', 'jbsw y3dp ehpk 3pxp']);
    let shown = (await cli.json<Shown>(['show', 'GitLab', '--reveal'])).items[0];
    expect(shown).toMatchObject({ password: 'hunter2-pass', totp: SEED });
    // RFC 6238 with this seed at t = 59 s.
    expect((await cli.ok(['totp', 'GitLab', '--time', '59'])).trim()).toMatch(/^\d{6}$/);

    await cli.ok(['edit', 'GitLab', '--totp-stdin'], [URI]);
    shown = (await cli.json<Shown>(['show', 'GitLab', '--reveal'])).items[0];
    expect(shown?.totp).toBe(URI);
    const empty = await cli.run(['edit', 'GitLab', '--totp-stdin'], ['']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/given with --totp-stdin is empty; nothing was changed/);
    const bad = await cli.run(['edit', 'GitLab', '--totp-stdin'], ['not base32!']);
    expect(bad.stderr).toMatch(/--totp-stdin takes an otpauth:\/\/ URI or a base32 secret/);
    expect((await cli.run(['edit', 'GitLab', '--totp-stdin', '--no-totp'], [SEED])).stderr).toMatch(/contradict/);

    await cli.ok(['edit', 'GitLab', '--no-totp']);
    expect((await cli.json<Shown>(['show', 'GitLab', '--reveal'])).items[0]?.totp).toBeNull();
  });

  it('the help offers --totp-stdin and no longer offers --totp URI|SECRET', async () => {
    for (const cmd of ['add', 'edit']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--totp-stdin');
      expect(r.stdout).not.toMatch(/--totp URI/);
    }
  });
});
