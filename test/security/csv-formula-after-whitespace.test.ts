// Attack: a value that starts with spaces (or any other whitespace) and then = + - @ is
// exported unguarded, and a spreadsheet that skips the leading spaces runs it as a formula
// when the CSV is opened. Every exported cell must be guarded, and Keystash's own lossless
// CSV must still bring each value back exactly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../electron/core/formats/csv/read';
import { exportVault, renderExport } from '../../electron/core/formats/export/run';
import { loadFile, runImport } from '../../electron/core/formats/import';
import { snapshot } from '../core/formats/export/helpers';
import { login, newVault, tempDir } from '../core/fixtures/vault-helpers';

/** Leading whitespace of every kind a spreadsheet might skip, before each formula start. */
const PAYLOADS = [
  '  =HYPERLINK("http://evil.example","x")',
  ' +1+cmd|" /C calc"!A0',
  '\u00a0-2+3',
  '\u3000@SUM(1)',
  '\n=1+1',
  '\t\t-x',
  ' \r\n +y',
];

/** A cell a spreadsheet would read as a formula: optional whitespace, then = + - or @. */
const RUNS_AS_FORMULA = /^\s*[=+\-@]/;

async function vaultWithPayloads() {
  const vault = await newVault();
  PAYLOADS.forEach((p, i) =>
    vault.items.create(login(`Payload ${i}`, { username: p, password: p, notes: p, fields: [{ name: 'Extra', value: p, concealed: i % 2 === 0 }] })),
  );
  return vault;
}

function cellsOf(text: string): string[] {
  const cells: string[] = [];
  readCsv(text, ',', (row) => cells.push(...row.fields));
  return cells;
}

describe('CSV formula guard after leading whitespace', () => {
  it('guards every cell of the Keystash CSV export and the round trip restores each value exactly', async () => {
    const vault = await vaultWithPayloads();
    const file = path.join(tempDir(), 'vault.csv');
    await exportVault(vault, file, { format: 'csv' });
    const cells = cellsOf(fs.readFileSync(file, 'utf8'));
    expect(cells.filter((c) => RUNS_AS_FORMULA.test(c))).toEqual([]);
    // Each payload went out with its apostrophe in front (in username, password and notes).
    for (const p of PAYLOADS) expect(cells.filter((c) => c === `'${p}`).length).toBeGreaterThanOrEqual(3);

    const copy = await newVault();
    const r = await runImport(copy, loadFile(fs.readFileSync(file)));
    expect(r).toMatchObject({ format: 'keystash', imported: PAYLOADS.length, problems: [] });
    expect(snapshot(copy)).toEqual(snapshot(vault));
    const back = copy.items.withSecrets(copy.items.resolve('Payload 0'));
    expect(back.password).toBe(PAYLOADS[0]);
  });

  it('guards the Bitwarden CSV export too', async () => {
    const vault = await vaultWithPayloads();
    const { content } = await renderExport(vault, { format: 'bitwarden' });
    const cells = cellsOf(content);
    expect(cells.filter((c) => RUNS_AS_FORMULA.test(c))).toEqual([]);
    for (const p of PAYLOADS) expect(cells).toContain(`'${p}`);
  });
});
