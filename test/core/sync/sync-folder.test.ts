// The warning for a vault file inside a sync tool's folder, and the status line's "ago" text.
import { describe, expect, it } from 'vitest';
import { agoText, syncFolderOf } from '../../../shared/sync';

describe('syncFolderOf', () => {
  it('names the sync tool folder a vault path lies in', () => {
    expect(syncFolderOf('/home/ann/Dropbox/keys/vault.keystash')).toBe('Dropbox');
    expect(syncFolderOf('C:\\Users\\ann\\OneDrive - Contoso\\vault.keystash')).toBe('OneDrive');
    expect(syncFolderOf('/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/vault.keystash')).toBe('Mobile Documents');
    expect(syncFolderOf('/home/ann/Nextcloud/vault.keystash')).toBe('Nextcloud');
  });

  it('leaves ordinary paths alone, the file name included', () => {
    expect(syncFolderOf('/home/ann/.local/share/keystash/vault.keystash')).toBeNull();
    expect(syncFolderOf('/home/ann/Dropbox.keystash')).toBeNull();
    expect(syncFolderOf('/home/ann/Syncing-notes/vault.keystash')).toBeNull();
  });
});

describe('agoText', () => {
  it('says how long ago in plain words', () => {
    expect(agoText(1_000, 10_000)).toBe('just now');
    expect(agoText(0, 5 * 60_000)).toBe('5 min ago');
    expect(agoText(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(agoText(0, 3 * 86_400_000)).toBe('3 days ago');
  });
});
