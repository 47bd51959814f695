// The OS open dialog as the import service's ChooseOpenPath adapter: main learns the path and
// reads the file itself, so the renderer never holds the file's bytes. The first filter shows
// the exports Keystash reads (CSV and TSV from other managers, its own exports); "All files"
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
        { name: 'CSV, TSV and Keystash exports', extensions: ['csv', 'tsv', 'txt', 'json', 'keystash-export'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}
