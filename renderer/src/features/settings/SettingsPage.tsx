// Settings: app preferences, the master password, and the key-derivation cost; the shell adds
// sections owned by other features (sync) as children.
import type { ReactNode } from 'react';
import { PreferencesForm } from './PreferencesForm';
import { ChangePasswordForm } from './ChangePasswordForm';
import { KdfForm } from './KdfForm';

export function SettingsPage({ children }: { children?: ReactNode }) {
  return (
    <div className="page">
      <h1 className="page-title">Settings</h1>
      <div className="page-sections">
        <PreferencesForm />
        <ChangePasswordForm />
        <KdfForm />
        {children}
      </div>
    </div>
  );
}
