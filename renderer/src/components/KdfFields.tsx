// Inputs for the Argon2id parameters, with the core's limits as bounds. Kept as strings
// while typing so a half-typed number is not snapped back.
import { KDF_LIMITS, kdfParamsSchema, type KdfParams } from '../../../shared/domain';
import { TextField } from './Field';

export interface KdfDraft {
  memoryMiB: string;
  iterations: string;
  parallelism: string;
}

export const draftOf = (k: KdfParams): KdfDraft => ({ memoryMiB: String(k.memoryMiB), iterations: String(k.iterations), parallelism: String(k.parallelism) });

/** The parsed parameters, or the first problem in words. */
export function parseKdf(d: KdfDraft): { ok: true; kdf: KdfParams } | { ok: false; message: string } {
  const r = kdfParamsSchema.safeParse({ memoryMiB: Number(d.memoryMiB), iterations: Number(d.iterations), parallelism: Number(d.parallelism) });
  if (r.success) return { ok: true, kdf: r.data };
  return {
    ok: false,
    message: `Use memory ${KDF_LIMITS.memoryMiB.min}–${KDF_LIMITS.memoryMiB.max} MiB, iterations ${KDF_LIMITS.iterations.min}–${KDF_LIMITS.iterations.max} and parallelism ${KDF_LIMITS.parallelism.min}–${KDF_LIMITS.parallelism.max}, in whole numbers.`,
  };
}

export function KdfFields({ value, onChange, disabled }: { value: KdfDraft; onChange: (d: KdfDraft) => void; disabled?: boolean }) {
  const L = KDF_LIMITS;
  return (
    <div className="kdf-grid">
      <TextField label="Memory (MiB)" inputMode="numeric" type="number" min={L.memoryMiB.min} max={L.memoryMiB.max} value={value.memoryMiB} disabled={disabled} onChange={(v) => onChange({ ...value, memoryMiB: v })} />
      <TextField label="Iterations" inputMode="numeric" type="number" min={L.iterations.min} max={L.iterations.max} value={value.iterations} disabled={disabled} onChange={(v) => onChange({ ...value, iterations: v })} />
      <TextField label="Parallelism" inputMode="numeric" type="number" min={L.parallelism.min} max={L.parallelism.max} value={value.parallelism} disabled={disabled} onChange={(v) => onChange({ ...value, parallelism: v })} />
    </div>
  );
}
