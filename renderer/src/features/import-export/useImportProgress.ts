// Polls main for a running import's progress. The commit is one long `import:commit` call;
// main saves a batch, then answers waiting requests, so a poll every few hundred
// milliseconds follows the import batch by batch.
import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../../../shared/import-export';
import { call } from '../../lib/ipc';

const POLL_MS = 250;

export function useImportProgress(previewId: string | null): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!previewId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await call('import:progress', { previewId });
      if (!live) return;
      if (r.ok && r.value) setProgress(r.value);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [previewId]);
  return progress;
}
