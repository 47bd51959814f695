// The application menu: standard edit roles (so copy/paste work in text fields on macOS),
// and Lock on CmdOrCtrl+L. No reload or DevTools entries outside development.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installMenu(opts: { lock: () => void; devTools: boolean; isMac: boolean }): void {
  const template: MenuItemConstructorOptions[] = [
    ...(opts.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Vault',
      submenu: [{ label: 'Lock', accelerator: 'CmdOrCtrl+L', click: opts.lock }, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    ...(opts.devTools ? [{ label: 'Develop', submenu: [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }] }] : []),
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
