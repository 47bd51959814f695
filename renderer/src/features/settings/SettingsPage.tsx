// Settings: app preferences, the master password, and the key-derivation cost.
import { PreferencesForm } from './PreferencesForm';
import { ChangePasswordForm } from './ChangePasswordForm';
import { KdfForm } from './KdfForm';

export function SettingsPage() {
  return (
    <div className="page">
      <h1 className="page-title">Settings</h1>
      <div className="page-sections">
        <PreferencesForm />
        <ChangePasswordForm />
        <KdfForm />
      </div>
    </div>
  );
}
