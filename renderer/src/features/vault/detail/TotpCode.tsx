// The current one-time code in the detail pane, with a countdown and a copy button. The
// secret stays in main, which computes each code and logs it (shown: a reveal of totp;
// copied: a copy). It refreshes itself for a few periods, then hides again, so leaving an
// item open does not fill the history with reveals.
import { useCallback, useEffect, useState } from 'react';
import { Copy, Eye, EyeOff } from 'lucide-react';
import { call } from '../../../lib/ipc';
import { IconButton } from '../../../components/Button';
import { useToast } from '../../../components/Toast';
import { useVaultData } from '../../../state/vault-data';

/** How many codes are fetched in a row before the code hides again. */
const MAX_REFRESHES = 10;
const TICK_MS = 1000;

interface Shown {
  code: string;
  /** Local time (ms) when this code stops being valid. */
  until: number;
  period: number;
  fetched: number;
}

export function TotpCode({ itemId }: { itemId: string }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const toast = useToast();
  const { changed } = useVaultData();

  const fetchCode = useCallback(
    async (fetched: number) => {
      const r = await call('item:totp', { id: itemId });
      if (!r.ok) {
        setShown(null);
        toast.error(r.error.message);
        return;
      }
      const at = Date.now();
      setNow(at);
      setShown({ code: r.value.code, until: at + r.value.expiresInMs, period: r.value.period, fetched });
    },
    [itemId, toast],
  );

  useEffect(() => setShown(null), [itemId]);
  useEffect(() => {
    if (!shown) return;
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [shown]);
  useEffect(() => {
    if (!shown || now < shown.until) return;
    if (shown.fetched >= MAX_REFRESHES) setShown(null);
    else void fetchCode(shown.fetched + 1);
  }, [now, shown, fetchCode]);

  const show = async () => {
    await fetchCode(1);
    changed();
  };
  const copy = async () => {
    const r = await call('item:copy-totp', { id: itemId });
    if (r.ok) {
      toast.copied(r.value.clearsInMs);
      changed();
    } else toast.error(r.error.message);
  };

  const left = shown ? Math.max(0, Math.ceil((shown.until - now) / 1000)) : 0;
  return (
    <div className="field-row">
      <dt className="field-row-label">One-time code</dt>
      <dd className="field-row-value">
        <span className="field-row-text mono" data-testid="totp-code">
          {shown ? (
            <>
              <span className="totp-code">{`${shown.code.slice(0, Math.ceil(shown.code.length / 2))} ${shown.code.slice(Math.ceil(shown.code.length / 2))}`}</span>
              <span className="totp-countdown" data-testid="totp-countdown" aria-live="off">
                {left} s
              </span>
            </>
          ) : (
            '••• •••'
          )}
        </span>
        <span className="field-row-actions">
          <IconButton icon={shown ? EyeOff : Eye} label={shown ? 'Hide one-time code' : 'Show one-time code'} pressed={shown !== null} onClick={() => (shown ? setShown(null) : void show())} />
          <IconButton icon={Copy} label="Copy one-time code" onClick={() => void copy()} />
        </span>
      </dd>
    </div>
  );
}
