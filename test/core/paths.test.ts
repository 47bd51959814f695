// The default vault location must match Electron's app.getPath('userData') for "Keystash".
import { describe, expect, it } from 'vitest';
import { defaultVaultPath, resolveVaultPath, userDataDir } from '../../electron/core/paths';

describe('userDataDir / defaultVaultPath', () => {
  it('Linux: $XDG_CONFIG_HOME/Keystash, else ~/.config/Keystash', () => {
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/cfg' }, home: '/home/a' })).toBe('/x/cfg/Keystash');
    expect(defaultVaultPath({ platform: 'linux', env: {}, home: '/home/a' })).toBe('/home/a/.config/Keystash/vault.keystash');
    // A relative XDG_CONFIG_HOME is invalid per the XDG spec and is ignored.
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'rel' }, home: '/home/a' })).toBe('/home/a/.config/Keystash');
  });

  it('macOS: ~/Library/Application Support/Keystash', () => {
    expect(defaultVaultPath({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/ignored' }, home: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Keystash/vault.keystash',
    );
  });

  it('Windows: %APPDATA%\\Keystash, else ~\\AppData\\Roaming\\Keystash', () => {
    expect(defaultVaultPath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, home: 'C:\\Users\\a' })).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Keystash\\vault.keystash',
    );
    expect(userDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Roaming\\Keystash');
  });
});

describe('resolveVaultPath', () => {
  const p = { platform: 'linux' as const, env: { KEYSTASH_VAULT: '/env/v.keystash' }, home: '/home/a' };
  it('prefers the explicit path, then $KEYSTASH_VAULT, then the default', () => {
    expect(resolveVaultPath('/flag/v.keystash', p)).toBe('/flag/v.keystash');
    expect(resolveVaultPath(undefined, p)).toBe('/env/v.keystash');
    expect(resolveVaultPath(undefined, { ...p, env: {} })).toBe('/home/a/.config/Keystash/vault.keystash');
  });
});
