// The first rows as they will be saved. Secrets never reach the renderer: the preview only
// says whether a row has a password or one-time-password secret, shown masked.
import type { PreviewRow } from '../../../../shared/import-export';

const TYPE_LABEL = { login: 'Login', api_key: 'API key', note: 'Note' } as const;
const MASK = '••••••••';

export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="ie-table-wrap">
      <table className="ie-table" aria-label="Preview of the first rows">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Type</th>
            <th scope="col">Title</th>
            <th scope="col">Username</th>
            <th scope="col">Password</th>
            <th scope="col">URL</th>
            <th scope="col">Folder</th>
            <th scope="col">Other fields</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>{TYPE_LABEL[r.type]}</td>
              <td>
                {r.favorite ? (
                  <span className="ie-star" aria-label="Favorite">
                    ★{' '}
                  </span>
                ) : null}
                <span>{r.title}</span>
              </td>
              <td>{r.username}</td>
              <td className="ie-mono">{r.hasPassword || r.hasSecret ? MASK : ''}{r.hasTotp ? ' +TOTP' : ''}</td>
              <td>{r.urls.join(', ')}</td>
              <td>{r.folder}</td>
              <td>{r.fields.map((f) => `${f.name}: ${f.concealed ? MASK : (f.value ?? '')}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
