// Asks main for a result with the current options; main records it in the vault's history.
import { useCallback, useState } from 'react';
import type { GeneratedSecret } from '../../../../shared/generator';
import { call } from '../../lib/ipc';
import { toRequest, type GeneratorOptionsState } from './options';

export function useGenerator(onGenerated?: () => void) {
  const [result, setResult] = useState<GeneratedSecret | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (options: GeneratorOptionsState) => {
      setBusy(true);
      const r = await call('generator:generate', { options: toRequest(options) });
      setBusy(false);
      if (r.ok) {
        setResult(r.value);
        setError('');
        onGenerated?.();
      } else {
        setResult(null);
        setError(r.error.message);
      }
    },
    [onGenerated],
  );
  return { result, error, busy, run };
}
