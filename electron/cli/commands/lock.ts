// `keystash lock`: ends this vault's unlock-once agent, which locks the vault (logged) and
// removes its socket.
import { lockAgent } from '../agent/client';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';

export const lock: Command = {
  name: 'lock',
  summary: 'End the agent started by keystash unlock',
  usage: 'lock',
  options: {},
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    ctx.out.note((await lockAgent(ctx.vaultPath, ctx.out)) ? 'Locked: the agent has ended.' : 'No agent is running for this vault.');
    return EXIT.ok;
  },
};
