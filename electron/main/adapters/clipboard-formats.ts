// The clipboard entry for a secret: the text plus the platform's "do not record this"
// markers, written in one atomic clipboard.write through Electron's raw OS format
// (`electron application/osclipboard;format="..."`). Clipboard managers that honour them
// (KDE Klipper, CopyQ, Maccy, Windows clipboard history / cloud sync) skip the value.

export const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;

export type ClipboardPayload = string | Uint8Array;

export function concealedEntries(text: string, platform: NodeJS.Platform): Record<string, ClipboardPayload> {
  const entries: Record<string, ClipboardPayload> = { 'text/plain': text };
  if (platform === 'linux') {
    // KDE's convention, also read by CopyQ and GPaste.
    entries[osFormat('x-kde-passwordManagerHint')] = 'secret';
  } else if (platform === 'darwin') {
    // nspasteboard.org: concealed and transient types.
    entries[osFormat('org.nspasteboard.ConcealedType')] = '';
    entries[osFormat('org.nspasteboard.TransientType')] = '';
  } else if (platform === 'win32') {
    // Win32 clipboard-history formats: keep out of Win+V history and cloud clipboard.
    entries[osFormat('ExcludeClipboardContentFromMonitorProcessing')] = new Uint8Array(0);
    entries[osFormat('CanIncludeInClipboardHistory')] = new Uint8Array(4); // DWORD 0
    entries[osFormat('CanUploadToCloudClipboard')] = new Uint8Array(4); // DWORD 0
  }
  return entries;
}
