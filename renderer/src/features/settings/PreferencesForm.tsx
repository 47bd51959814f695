// Auto-lock, clipboard clearing and theme, each applied as soon as it is chosen: the theme at
// once, a number a moment after typing stops (when it is in range). A longer auto-lock or
// clipboard clear weakens protection, so main wants the master password for it: the field
// and a Save button appear as soon as either number goes up, and say why.
import { useEffect, useState, type FormEvent } from 'react';
import { Monitor, Moon, Sun } from 'lucide-react';
import { THEMES, type Theme } from '../../../../shared/settings';
import { useSettings } from '../../state/settings';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PasswordField } from '../../components/PasswordInput';
import { useToast } from '../../components/Toast';
import { FormError } from '../../components/FormError';

const THEME_LABEL: Record<Theme, { label: string; icon: typeof Sun }> = {
  system: { label: 'System', icon: Monitor },
  light: { label: 'Light', icon: Sun },
  dark: { label: 'Dark', icon: Moon },
};

/** How long typing pauses before a number is saved. */
const AUTO_SAVE_MS = 600;

function wholeIn(v: string, min: number, max: number): number | null {
  return /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max ? Number(v) : null;
}

export function PreferencesForm() {
  const { settings, save } = useSettings();
  const toast = useToast();
  const [lock, setLock] = useState(String(settings.autoLockMinutes));
  const [clip, setClip] = useState(String(settings.clipboardClearSeconds));
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setLock(String(settings.autoLockMinutes));
    setClip(String(settings.clipboardClearSeconds));
  }, [settings.autoLockMinutes, settings.clipboardClearSeconds]);

  const lockN = wholeIn(lock, 1, 720);
  const clipN = wholeIn(clip, 5, 600);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const weakens = (lockN !== null && lockN > settings.autoLockMinutes) || (clipN !== null && clipN > settings.clipboardClearSeconds);
  const changed = lockN !== settings.autoLockMinutes || clipN !== settings.clipboardClearSeconds;
  // Shorter times need nothing: they save on their own once typing pauses.
  useEffect(() => {
    if (weakens || !changed || lockN === null || clipN === null) return;
    const timer = window.setTimeout(() => {
      void save({ autoLockMinutes: lockN, clipboardClearSeconds: clipN }).then((r) => {
        if (r.ok) toast.info('Settings saved');
        else setError(r.error.message);
      });
    }, AUTO_SAVE_MS);
    return () => window.clearTimeout(timer);
  }, [weakens, changed, lockN, clipN, save, toast]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError('');
    if (lockN === null || clipN === null || (weakens && !password)) return;
    setBusy(true);
    const r = await save({ autoLockMinutes: lockN, clipboardClearSeconds: clipN, ...(weakens ? { password } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error.code === 'wrong-password' ? 'The master password is wrong; nothing was changed.' : r.error.message);
    setPassword('');
    setTried(false);
    toast.info('Settings saved');
  };
  // The choice shows at once; it falls back if main refuses to save it.
  const [theme, setTheme] = useState<Theme>(settings.theme);
  useEffect(() => setTheme(settings.theme), [settings.theme]);
  const pickTheme = async (next: Theme) => {
    setTheme(next);
    const r = await save({ theme: next });
    if (!r.ok) {
      setTheme(settings.theme);
      setError(r.error.message);
    }
  };

  return (
    <section className="card settings-card" aria-labelledby="prefs-title">
      <h2 id="prefs-title" className="card-title">
        Preferences
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="form-stack">
        <div className="field-pair">
          <TextField label="Lock after idle (minutes)" inputMode="numeric" value={lock} onChange={setLock} error={(tried || lock.trim() !== '') && lockN === null ? 'Use a whole number from 1 to 720.' : undefined} />
          <TextField label="Clear clipboard after (seconds)" inputMode="numeric" value={clip} onChange={setClip} error={(tried || clip.trim() !== '') && clipN === null ? 'Use a whole number from 5 to 600.' : undefined} />
        </div>
        {weakens && (
          <PasswordField
            label="Master password"
            value={password}
            onChange={setPassword}
            hint="Locking later or keeping copies on the clipboard longer needs your master password."
            error={tried && !password ? 'Enter your master password to save these longer times.' : undefined}
          />
        )}
        <FormError message={error} />
        {weakens ? (
          <div>
            <Button type="submit" variant="primary" busy={busy}>
              Save
            </Button>
          </div>
        ) : null}
      </form>
      <fieldset className="fieldset">
        <legend className="field-label">Theme</legend>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => {
            const { label, icon: Icon } = THEME_LABEL[t];
            return (
              <label key={t} className={`segment${theme === t ? ' on' : ''}`}>
                <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => void pickTheme(t)} />
                <Icon size={14} aria-hidden="true" /> {label}
              </label>
            );
          })}
        </div>
      </fieldset>
    </section>
  );
}
