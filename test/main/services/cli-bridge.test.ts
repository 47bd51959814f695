// The desktop app as the CLI's agent, main-process side under Node: the real services (with
// the confirm-dialog stand-in answering for the person) listening on a real Unix socket, and
// the real `keystash` binary asking it. One question per terminal session, naming the process
// and its working directory; Deny refuses; a locked app is skipped; each value is logged.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanEnv, runCli } from '../../cli/cli-harness';
import { FAST_KDF, PASSWORD } from '../../support/kit';
import { makeTestServices, type TestServices } from '../../support/test-services';
import { CLI_ALLOW_MS } from '../../../electron/main/services/cli-bridge.service';

const SECRET = 'sk_live_from_the_app_0123456789';
const open: TestServices[] = [];

beforeAll(() => {
  buildCli();
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.services.shutdown();
});

/** An unlocked app with one API key, answering on the agent directory of its own runtime dir. */
async function unlockedApp(clock = { now: Date.now() }): Promise<{ t: TestServices; env: NodeJS.ProcessEnv; vaultPath: string; agentDir: string }> {
  const probe = makeTestServices('keystash-bridge-');
  const runtime = path.join(probe.dir, 'run');
  fs.mkdirSync(runtime, { mode: 0o700 });
  const agentDir = path.join(runtime, 'keystash');
  await probe.services.shutdown();
  const t = makeTestServices('keystash-bridge-', { cliBridgeDir: agentDir, now: () => clock.now });
  open.push(t);
  await t.services.vault.create(PASSWORD, FAST_KDF);
  t.services.vault.unlocked().items.create({ type: 'api_key', title: 'Stripe live', secret: SECRET });
  await t.services.cliBridge?.start();
  const vaultPath = t.services.vault.path;
  const env = cleanEnv(t.dir, { XDG_RUNTIME_DIR: runtime, KEYSTASH_VAULT: vaultPath });
  delete env.KEYSTASH_NO_AGENT;
  return { t, env, vaultPath, agentDir };
}

describe('the app answering the CLI', () => {
  it('asks once per terminal session, naming the process and its working directory, then answers without a password', async () => {
    const { t, env, agentDir } = await unlockedApp();
    const sock = fs.readdirSync(agentDir).find((f) => f.startsWith('app-')) ?? '';
    expect(fs.statSync(path.join(agentDir, sock)).mode & 0o777).toBe(0o600);
    const r = await runCli(['read', 'keystash://Stripe live/secret'], { env, cwd: t.dir });
    expect(r).toMatchObject({ code: 0, stdout: `${SECRET}\n` });
    expect(t.confirm.asked).toHaveLength(1);
    expect(t.confirm.asked[0]).toContain('keystash read keystash://Stripe live/secret');
    expect(t.confirm.asked[0]).toContain(`in ${t.dir}`);
    // The same terminal again: no second question.
    const envOut = await runCli(['env', 'Stripe live'], { env, cwd: t.dir });
    expect(envOut.stdout).toBe(`export STRIPE_LIVE='${SECRET}'\n`);
    expect(t.confirm.asked).toHaveLength(1);
    // Each value the terminal got is logged as a use by the CLI, though the app's vault (source `app`) handed it out.
    const events = t.services.vault.unlocked().history.query({ limit: 20 });
    const uses = events.filter((e) => e.kind === 'cli-use');
    expect(uses.map((e) => `${e.source} ${e.detail.field} ${e.detail.note}`).sort()).toEqual(['cli secret env (shell) (keystash CLI, through the app)', 'cli secret read (keystash CLI, through the app)']);
    expect(events.find((e) => e.kind === 'unlock')?.source).toBe('app');
  });

  it('runs `run --env-file` and `run --profile` with the values from the app', async () => {
    const { t, env } = await unlockedApp();
    fs.writeFileSync(path.join(t.dir, '.env'), 'KEY=keystash://Stripe live/secret\nMODE=test\n');
    const r = await runCli(['run', '--env-file', '.env', '--', 'sh', '-c', 'echo "$KEY $MODE"'], { env, cwd: t.dir });
    expect(r).toMatchObject({ code: 0, stdout: '<concealed by keystash> test\n' });
    // A profile kept in the app's vault works the same way.
    t.services.vault.unlocked().profiles.set('shop', { SHOP_KEY: 'keystash://Stripe live/secret' });
    const p = await runCli(['run', '--no-masking', '--profile', 'shop', '--', 'sh', '-c', 'echo "$SHOP_KEY"'], { env, cwd: t.dir });
    expect(p).toMatchObject({ code: 0, stdout: `${SECRET}\n` });
  });

  it('Deny refuses with exit 2 and prints no value', async () => {
    const { t, env } = await unlockedApp();
    t.confirm.cliAccessAnswer = false;
    const r = await runCli(['read', 'keystash://Stripe live/secret'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('refused');
    // --no-agent skips the app: the CLI asks for the password itself.
    const own = await runCli(['--no-agent', '--password-stdin', 'read', 'keystash://Stripe live/secret'], { env, stdin: `${PASSWORD}\n` });
    expect(own.stdout).toBe(`${SECRET}\n`);
    expect(t.confirm.asked).toHaveLength(1);
  });

  it('asks again after 10 minutes, and after the app locked', async () => {
    const clock = { now: Date.now() };
    const { t, env } = await unlockedApp(clock);
    await runCli(['read', 'keystash://Stripe live/secret'], { env });
    clock.now += CLI_ALLOW_MS + 1;
    await runCli(['read', 'keystash://Stripe live/secret'], { env });
    expect(t.confirm.asked).toHaveLength(2);
    await t.services.lock('manual');
    // Locked: the app does not answer; the CLI runs by itself and needs the password.
    const locked = await runCli(['read', 'keystash://Stripe live/secret'], { env });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('--password-stdin');
    await t.services.vault.unlock(PASSWORD);
    await runCli(['read', 'keystash://Stripe live/secret'], { env });
    expect(t.confirm.asked).toHaveLength(3);
  });

  it('refuses to listen in a shared directory', async () => {
    const probe = makeTestServices('keystash-bridge-');
    const agentDir = path.join(probe.dir, 'shared');
    fs.mkdirSync(agentDir, { mode: 0o777 });
    fs.chmodSync(agentDir, 0o777);
    await probe.services.shutdown();
    const t = makeTestServices('keystash-bridge-', { cliBridgeDir: agentDir });
    open.push(t);
    await expect(t.services.cliBridge?.start()).rejects.toThrow('not 0700');
    expect(fs.readdirSync(agentDir)).toEqual([]);
  });
});
