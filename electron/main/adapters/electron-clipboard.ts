// The system clipboard through Electron 45's async clipboard API. A secret is written
// together with the platform's concealment markers in one atomic write; if the OS refuses
// a raw format, the text alone is written so copying still works.
import { clipboard, ClipboardItem } from 'electron';
import type { ClipboardAdapter } from '../services/clipboard.service';
import { concealedEntries } from './clipboard-formats';

export function electronClipboard(platform: NodeJS.Platform = process.platform): ClipboardAdapter {
  let warned = false;
  return {
    async writeSecret(text) {
      const entries = concealedEntries(text, platform);
      const payload: Record<string, string | Blob> = {};
      for (const [type, value] of Object.entries(entries)) payload[type] = typeof value === 'string' ? value : new Blob([value]);
      try {
        await clipboard.write([new ClipboardItem(payload)]);
      } catch (err) {
        if (!warned) console.warn('Keystash: the clipboard refused the concealment markers; copying plain text.', (err as Error).message);
        warned = true;
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    async clear() {
      clipboard.clear();
    },
  };
}
