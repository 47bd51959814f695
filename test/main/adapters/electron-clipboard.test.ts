// The Electron clipboard adapter against a fake `electron`: one atomic write carrying the
// text and the platform's concealment markers, and plain text when the OS refuses them.
import { afterEach, expect, it, vi } from 'vitest';
import * as fake from '../../support/fake-electron';

vi.mock('electron', async () => await import('../../support/fake-electron'));
const { electronClipboard } = await import('../../../electron/main/adapters/electron-clipboard');

afterEach(() => {
  fake.clipboard.written = [];
  fake.clipboard.refuseRawFormats = false;
  fake.clipboard.text = '';
});

it('writes the secret with the KDE password-manager hint in one write on Linux', async () => {
  await electronClipboard('linux').writeSecret('s3cret');
  expect(fake.clipboard.written).toHaveLength(1);
  const item = fake.clipboard.written[0]?.[0] as { items: Record<string, unknown> };
  expect(item.items).toEqual({ 'text/plain': 's3cret', 'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret' });
  expect(await electronClipboard('linux').readText()).toBe('s3cret');
});

it('passes Windows DWORD markers as binary blobs', async () => {
  await electronClipboard('win32').writeSecret('s3cret');
  const item = fake.clipboard.written[0]?.[0] as { items: Record<string, unknown> };
  const dword = item.items['electron application/osclipboard;format="CanIncludeInClipboardHistory"'];
  expect(dword).toBeInstanceOf(Blob);
  expect([...new Uint8Array(await (dword as Blob).arrayBuffer())]).toEqual([0, 0, 0, 0]);
});

it('falls back to plain text when the OS refuses the raw formats, and clear empties it', async () => {
  fake.clipboard.refuseRawFormats = true;
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const cb = electronClipboard('darwin');
  await cb.writeSecret('s3cret');
  expect(fake.clipboard.text).toBe('s3cret');
  expect(warn).toHaveBeenCalledOnce();
  await cb.clear();
  expect(fake.clipboard.text).toBe('');
  warn.mockRestore();
});
