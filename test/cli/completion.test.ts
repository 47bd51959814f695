// `keystash completion`: the bash script completes commands and each command's options in a
// real bash; the zsh and fish scripts name every command and option (those shells are not
// installed on the test machines, so their scripts are checked as text).
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './cli-harness';

let scripts: Record<'bash' | 'zsh' | 'fish', string>;
beforeAll(async () => {
  buildCli();
  const get = async (shell: string): Promise<string> => {
    const r = await runCli(['completion', shell]);
    if (r.code !== 0) throw new Error(r.stderr);
    return r.stdout;
  };
  scripts = { bash: await get('bash'), zsh: await get('zsh'), fish: await get('fish') };
});

/** What bash's completion offers for the words typed so far (the last one being completed). */
function complete(words: string[]): string[] {
  const script = `${scripts.bash}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _keystash; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('keystash completion', () => {
  it('bash completes command names and global options', () => {
    expect(complete(['keystash', 'se'])).toEqual(['search']);
    expect(complete(['keystash', '--vault', 'v.keystash', 'un'])).toEqual(['unlock']);
    expect(complete(['keystash', '--no'])).toEqual(['--no-agent']);
  });

  it("bash completes a command's own options", () => {
    expect(complete(['keystash', 'add', 'api_key', '--rot'])).toEqual(['--rotate-days']);
    expect(complete(['keystash', 'edit', 'X', '--remove-f'])).toEqual(['--remove-field']);
    expect(complete(['keystash', 'unlock', '--t'])).toEqual(['--timeout']);
  });

  it('zsh and fish scripts name every command and its options', async () => {
    expect(scripts.zsh).toMatch(/^#compdef keystash/);
    expect(scripts.zsh).toContain(`'search:Find items by title`);
    expect(scripts.zsh).toContain(`'--rotate-days[Rotation interval in days (API keys; edit  0 removes it)]:N:'`);
    expect(scripts.fish).toContain(`complete -c keystash -n '__fish_seen_subcommand_from unlock' -l timeout`);
    expect(scripts.fish).toContain(`-a lock -d 'End the agent started by keystash unlock'`);
  });

  it('refuses an unknown shell', async () => {
    const r = await runCli(['completion', 'powershell']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bash, zsh or fish');
  });
});
