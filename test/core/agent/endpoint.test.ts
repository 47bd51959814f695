// Where the agent lives and how a client checks it, for Unix and (built here on Unix with
// path.win32) for Windows: the agent directory, the endpoint file, the named pipe's name and
// the addresses a client accepts; the token and its comparison; the endpoint file on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endpointFile, isOwnAddress, newAddress, readEndpoint, writeEndpoint } from '../../../electron/core/agent/endpoint';
import { agentDir, checkPrivateDir, socketPath, type RuntimeEnv } from '../../../electron/core/agent/runtime-dir';
import { isToken, newToken, tokenMatches } from '../../../electron/core/agent/token';

const win = (env: NodeJS.ProcessEnv = {}): RuntimeEnv => ({
  platform: 'win32',
  env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', USERNAME: 'ada', USERDOMAIN: 'DESKTOP-1', ...env },
  uid: -1,
  tmpdir: 'C:\\Users\\ada\\AppData\\Local\\Temp',
  home: 'C:\\Users\\ada',
});
const linux = (env: NodeJS.ProcessEnv = {}): RuntimeEnv => ({ platform: 'linux', env, uid: 1000, tmpdir: '/tmp', home: '/home/ada' });
const VAULT = '/home/ada/vault.keystash';

describe('the agent directory', () => {
  it('on Windows is Keystash\\agent in the user’s local profile folder', () => {
    expect(agentDir(win())).toBe('C:\\Users\\ada\\AppData\\Local\\Keystash\\agent');
    // Without (or with a relative) LOCALAPPDATA: the profile's AppData\Local.
    expect(agentDir(win({ LOCALAPPDATA: undefined }))).toBe('C:\\Users\\ada\\AppData\\Local\\Keystash\\agent');
    expect(agentDir(win({ LOCALAPPDATA: 'relative\\dir' }))).toBe('C:\\Users\\ada\\AppData\\Local\\Keystash\\agent');
  });

  it('on Unix is $XDG_RUNTIME_DIR/keystash, else keystash-<uid> in the temp dir', () => {
    expect(agentDir(linux({ XDG_RUNTIME_DIR: '/run/user/1000' }))).toBe('/run/user/1000/keystash');
    expect(agentDir(linux({ XDG_RUNTIME_DIR: 'relative' }))).toBe('/tmp/keystash-1000');
    expect(agentDir(linux())).toBe('/tmp/keystash-1000');
  });

  it('on Windows the endpoint file sits in that folder, named by the vault’s digest', () => {
    const dir = agentDir(win());
    expect(endpointFile(win(), dir, VAULT)).toMatch(/^C:\\Users\\ada\\AppData\\Local\\Keystash\\agent\\agent-[0-9a-f]{20}\.endpoint$/);
    expect(endpointFile(win(), dir, VAULT, 'app')).toMatch(/\\app-[0-9a-f]{20}\.endpoint$/);
    expect(path.win32.basename(endpointFile(win(), dir, VAULT))).toBe(path.posix.basename(endpointFile(linux(), '/run/k', VAULT)));
  });
});

describe('the agent’s address', () => {
  it('on Windows is a local named pipe with this user’s tag and 128 random bits', () => {
    const dir = agentDir(win());
    const a = newAddress(win(), dir, VAULT);
    const b = newAddress(win(), dir, VAULT);
    expect(a).toMatch(/^\\\\\.\\pipe\\keystash-agent-[0-9a-f]{16}-[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    // The same user's tag in both; another user's differs.
    expect(a.split('-')[2]).toBe(b.split('-')[2]);
    expect(newAddress(win({ USERNAME: 'bob' }), dir, VAULT).split('-')[2]).not.toBe(a.split('-')[2]);
    expect(newAddress(win(), dir, VAULT, 'app')).toMatch(/^\\\\\.\\pipe\\keystash-app-/);
  });

  it('on Windows a client accepts only a local pipe of this user and kind', () => {
    const dir = agentDir(win());
    const own = newAddress(win(), dir, VAULT, 'agent', 'ab'.repeat(16));
    expect(isOwnAddress(win(), dir, VAULT, 'agent', own)).toBe(true);
    const refused = [
      own.replace('\\\\.\\', '\\\\fileserver\\'), // a remote machine's pipe would receive the token
      own.replace('keystash-agent', 'keystash-app'),
      newAddress(win({ USERNAME: 'bob' }), dir, VAULT, 'agent', 'ab'.repeat(16)),
      `${own}0`,
      own.slice(0, -1),
      '\\\\.\\pipe\\other-program',
      'C:\\Users\\ada\\AppData\\Local\\Keystash\\agent\\agent.sock',
      '',
    ];
    for (const address of refused) expect(isOwnAddress(win(), dir, VAULT, 'agent', address), address).toBe(false);
    expect(isOwnAddress(win(), dir, VAULT, 'app', own)).toBe(false);
  });

  it('on Unix is the socket named by the vault’s digest in the agent directory, and only that', () => {
    const dir = '/run/user/1000/keystash';
    const sock = socketPath(dir, VAULT);
    expect(newAddress(linux(), dir, VAULT)).toBe(sock);
    expect(isOwnAddress(linux(), dir, VAULT, 'agent', sock)).toBe(true);
    expect(isOwnAddress(linux(), dir, VAULT, 'agent', '/tmp/elsewhere.sock')).toBe(false);
    expect(isOwnAddress(linux(), dir, '/home/ada/other.keystash', 'agent', sock)).toBe(false);
    expect(isOwnAddress(linux(), dir, VAULT, 'app', sock)).toBe(false);
  });
});

describe('the token', () => {
  it('is 32 random bytes in hex, compared exactly', () => {
    const t = newToken();
    expect(isToken(t)).toBe(true);
    expect(newToken()).not.toBe(t);
    expect(tokenMatches(t, t)).toBe(true);
    for (const wrong of [newToken(), t.slice(0, 62), `${t}00`, t.toUpperCase(), '', null, 42, { t }]) expect(tokenMatches(t, wrong)).toBe(false);
  });
});

describe('the endpoint file', () => {
  it('is written whole with mode 0600 and read back; anything else reads as no agent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-endpoint-'));
    const file = path.join(dir, 'agent-x.endpoint');
    expect(readEndpoint(file)).toBeNull();
    const endpoint = { address: path.join(dir, 'agent-x.sock'), token: newToken() };
    writeEndpoint(file, endpoint);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readEndpoint(file)).toEqual(endpoint);
    expect(fs.readdirSync(dir)).toEqual(['agent-x.endpoint']);
    for (const bad of ['', 'not json', 'null', '{"address":"/x"}', `{"address":1,"token":"${endpoint.token}"}`, '{"address":"/x","token":"short"}']) {
      fs.writeFileSync(file, bad);
      expect(readEndpoint(file), bad).toBeNull();
    }
  });

  it('on Windows the folder check asks only for a real folder (Node reads no owner or ACL there)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-windir-'));
    fs.chmodSync(dir, 0o777);
    expect(() => checkPrivateDir(dir, { platform: 'win32', uid: -1 })).not.toThrow();
    expect(() => checkPrivateDir(dir, { platform: 'linux', uid: process.getuid?.() ?? -1 })).toThrow(/not 0700/);
    const link = `${dir}-link`;
    fs.symlinkSync(dir, link);
    expect(() => checkPrivateDir(link, { platform: 'win32', uid: -1 })).toThrow(/symbolic link/);
  });
});
