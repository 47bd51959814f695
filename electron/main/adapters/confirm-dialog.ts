// The native questions of services/confirmations.ts, asked with dialog.showMessageBox. The
// dialog belongs to the OS, not to the window's page, so a compromised renderer can neither
// draw over it nor click it. "No" is the default and the Escape answer: a dialog dismissed
// without thinking refuses.
import { BrowserWindow, dialog, type MessageBoxOptions } from 'electron';
import type { Confirmations } from '../services/confirmations';

async function ask(options: MessageBoxOptions): Promise<boolean> {
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const r = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return r.response === 1;
}

export function electronConfirmations(): Confirmations {
  return {
    moreSecrets: (recent, windowSeconds) =>
      ask({
        type: 'warning',
        title: 'Keystash',
        message: 'Allow more passwords to be shown or copied?',
        detail: `${recent} passwords or keys were revealed or copied in the last ${windowSeconds} seconds. If you did not do this, choose Refuse and lock the vault.`,
        buttons: ['Refuse', 'Allow'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      }),
    openOrigin: (origin) =>
      ask({
        type: 'question',
        title: 'Keystash',
        message: `Open links to ${origin}?`,
        detail: `This is the first time an item's address leads to this site. Your answer is remembered for ${origin}.`,
        buttons: ['Do not open', 'Open'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      }),
    cliAccess: (req) =>
      ask({
        type: 'question',
        title: 'Keystash',
        message: 'Allow a terminal to use your vault?',
        detail: `Process: ${req.process} (pid ${req.pid})\nWorking directory: ${req.cwd}\nTerminal: ${req.terminal}\n\nIf you allow it, commands from this terminal get values from the vault for 10 minutes without asking again. Each value is recorded in the usage history.`,
        buttons: ['Deny', 'Allow for 10 minutes'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      }),
  };
}
