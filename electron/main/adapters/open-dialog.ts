// The OS open dialog as the import service's ChooseOpenPath adapter: main learns the path and
// reads the file itself, so the renderer never holds the file's bytes. The first filter shows
// the exports Keystash reads (CSV and TSV, KeePass .kdbx, Bitwarden .json, 1Password .1pux,
// Proton Pass and CXF .zip/.json, its own exports); "All files"
// is there for exports saved with another extension.
import { app, BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import type { ChooseOpenPath } from '../services/import-export.service';

export function electronOpenDialog(): ChooseOpenPath {
  return async () => {
    const options: OpenDialogOptions = {
      title: 'Choose a file to import',
      // Browsers and password managers save their exports to Downloads by default.
      defaultPath: app.getPath('downloads'),
      properties: ['openFile'],
      filters: [
        {
          name: 'Exports: CSV, KeePass, Bitwarden, 1Password, Proton Pass, CXF, Keystash',
          extensions: ['csv', 'tsv', 'txt', 'json', 'kdbx', '1pux', 'zip', 'keystash-export'],
        },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}
