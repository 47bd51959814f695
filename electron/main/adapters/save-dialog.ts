// The OS save dialog as the export service's ChooseSavePath adapter. The dialog itself
// confirms before replacing an existing file (showOverwriteConfirmation on Linux; the
// default elsewhere), which is the confirmation the export's overwrite relies on.
import path from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { ChooseSavePath } from '../services/import-export.service';

export function electronSaveDialog(): ChooseSavePath {
  return async (suggestedName) => {
    const options: SaveDialogOptions = {
      title: 'Save the export',
      defaultPath: path.join(app.getPath('documents'), suggestedName),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
}
