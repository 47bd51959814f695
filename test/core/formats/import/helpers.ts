// Shared helpers for the import suites: fixture bytes, loaded files, one-go imports, and full
// items of a vault by title.
import fs from 'node:fs';
import path from 'node:path';
import type { Item } from '../../../../shared/domain';
import type { Vault } from '../../../../electron/core/vault';
import { loadFile, runImport, type CommitOptions, type ImportResult, type LoadedFile, type SourceOptions } from '../../../../electron/core/formats/import';

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'csv');

export function fixture(name: string): Uint8Array {
  return fs.readFileSync(path.join(FIXTURES, name));
}

export function bytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** A fixture, loaded as an import reads it. */
export function loadFixture(name: string): LoadedFile {
  return loadFile(fixture(name));
}

/** CSV text, loaded as an import reads it. */
export function loadText(text: string): LoadedFile {
  return loadFile(bytes(text));
}

/** Previews and commits a fixture in one go, as the CLI does. */
export function importFixture(vault: Vault, name: string, opts: SourceOptions & CommitOptions = {}): Promise<ImportResult> {
  return runImport(vault, loadFixture(name), opts);
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
