// The contract's channels, the list built into the preload, the preload's window.api and
// main's handlers are one set: a channel added in one place and missing in another fails here.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract } from '../../../shared/contract';
import { buildApi, exposeApi } from '../../../electron/preload/api';
import { keystashConfig } from '../../../electron.vite.config';
import { makeHarness } from './helpers';

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('IPC contract', () => {
  it('channel names are unique domain:action kebab-case', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
  });

  it('every channel has a zod schema for its request', () => {
    for (const c of CHANNELS) expect(contract[c].request).toBeInstanceOf(z.ZodType);
  });

  it('the preload is built with exactly the contract channels', () => {
    const define = keystashConfig({ command: 'build', mode: 'production' }).preload?.define;
    const built: unknown = JSON.parse(String(define?.KEYSTASH_CHANNELS));
    expect(built).toEqual([...CHANNELS]);
  });

  it('main has exactly one handler per channel', async () => {
    const h = makeHarness();
    try {
      const handlers = h.api;
      expect(sorted(Object.keys(handlers))).toEqual(sorted(CHANNELS));
      for (const c of CHANNELS) expect(typeof handlers[c]).toBe('function');
    } finally {
      await h.cleanup();
    }
  });

  it('the preload exposes exactly one invoke function per channel as window.api, and nothing else', async () => {
    const exposed: [string, unknown][] = [];
    const invoke = vi.fn(async (channel: string, req: unknown) => ({ ok: true, value: { channel, req } }));
    exposeApi({ exposeInMainWorld: (key, api) => exposed.push([key, api]) }, { invoke }, CHANNELS);

    expect(exposed.map(([k]) => k)).toEqual(['api']);
    const api = exposed[0]?.[1] as Record<string, (req: unknown) => Promise<unknown>>;
    expect(sorted(Object.keys(api))).toEqual(sorted(CHANNELS));
    expect(Object.isFrozen(api)).toBe(true);

    for (const c of CHANNELS) {
      const fn = api[c];
      if (!fn) throw new Error(`missing ${c}`);
      await expect(fn({ probe: c })).resolves.toEqual({ ok: true, value: { channel: c, req: { probe: c } } });
    }
    expect(invoke).toHaveBeenCalledTimes(CHANNELS.length);
    // Only the channel and the request cross: no event, no callback, no extra arguments.
    for (const call of invoke.mock.calls) expect(call).toHaveLength(2);
  });

  it('the preload api never hands the page ipcRenderer', () => {
    const ipc = { invoke: async () => null, send: () => undefined, on: () => undefined };
    const api = buildApi(ipc, CHANNELS) as unknown as Record<string, unknown>;
    for (const value of Object.values(api)) expect(value).not.toBe(ipc);
    expect(Object.keys(api)).not.toContain('send');
    expect(Object.keys(api)).not.toContain('on');
  });
});
