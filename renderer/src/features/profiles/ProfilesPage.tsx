// Env profiles: named sets of VAR=keystash:// references that `keystash run --profile NAME`
// puts into a program's environment. The page lists them and edits them; values are never
// shown here (a reference only names an item and a field), and main checks every reference.
import { useCallback, useEffect, useState } from 'react';
import { Plus, TerminalSquare, Trash2 } from 'lucide-react';
import type { EnvProfile } from '../../../../shared/env-profiles';
import { call } from '../../lib/ipc';
import { Button, IconButton } from '../../components/Button';
import { useConfirm } from '../../components/Confirm';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/Field';
import { AddVariable } from './AddVariable';
import './profiles.css';

export function ProfilesPage() {
  const [profiles, setProfiles] = useState<EnvProfile[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const confirm = useConfirm();

  const load = useCallback(() => {
    void call('profile:list', {}).then((r) => {
      if (r.ok) setProfiles(r.value);
      else setError(r.error.message);
    });
  }, []);
  useEffect(() => load(), [load]);

  const removeVar = async (profile: string, name: string) => {
    const r = await call('profile:remove', { name: profile, vars: [name] });
    if (!r.ok) setError(r.error.message);
    load();
  };
  const removeProfile = async (profile: string) => {
    const ok = await confirm({ title: `Delete the profile “${profile}”?`, message: 'Its variables go with it. The items they name stay in the vault.', confirmLabel: 'Delete profile', danger: true });
    if (!ok) return;
    const r = await call('profile:remove', { name: profile });
    if (!r.ok) setError(r.error.message);
    load();
  };

  // A profile exists once it has a variable, so a new name opens its first "add variable" form.
  const startProfile = () => {
    const name = newName.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
      setError(`“${name}” is not a profile name: use up to 64 letters, digits, ., _ and -, starting with a letter or digit.`);
      return;
    }
    setError(null);
    setCreating(name);
    setNewName('');
  };

  const shown = [...(profiles ?? [])];
  if (creating && !shown.some((p) => p.name === creating)) shown.push({ name: creating, vars: [] });

  return (
    <div className="page">
      <h1 className="page-title">Env profiles</h1>
      <div className="page-sections">
        <p className="profiles-intro">
          A profile is a set of environment variables filled from your vault. <code className="mono">keystash run --profile NAME -- command</code> starts the command
          with them, and every value used is logged in the item’s history.
        </p>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <form
          className="card settings-card profiles-new"
          aria-label="Create a profile"
          onSubmit={(e) => {
            e.preventDefault();
            startProfile();
          }}
        >
          <TextField label="New profile" value={newName} onChange={setNewName} placeholder="e.g. billing-api" maxLength={64} />
          <Button type="submit" icon={Plus} disabled={newName.trim() === ''}>
            Create
          </Button>
        </form>
        {profiles === null ? null : shown.length === 0 ? (
          <EmptyState icon={TerminalSquare} title="No profiles yet">
            Create one above, or from a terminal with <code className="mono">keystash profile set NAME VAR=keystash://ITEM/FIELD</code>.
          </EmptyState>
        ) : (
          shown.map((p) => (
            <section key={p.name} className="card settings-card profile-card" aria-label={`Profile ${p.name}`}>
              <div className="profile-head">
                <h2 className="card-title mono">{p.name}</h2>
                {p.vars.length > 0 ? (
                  <Button variant="ghost" icon={Trash2} onClick={() => void removeProfile(p.name)}>
                    Delete profile
                  </Button>
                ) : null}
              </div>
              {p.vars.length > 0 ? (
                <table className="profile-vars">
                  <thead>
                    <tr>
                      <th scope="col">Variable</th>
                      <th scope="col">Filled from</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.vars.map((v) => (
                      <tr key={v.name}>
                        <td className="mono">{v.name}</td>
                        <td className="mono profile-ref">{v.reference}</td>
                        <td>
                          <IconButton icon={Trash2} label={`Remove ${v.name}`} onClick={() => void removeVar(p.name, v.name)} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="profiles-intro">Add its first variable to save it.</p>
              )}
              <AddVariable
                profile={p.name}
                onAdded={() => {
                  if (creating === p.name) setCreating(null);
                  load();
                }}
              />
            </section>
          ))
        )}
      </div>
    </div>
  );
}
