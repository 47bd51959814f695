// Browser and KeePassXC exports: Chrome (and Chromium, Edge, Brave, Opera, Vivaldi), Firefox,
// Safari / Apple Passwords, and KeePassXC's CSV export. All are one login per row.
import { cleanTotp, parseTime, splitUrls } from '../fields';
import { buildItem } from '../record';
import type { FormatSpec } from '../types';
import { hasAll } from './shared';

// name,url,username,password[,note]
export const chrome: FormatSpec = {
  id: 'chrome',
  label: 'Chrome, Chromium, Edge, Brave',
  required: ['name', 'url', 'username', 'password'],
  detect: (h) => hasAll(h, chrome.required) && h.size <= 5,
  map: (row) =>
    buildItem(
      {
        title: row.take('name'),
        urls: splitUrls(row.take('url')),
        username: row.take('username'),
        password: row.take('password'),
        notes: row.take('note'),
        fields: row.extras(),
      },
      row.line,
    ),
};

// url,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,timePasswordChanged
export const firefox: FormatSpec = {
  id: 'firefox',
  label: 'Firefox',
  required: ['url', 'username', 'password', 'httprealm', 'formactionorigin'],
  ignored: ['guid', 'timeLastUsed'],
  detect: (h) => hasAll(h, firefox.required),
  map: (row) => {
    row.ignore('guid', 'timeLastUsed');
    const created = parseTime(row.take('timeCreated'), 'ms');
    const changed = parseTime(row.take('timePasswordChanged'), 'ms');
    return buildItem(
      {
        urls: splitUrls(row.take('url')),
        username: row.take('username'),
        password: row.take('password'),
        // httpRealm and formActionOrigin stay as custom fields when they have a value.
        fields: row.extras(),
        ...(created !== undefined ? { createdAt: created } : {}),
        ...(changed !== undefined ? { updatedAt: changed } : {}),
      },
      row.line,
    );
  },
};

// Title,URL,Username,Password,Notes,OTPAuth
export const safari: FormatSpec = {
  id: 'safari',
  label: 'Safari / Apple Passwords',
  required: ['title', 'url', 'username', 'password', 'otpauth'],
  detect: (h) => hasAll(h, safari.required) && !h.has('favorite') && !h.has('archived'),
  map: (row) =>
    buildItem(
      {
        title: row.take('Title'),
        urls: splitUrls(row.take('URL')),
        username: row.take('Username'),
        password: row.take('Password'),
        notes: row.take('Notes'),
        totp: cleanTotp(row.take('OTPAuth')),
        fields: row.extras(),
      },
      row.line,
    ),
};

/** KeePassXC writes the full group path from the root group ("Root/Email/Work"); the root's name is dropped. */
export function keepassFolder(group: string): string {
  const parts = group.split('/');
  return parts.slice(1).join('/').trim();
}

// "Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"
export const keepassxc: FormatSpec = {
  id: 'keepassxc',
  label: 'KeePassXC',
  required: ['group', 'title', 'username', 'password', 'url', 'notes'],
  ignored: ['Icon'],
  detect: (h) => hasAll(h, keepassxc.required),
  map: (row) => {
    row.ignore('Icon');
    const created = parseTime(row.take('Created'), 'iso');
    const modified = parseTime(row.take('Last Modified'), 'iso');
    return buildItem(
      {
        folder: keepassFolder(row.take('Group')),
        title: row.take('Title'),
        username: row.take('Username'),
        password: row.take('Password'),
        urls: splitUrls(row.take('URL')),
        notes: row.take('Notes'),
        totp: cleanTotp(row.take('TOTP')),
        fields: row.extras(),
        ...(created !== undefined ? { createdAt: created } : {}),
        ...(modified !== undefined ? { updatedAt: modified } : {}),
      },
      row.line,
    );
  },
};
