// `keystash init`: creates a new vault file with the CLI as the source of its first events.
import fs from 'node:fs';
import { DEFAULT_KDF } from '../../../shared/domain';
import { KeystashError } from '../../core/errors';
import { Vault } from '../../core/vault';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { KDF_OPTIONS, kdfFromArgs } from '../kdf-options';

export const init: Command = {
  name: 'init',
  summary: 'Create a new, empty vault',
  usage: 'init [--kdf-memory MiB] [--kdf-iterations N] [--kdf-parallelism N]',
  details: `Asks for the new master password twice (at least 8 characters). With --password-stdin it is
the first line of stdin. Refuses to overwrite an existing file.

Example:
  keystash init
  keystash --vault ./team.keystash init --kdf-memory 256`,
  options: KDF_OPTIONS,
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const kdf = kdfFromArgs(ctx.args, DEFAULT_KDF) ?? DEFAULT_KDF;
    // Check before asking for a password the user would then have typed for nothing.
    if (fs.existsSync(ctx.vaultPath)) {
      throw new KeystashError('exists', `A vault already exists at ${ctx.vaultPath}; Keystash will not overwrite it.`);
    }
    const password = await ctx.input.newPassword();
    const vault = await Vault.create(ctx.vaultPath, password, { source: 'cli', kdf });
    ctx.adopt(vault);
    ctx.out.note(`Created a vault at ${ctx.vaultPath}.`);
    return EXIT.ok;
  },
};
