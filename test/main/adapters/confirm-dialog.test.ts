// The native confirmation dialogs against a stand-in `electron`: the question shows what is
// asked (the origin, how many secrets), "no" is the default and the Escape answer, and only
// the second button counts as yes.
import { beforeEach, expect, it, vi } from 'vitest';

const shown = vi.hoisted(() => ({ calls: [] as { parent: unknown; options: Record<string, unknown> }[], response: 0, parent: null as unknown }));

vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => shown.parent, getAllWindows: () => [] },
  dialog: {
    showMessageBox: (a: unknown, b?: unknown) => {
      const [parent, options] = b === undefined ? [null, a] : [a, b];
      shown.calls.push({ parent, options: options as Record<string, unknown> });
      return Promise.resolve({ response: shown.response, checkboxChecked: false });
    },
  },
}));

const { electronConfirmations } = await import('../../../electron/main/adapters/confirm-dialog');

beforeEach(() => {
  shown.calls = [];
  shown.response = 0;
  shown.parent = null;
});

it('asks about a new origin by name, with "Do not open" as default and cancel', async () => {
  const parent = { id: 1 };
  shown.parent = parent;
  expect(await electronConfirmations().openOrigin('https://attacker.example')).toBe(false);
  const call = shown.calls[0];
  expect(call?.parent).toBe(parent);
  expect(call?.options).toMatchObject({ buttons: ['Do not open', 'Open'], defaultId: 0, cancelId: 0 });
  expect(String(call?.options.message)).toContain('https://attacker.example');
  shown.response = 1;
  expect(await electronConfirmations().openOrigin('https://example.com')).toBe(true);
});

it('asks before more secrets, saying how many left in how long, with "Refuse" as default', async () => {
  expect(await electronConfirmations().moreSecrets(20, 60)).toBe(false);
  const call = shown.calls[0];
  expect(call?.parent).toBeNull();
  expect(call?.options).toMatchObject({ buttons: ['Refuse', 'Allow'], defaultId: 0, cancelId: 0 });
  expect(String(call?.options.detail)).toContain('20 passwords or keys were revealed or copied in the last 60 seconds');
  shown.response = 1;
  expect(await electronConfirmations().moreSecrets(20, 60)).toBe(true);
});

it('asks whether a terminal may use the vault, naming the process and its directory, with "Deny" as default', async () => {
  const request = { process: 'keystash run --env-file .env -- npm start', cwd: '/home/alice/shop', pid: 4242, terminal: '/dev/pts/3' };
  expect(await electronConfirmations().cliAccess(request)).toBe(false);
  const call = shown.calls[0];
  expect(call?.options).toMatchObject({ buttons: ['Deny', 'Allow for 10 minutes'], defaultId: 0, cancelId: 0 });
  for (const part of ['keystash run --env-file .env -- npm start', '/home/alice/shop', '4242', '/dev/pts/3']) expect(String(call?.options.detail)).toContain(part);
  shown.response = 1;
  expect(await electronConfirmations().cliAccess(request)).toBe(true);
});
