// Shared helpers for the import suites: fixture bytes and full items of a vault by title.
import fs from 'node:fs';
import path from 'node:path';
import type { Item } from '../../../../shared/domain';
import type { Vault } from '../../../../electron/core/vault';

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'csv');

export function fixture(name: string): Uint8Array {
  return fs.readFileSync(path.join(FIXTURES, name));
}

export function bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** Every item not in the trash, with secrets. */
export function allItems(vault: Vault): Item[] {
  return vault.items.list({}).map((s) => vault.items.withSecrets(s.id));
}

export function byTitle(vault: Vault, title: string): Item {
  const found = allItems(vault).filter((i) => i.title === title);
  if (found.length !== 1) throw new Error(`expected one item titled ${title}, found ${found.length}`);
  return found[0] as Item;
}
