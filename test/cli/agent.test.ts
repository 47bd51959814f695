// The unlock-once agent end to end, through the real launcher: unlock once, then commands
// without a password; lock; the idle timeout; a replaced vault file; two terminals at once;
// falling back when the agent died; --no-agent and KEYSTASH_NO_AGENT; stdin lines and `run`
// through the agent; and every use logged as source cli.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './cli-harness';
import { agentVault, alive, stopAgent, waitFor } from './agent-harness';

interface History {
  events: { kind: string; source: string; field: string | null }[];
}

const started: number[] = [];
beforeAll(() => {
  buildCli();
});
afterEach(() => {
  for (const pid of started.splice(0)) stopAgent(pid);
});

describe('keystash unlock / lock', () => {
  it('unlocks once: later commands need no password; lock ends the agent and removes its socket', async () => {
    const v = await agentVault();
    await v.cli.ok(['add', 'api_key', '--title', 'Stripe live', '--secret-stdin'], ['sk_test_agent_0001']);
    const { result, pid } = await v.unlock(['--timeout', '10m']);
    started.push(pid);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Unlocked \(agent pid \d+\)/);
    expect(v.sockets()).toHaveLength(1);

    const search = await v.bare(['search', 'stripe']);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('Stripe live');
    const show = await v.bare(['show', 'Stripe live', '--reveal', '--json']);
    expect(JSON.parse(show.stdout).items[0].secret).toBe('sk_test_agent_0001');
    // An unknown item: the agent's exit code reaches the client.
    expect((await v.bare(['show', 'nothing-like-this'])).code).toBe(4);

    const again = await v.cli.run(['unlock']);
    expect(again.stderr).toContain('already unlocked');

    const locked = await v.bare(['lock']);
    expect(locked).toMatchObject({ code: 0 });
    expect(locked.stderr).toContain('Locked');
    await waitFor(() => !alive(pid));
    expect(v.files()).toEqual([]);
    // Without the agent a command asks for the password again (no terminal here: exit 1).
    const after = await v.bare(['search', 'stripe']);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('--password-stdin');
    expect((await v.bare(['lock'])).stderr).toContain('No agent is running');

    const history = await v.cli.json<History>(['history', '--limit', '20']);
    const kinds = history.events.map((e) => `${e.kind}:${e.source}`);
    expect(kinds).toContain('reveal:cli');
    expect(history.events.every((e) => e.source === 'cli')).toBe(true);
    // init, add, the agent (once for search, show, show) and this history run.
    expect(kinds.filter((k) => k === 'unlock:cli').length).toBe(4);
    expect(kinds).toContain('lock:cli');
  });

  it('a wrong password starts no agent and exits 2', async () => {
    const v = await agentVault();
    v.cli.password = 'not the password';
    const { result } = await v.unlock();
    expect(result.code).toBe(2);
    expect(v.files()).toEqual([]);
  });

  it('ends after its idle timeout', async () => {
    const v = await agentVault();
    const { result, pid } = await v.unlock(['--timeout', '2s']);
    started.push(pid);
    expect(result.code).toBe(0);
    expect((await v.bare(['list'])).code).toBe(0);
    await waitFor(() => !alive(pid));
    expect(v.files()).toEqual([]);
    const history = await v.cli.json<History>(['history', '--limit', '5']);
    expect(history.events.map((e) => e.kind)).toContain('lock');
  });

  it('rejects a bad --timeout before asking for anything', async () => {
    const v = await agentVault();
    for (const bad of ['soon', '0s', '25h', '-5m']) {
      const r = await v.cli.run(['unlock', '--timeout', bad]);
      expect(r.code, bad).toBe(1);
      expect(v.files()).toEqual([]);
    }
  });

  it('ends when the vault file is replaced; the next command runs without it', async () => {
    const v = await agentVault();
    await v.cli.ok(['add', 'note', '--title', 'Before']);
    const { pid } = await v.unlock();
    started.push(pid);
    const copy = `${v.cli.file}.copy`;
    fs.copyFileSync(v.cli.file, copy);
    fs.renameSync(copy, v.cli.file);
    // Either the agent noticed first and ended, or it notices on this request and ends:
    // both ways the command falls back to asking for the password.
    const r = await v.cli.run(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Before');
    await waitFor(() => !alive(pid));
    expect(v.files()).toEqual([]);
  });

  it('serves two terminals at once', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    started.push(pid);
    const [a, b] = await Promise.all([
      v.bare(['add', 'api_key', '--title', 'One', '--secret-stdin'], 'secret-one\n'),
      v.bare(['add', 'api_key', '--title', 'Two', '--secret-stdin'], 'secret-two\n'),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const [one, two] = await Promise.all([v.bare(['show', 'One', '--reveal', '--json']), v.bare(['show', 'Two', '--reveal', '--json'])]);
    expect(JSON.parse(one.stdout).items[0].secret).toBe('secret-one');
    expect(JSON.parse(two.stdout).items[0].secret).toBe('secret-two');
  });

  it('falls back cleanly when the agent died', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    process.kill(pid, 'SIGKILL');
    await waitFor(() => !alive(pid));
    expect(v.sockets()).toHaveLength(1); // its socket is left behind
    const r = await v.cli.run(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('keystash:');
    // A new agent replaces the dead one's socket.
    const next = await v.unlock();
    started.push(next.pid);
    expect(next.result.code).toBe(0);
    expect((await v.bare(['list'])).code).toBe(0);
  });

  it('--no-agent and KEYSTASH_NO_AGENT=1 skip it', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    started.push(pid);
    expect((await v.bare(['--no-agent', 'list'])).stderr).toContain('--password-stdin');
    expect((await v.bare(['list'], undefined, { KEYSTASH_NO_AGENT: '1' })).stderr).toContain('--password-stdin');
    expect((await v.cli.run(['--no-agent', 'list'])).code).toBe(0);
  });

  it('reads stdin lines through the agent, skipping the password line of --password-stdin', async () => {
    const v = await agentVault();
    const { pid } = await v.unlock();
    started.push(pid);
    // Scripts written for --password-stdin keep working: line 1 is read and not needed.
    await v.cli.ok(['add', 'login', '--title', 'Mail', '--secret-stdin'], ['pw-line-two']);
    const shown = await v.bare(['show', 'Mail', '--reveal', '--json']);
    expect(JSON.parse(shown.stdout).items[0].password).toBe('pw-line-two');
    const missing = await v.bare(['add', 'login', '--title', 'Empty', '--secret-stdin'], '');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('stdin ended');
  });

  it('`run` through the agent starts the command here, in this directory, with the secret', async () => {
    const v = await agentVault();
    await v.cli.ok(['add', 'api_key', '--title', 'Key', '--secret-stdin'], ['sk_run_through_agent']);
    const { pid } = await v.unlock();
    started.push(pid);
    const cwd = fs.mkdtempSync(path.join(v.dir, 'work-'));
    const script = 'printf "%s %s" "$K" "$(pwd)"; exit 7';
    const r = await runCli(['--vault', v.cli.file, 'run', '--no-masking', '--env', 'K=Key', '--', 'sh', '-c', script], { env: v.cli.env, cwd });
    expect(r.code).toBe(7);
    expect(r.stdout).toBe(`sk_run_through_agent ${fs.realpathSync(cwd)}`);
    // Masked by default, here too: the client masks what its child prints.
    const masked = await runCli(['--vault', v.cli.file, 'run', '--env', 'K=Key', '--', 'sh', '-c', script], { env: v.cli.env, cwd });
    expect(masked.stdout).toBe(`<concealed by keystash> ${fs.realpathSync(cwd)}`);
    const missing = await v.bare(['run', '--env', 'K=Key', '--', 'no-such-program-here']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toContain('Command not found');
  });

  it('read and inject through the agent: the template is read and the file written by the terminal’s process, in its directory', async () => {
    const v = await agentVault();
    await v.cli.ok(['add', 'api_key', '--title', 'Key', '--secret-stdin'], ['sk_inject_via_agent']);
    const { pid } = await v.unlock();
    started.push(pid);
    expect((await v.bare(['read', '-n', 'keystash://Key/secret'])).stdout).toBe('sk_inject_via_agent');
    const cwd = fs.mkdtempSync(path.join(v.dir, 'work-'));
    fs.writeFileSync(path.join(cwd, 'app.tpl'), 'key={{ keystash://Key/secret }}\n');
    const r = await runCli(['--vault', v.cli.file, 'inject', '-i', 'app.tpl', '-o', 'app.conf'], { env: v.cli.env, cwd });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'app.conf'), 'utf8')).toBe('key=sk_inject_via_agent\n');
    expect(fs.statSync(path.join(cwd, 'app.conf')).mode & 0o777).toBe(0o600);
    const missing = await runCli(['--vault', v.cli.file, 'inject', '-i', 'nope.tpl'], { env: v.cli.env, cwd });
    expect(missing).toMatchObject({ code: 4, stderr: 'keystash: “nope.tpl” does not exist.\n' });
  });
});
