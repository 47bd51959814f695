// The wizard's "File to import" field. Main opens the OS dialog, reads the file and keeps it;
// the page only ever learns the chosen file's name and size, never its bytes.
import { FolderOpen } from 'lucide-react';
import type { ImportFileInfo } from '../../../../shared/import-export';
import { Button } from '../../components/Button';

const units = ['byte', 'kilobyte', 'megabyte'] as const;

/** "812 bytes", "14.2 kB", "96 MB" in the person's locale. */
function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(undefined, { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: 1 }).format(value);
}

interface FileChoiceProps {
  file: ImportFileInfo | null;
  busy: boolean;
  onChoose: () => void;
}

export function FileChoice({ file, busy, onChoose }: FileChoiceProps) {
  return (
    <div className="field" role="group" aria-labelledby="import-file-label">
      <span className="field-label" id="import-file-label">
        File to import
      </span>
      <div className="row">
        <Button icon={FolderOpen} busy={busy} onClick={onChoose}>
          Choose file…
        </Button>
        <span className={file ? 'ie-file-name' : 'ie-file-name ie-file-none'} aria-live="polite">
          {file ? (
            <>
              <strong>{file.fileName}</strong> ({formatSize(file.size)})
            </>
          ) : (
            'No file chosen'
          )}
        </span>
      </div>
      <div className="field-hint">A CSV export from Bitwarden, Chrome/Edge/Brave, Firefox, Safari, KeePassXC, LastPass, 1Password, Proton Pass or Dashlane, any other CSV, or a Keystash export.</div>
    </div>
  );
}
