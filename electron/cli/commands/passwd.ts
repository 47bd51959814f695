// `keystash passwd`: re-wraps the vault key under a new master password (and KDF settings).
import { DEFAULT_KDF } from '../../../shared/domain';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { KDF_OPTIONS, kdfFromArgs } from '../kdf-options';

export const passwd: Command = {
  name: 'passwd',
  summary: 'Change the master password (and optionally the key-derivation settings)',
  usage: 'passwd [--kdf-memory MiB] [--kdf-iterations N] [--kdf-parallelism N]',
  details: `Asks for the current password, then the new one twice. With --password-stdin the current
password is line 1 and the new one line 2. Only the vault header changes, in one step.
In a synced vault the change reaches the other devices at the next \`keystash sync\`: from
then on they open with the new password only.

Example:
  keystash passwd`,
  options: KDF_OPTIONS,
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    kdfFromArgs(ctx.args, DEFAULT_KDF); // Validates the options before any password is asked for.
    const vault = await ctx.vault();
    const kdf = kdfFromArgs(ctx.args, vault.kdfParams());
    const current = await ctx.input.masterPassword();
    const next = await ctx.input.newPassword();
    await vault.masterPassword.change(current, next, kdf);
    ctx.out.note('Changed the master password.');
    // A synced vault queued the change for its other devices (docs/sync.md); it leaves with the next sync.
    if (vault.sync.state()) ctx.out.note('Run `keystash sync` to send the change to your other devices: each then needs the new password at its next unlock.');
    return EXIT.ok;
  },
};
