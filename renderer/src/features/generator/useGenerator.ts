// Asks main for a result with the current options. Nothing is recorded until the result is
// copied or used (by its token).
import { useCallback, useState } from 'react';
import type { OfferedSecret } from '../../../../shared/generator';
import { call } from '../../lib/ipc';
import { toRequest, type GeneratorOptionsState } from './options';

export function useGenerator() {
  const [result, setResult] = useState<OfferedSecret | null>(null);
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
      } else {
        setResult(null);
        setError(r.error.message);
      }
    },
    [],
  );
  return { result, error, busy, run };
}
