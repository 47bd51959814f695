// Export: choose a format, read the warning, enter the master password again, then save
// through main's save dialog. Plain formats say plainly that the file is not encrypted and
// need that acknowledged; the encrypted Keystash format asks for a password for the file.
import { useState, type FormEvent } from 'react';
import { Download, TriangleAlert } from 'lucide-react';
import type { ExportFormat } from '../../../../shared/import-export';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/PasswordInput';
import { useToast } from '../../components/Toast';
import { FormError } from '../../components/FormError';

const FORMATS: { id: ExportFormat; label: string; hint: string }[] = [
  { id: 'keystash', label: 'Keystash (encrypted)', hint: 'Password-protected; keeps everything, including trash and password history. Import it on another machine.' },
  { id: 'csv', label: 'Keystash CSV', hint: 'Every field, times and password history, in a spreadsheet-safe CSV.' },
  { id: 'bitwarden', label: 'Bitwarden CSV', hint: 'For moving to Bitwarden or most other password managers.' },
  { id: 'json', label: 'JSON', hint: 'Every item with every secret, for scripts.' },
];

const MIN = 8;

export function ExportForm() {
  const [format, setFormat] = useState<ExportFormat>('keystash');
  const [master, setMaster] = useState('');
  const [filePassword, setFilePassword] = useState('');
  const [filePassword2, setFilePassword2] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const toast = useToast();
  const encrypted = format === 'keystash';

  const errors = {
    master: master ? undefined : 'Enter your master password again.',
    file: !encrypted ? undefined : filePassword.length < MIN ? `Use at least ${MIN} characters.` : undefined,
    file2: !encrypted ? undefined : filePassword2 !== filePassword ? 'The two passwords do not match.' : undefined,
    ack: encrypted || acknowledged ? undefined : 'Tick the box to confirm.',
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError('');
    setSaved('');
    if (errors.master || errors.file || errors.file2 || errors.ack) return;
    setBusy(true);
    const r = await call('export:save', { format, masterPassword: master, acknowledgedUnencrypted: acknowledged, ...(encrypted ? { exportPassword: filePassword } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error.code === 'wrong-password' ? 'The master password is wrong; nothing was exported.' : r.error.message);
    setMaster('');
    setTried(false);
    if ('cancelled' in r.value) return;
    setFilePassword('');
    setFilePassword2('');
    setSaved(`Exported ${r.value.count.toLocaleString()} item${r.value.count === 1 ? '' : 's'} to ${r.value.file}.`);
    toast.info('Export saved');
  };

  return (
    <section className="card settings-card ie-card" aria-labelledby="export-title">
      <h2 id="export-title" className="card-title">
        Export
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="form-stack">
        <fieldset className="fieldset">
          <legend className="field-label">Format</legend>
          {FORMATS.map((f) => (
            <label key={f.id} className="ie-check ie-format">
              <input type="radio" name="export-format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
              <span>
                <strong>{f.label}</strong> — {f.hint}
              </span>
            </label>
          ))}
        </fieldset>
        {encrypted ? (
          <>
            <PasswordField label="Password for the export file" value={filePassword} onChange={setFilePassword} error={tried ? errors.file : undefined} />
            <PasswordField label="Repeat the password" value={filePassword2} onChange={setFilePassword2} error={tried ? errors.file2 : undefined} />
          </>
        ) : (
          <div className="ie-warning" role="note">
            <TriangleAlert size={16} aria-hidden="true" />
            <div>
              <p>
                <strong>This file is not encrypted.</strong> Anyone who can read it sees every password and secret. Keep it somewhere safe and delete it when you no
                longer need it.
              </p>
              <label className="ie-check">
                <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} /> I understand the file is not encrypted
              </label>
              {tried && errors.ack ? (
                <div className="field-error" role="alert">
                  {errors.ack}
                </div>
              ) : null}
            </div>
          </div>
        )}
        <PasswordField label="Master password" value={master} onChange={setMaster} error={tried ? errors.master : undefined} hint="Exporting asks for it again." />
        <FormError message={error} />
        {saved ? (
          <p className="ie-result" role="status">
            {saved}
          </p>
        ) : null}
        <div>
          <Button type="submit" variant="primary" icon={Download} busy={busy}>
            Export…
          </Button>
        </div>
      </form>
    </section>
  );
}
