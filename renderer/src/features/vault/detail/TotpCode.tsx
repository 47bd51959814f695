// The live one-time code in the detail pane: shown whenever the item is open, with a ring
// that empties as the period runs out, and a copy button. The secret stays in main, which
// computes each code (and logs a showing once per item per few minutes, see
// copy.service.ts); the seed itself is only in the editor.
import { useCallback, useEffect, useState } from 'react';
import { Copy } from 'lucide-react';
import { call } from '../../../lib/ipc';
import { IconButton } from '../../../components/Button';
import { useToast } from '../../../components/Toast';
import { useVaultData } from '../../../state/vault-data';

const TICK_MS = 250;
const RING_RADIUS = 9;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;

interface Shown {
  code: string;
  /** Local time (ms) when this code stops being valid. */
  until: number;
  period: number;
}

/** "123 456": the two halves are easier to read and type. */
const grouped = (code: string) => `${code.slice(0, Math.ceil(code.length / 2))} ${code.slice(Math.ceil(code.length / 2))}`;

function Ring({ left, period }: { left: number; period: number }) {
  const fraction = Math.max(0, Math.min(1, left / period));
  return (
    <svg className={`totp-ring${left <= 5 ? ' ending' : ''}`} width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <circle className="totp-ring-track" cx="11" cy="11" r={RING_RADIUS} />
      <circle className="totp-ring-left" cx="11" cy="11" r={RING_RADIUS} strokeDasharray={RING_LENGTH} strokeDashoffset={RING_LENGTH * (1 - fraction)} transform="rotate(-90 11 11)" />
    </svg>
  );
}

/** Fetches the current code and the next one as each expires, while mounted. */
function useLiveCode(itemId: string): { shown: Shown | null; now: number; error: string } {
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const fetchCode = useCallback(async () => {
    const r = await call('item:totp', { id: itemId });
    if (!r.ok) return setError(r.error.message);
    const at = Date.now();
    setNow(at);
    setError('');
    setShown({ code: r.value.code, until: at + r.value.expiresInMs, period: r.value.period });
  }, [itemId]);

  useEffect(() => {
    void fetchCode();
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [fetchCode]);
  const expired = shown !== null && now >= shown.until;
  useEffect(() => {
    if (expired) void fetchCode();
  }, [expired, fetchCode]);
  return { shown, now, error };
}

export function TotpCode({ itemId }: { itemId: string }) {
  const { shown, now, error } = useLiveCode(itemId);
  const toast = useToast();
  const { used } = useVaultData();

  const copy = async () => {
    const r = await call('item:copy-totp', { id: itemId });
    if (r.ok) {
      toast.copied('One-time code', r.value.clearsInMs);
      used();
    } else toast.error(r.error.message);
  };

  const left = shown ? Math.max(0, Math.ceil((shown.until - now) / 1000)) : 0;
  return (
    <div className="field-row totp-row">
      <dt className="field-row-label">One-time code</dt>
      <dd className="field-row-value">
        <span className="field-row-text totp-live" data-testid="totp-code">
          {error ? <span className="field-error">{error}</span> : null}
          {shown ? (
            <>
              <span className="totp-code">{grouped(shown.code)}</span>
              <span className="totp-countdown" data-testid="totp-countdown" title={`${left} seconds left`}>
                <Ring left={(shown.until - now) / 1000} period={shown.period} />
                <span className="totp-seconds">{left}</span>
                <span className="sr-only"> seconds left</span>
              </span>
            </>
          ) : null}
        </span>
        <span className="field-row-actions">
          <IconButton icon={Copy} label="Copy one-time code" title="Copy one-time code (Ctrl+T)" onClick={() => void copy()} />
        </span>
      </dd>
    </div>
  );
}
