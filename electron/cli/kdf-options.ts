// The --kdf-* options shared by `init` and `passwd`.
import { DEFAULT_KDF, KDF_LIMITS, type KdfParams } from '../../shared/domain';
import type { Args, OptionsSpec } from './command';

export const KDF_OPTIONS: OptionsSpec = {
  'kdf-memory': { type: 'string', value: 'MiB', help: `Argon2id memory in MiB (${KDF_LIMITS.memoryMiB.min}-${KDF_LIMITS.memoryMiB.max}, default ${DEFAULT_KDF.memoryMiB})` },
  'kdf-iterations': { type: 'string', value: 'N', help: `Argon2id passes (${KDF_LIMITS.iterations.min}-${KDF_LIMITS.iterations.max}, default ${DEFAULT_KDF.iterations})` },
  'kdf-parallelism': { type: 'string', value: 'N', help: `Argon2id lanes (${KDF_LIMITS.parallelism.min}-${KDF_LIMITS.parallelism.max}, default ${DEFAULT_KDF.parallelism})` },
};

/** The KDF parameters asked for, filled from `base`; undefined when no --kdf-* option was given. */
export function kdfFromArgs(args: Args, base: KdfParams): KdfParams | undefined {
  const memoryMiB = args.int('kdf-memory', KDF_LIMITS.memoryMiB);
  const iterations = args.int('kdf-iterations', KDF_LIMITS.iterations);
  const parallelism = args.int('kdf-parallelism', KDF_LIMITS.parallelism);
  if (memoryMiB === undefined && iterations === undefined && parallelism === undefined) return undefined;
  return { memoryMiB: memoryMiB ?? base.memoryMiB, iterations: iterations ?? base.iterations, parallelism: parallelism ?? base.parallelism };
}
