// Runs Doyensec's Electronegativity over electron/ and fails on any finding of MEDIUM
// severity or above that has not been reviewed below. A reviewed finding names its check,
// file and exact code, so a new openExternal or preload anywhere else still fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

interface Finding {
  issue: string;
  severity: string;
  file: string;
  sample: string;
}

const REVIEWED: (Omit<Finding, 'severity'> & { why: string })[] = [
  {
    issue: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/bootstrap.ts',
    sample: 'openExternal: (url) => shell.openExternal(safeExternalUrl(url)),',
    why: 'Only http(s) URLs stored on an item reach the shell; safeExternalUrl refuses every other scheme (test/main/ipc/handlers.test.ts).',
  },
  {
    issue: 'PRELOAD_JS_CHECK',
    file: 'main/window.ts',
    sample: 'preload: cfg.preloadPath,',
    why: 'The preload exposes one invoke function per channel and nothing else (test/main/ipc/contract.test.ts).',
  },
];

const AT_LEAST_MEDIUM = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

it('Electronegativity finds nothing of MEDIUM severity or above that was not reviewed', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-en-')), 'findings.csv');
  const bin = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  const run = spawnSync(process.execPath, [bin, '-i', path.join(root, 'electron'), '-r', '-v', 'false', '-e', electronVersion, '-o', out], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(fs.existsSync(out), `electronegativity wrote no report:\n${run.stdout}\n${run.stderr}`).toBe(true);
  const rows = Papa.parse<string[]>(fs.readFileSync(out, 'utf8').trim(), { skipEmptyLines: true }).data.slice(1);
  const findings: Finding[] = rows.map((r) => ({ issue: r[0] ?? '', severity: r[1] ?? '', file: r[3] ?? '', sample: r[5] ?? '' }));
  expect(findings.length, 'the report parsed to nothing; has the CSV format changed?').toBeGreaterThan(0);

  const serious = findings.filter((f) => AT_LEAST_MEDIUM.has(f.severity));
  const unreviewed = serious.filter((f) => !REVIEWED.some((r) => r.issue === f.issue && r.file === f.file && r.sample === f.sample));
  expect(unreviewed).toEqual([]);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}, 120_000);
