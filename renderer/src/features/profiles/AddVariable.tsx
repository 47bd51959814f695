// One profile's "add a variable" form: a variable name and the reference it is filled from,
// typed as keystash://ITEM/FIELD or built by picking an item (searched, at most 8 shown) and
// one of its fields.
import { useEffect, useState } from 'react';
import { Plus } from 'lucide-react';
import type { ItemListRow } from '../../../../shared/item-views';
import { formatReference } from '../../../../shared/references';
import { call } from '../../lib/ipc';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';

const FIELDS_BY_TYPE: Record<ItemListRow['type'], string[]> = {
  login: ['password', 'username', 'totp', 'notes'],
  api_key: ['secret', 'keyId', 'notes'],
  note: ['notes'],
};

export function AddVariable({ profile, onAdded }: { profile: string; onAdded: () => void }) {
  const [name, setName] = useState('');
  const [reference, setReference] = useState('');
  const [search, setSearch] = useState('');
  const [matches, setMatches] = useState<ItemListRow[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const text = search.trim();
    if (text === '') {
      setMatches([]);
      return;
    }
    let live = true;
    void call('item:list', { text, limit: 8 }).then((r) => {
      if (live && r.ok) setMatches(r.value.rows);
    });
    return () => {
      live = false;
    };
  }, [search]);

  const pick = (row: ItemListRow, field: string) => {
    setReference(formatReference({ item: row.title, field }));
    if (name === '') setName(`${row.title}_${field}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_').replace(/^(\d)/, '_$1'));
    setSearch('');
  };

  const add = async () => {
    setBusy(true);
    const r = await call('profile:set', { name: profile, vars: { [name.trim()]: reference.trim() } });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(undefined);
    setName('');
    setReference('');
    onAdded();
  };

  return (
    <form
      className="profile-add"
      aria-label={`Add a variable to ${profile}`}
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <div className="profile-add-fields">
        <TextField label="Variable" value={name} onChange={setName} placeholder="STRIPE_KEY" className="profile-add-name" maxLength={200} />
        <TextField label="Filled from" value={reference} onChange={setReference} placeholder="keystash://Stripe live/secret" className="profile-add-ref" maxLength={2000} />
      </div>
      <TextField label="Find an item to fill it from" value={search} onChange={setSearch} placeholder="Search titles, usernames, services" type="search" />
      {matches.length > 0 ? (
        <ul className="profile-picks" aria-label="Matching items">
          {matches.map((row) => (
            <li key={row.id}>
              <span className="profile-pick-title">{row.title}</span>
              <span className="profile-pick-fields">
                {FIELDS_BY_TYPE[row.type].map((f) => (
                  <button key={f} type="button" className="btn btn-ghost profile-pick-field" onClick={() => pick(row, f)} aria-label={`Use ${f} of ${row.title}`}>
                    {f}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <Button type="submit" icon={Plus} busy={busy} disabled={name.trim() === '' || reference.trim() === ''}>
          Add variable
        </Button>
      </div>
    </form>
  );
}
