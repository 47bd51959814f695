// The lazy command registry: every entry loads a command of the same name and summary (the
// summary `keystash --help` shows comes from the registry without loading the command), and
// names are unique.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands';

describe('command registry', () => {
  it('each entry loads the command it names, with the same summary', async () => {
    for (const entry of COMMANDS) {
      const cmd = await entry.load();
      expect({ name: cmd.name, summary: cmd.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
  });

  it('names are unique', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
