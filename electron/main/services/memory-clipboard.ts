// An in-process clipboard with the adapter's shape: for tests and for the renderer's
// Chromium e2e harness, where there is no Electron clipboard to write to.
import type { ClipboardAdapter } from './clipboard.service';

export class MemoryClipboard implements ClipboardAdapter {
  text = '';
  /** How many writes were marked secret, so tests can tell our copies from the user's. */
  secretWrites = 0;

  async writeSecret(text: string): Promise<void> {
    this.text = text;
    this.secretWrites += 1;
  }

  async readText(): Promise<string> {
    return this.text;
  }

  async clear(): Promise<void> {
    this.text = '';
  }
}
