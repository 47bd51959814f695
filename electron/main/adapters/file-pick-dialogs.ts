// OS dialogs for files that are not imports: a KeePass database's key file, a file to attach to
// an item, where to save an attachment, and a sync folder. Main reads and writes these paths itself; the
// window only ever learns a file's name. The save dialog confirms before replacing a file.
import path from 'node:path';
import { app, BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

function openOne(title: string, defaultDir: 'downloads' | 'documents' | 'home'): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = { title, defaultPath: app.getPath(defaultDir), properties: ['openFile'] };
    const parent = BrowserWindow.getFocusedWindow();
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}

export const electronKeyFileDialog = (): (() => Promise<string | null>) => openOne('Choose the database’s key file', 'documents');
export const electronAttachmentDialog = (): (() => Promise<string | null>) => openOne('Choose a file to attach', 'home');

export function electronAttachmentSaveDialog(): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    const options: SaveDialogOptions = {
      title: 'Save the attachment',
      defaultPath: path.join(app.getPath('downloads'), suggestedName),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
}

/** The folder a sync target lives in (join or set up sync); main passes the path to the core. */
export function electronSyncFolderDialog(): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = { title: 'Choose the sync folder', defaultPath: app.getPath('home'), properties: ['openDirectory', 'createDirectory'] };
    const parent = BrowserWindow.getFocusedWindow();
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}
