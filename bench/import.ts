// Import benchmark: a 100,000-row Bitwarden CSV (with quoted commas, newlines, unicode and
// several URLs) imported into a fresh vault, the way the app does it. Measures the preview
// (read the file once, decode, parse, validate, find duplicates, keep the checked items), the
// commit of the kept items (encrypt, one transaction), their sum, peak RSS sampled after every
// batch, and the longest stretch the event loop could not answer during the commit (the
// window's wait in the app). JSON on stdout.
// Run: `npx tsx bench/import.ts [rows]` (default 100000). Target: 100k rows in ≤ 10 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { commitImport, loadFile, previewImport, readImportFile } from '../electron/core/formats/import';
import { Vault } from '../electron/core/vault';

const ROWS = Number(process.argv[2] ?? 100_000);
const TARGET_MS = 10_000;

function csvFile(rows: number): string {
  const lines = ['folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp'];
  for (let i = 0; i < rows; i++) {
    const note = i % 10 === 0 ? `"Line one, with comma\nline ""two"" ✓ ${i}"` : '';
    const uris = i % 3 === 0 ? `"https://site${i}.example.com/login,https://alt${i}.example.org"` : `https://site${i}.example.com`;
    lines.push(`Folder ${i % 50},${i % 17 === 0 ? 1 : ''},login,Site ${i} — ${i % 7 === 0 ? '日本' : 'acct'},${note},,0,${uris},user${i}@example.com,"p@ss,${i}-${(i * 7919) % 100000}",`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-bench-import-'));
  try {
    const file = path.join(dir, 'export.csv');
    fs.writeFileSync(file, csvFile(ROWS));
    const fileBytes = fs.statSync(file).size;
    const vault = await Vault.create(path.join(dir, 'vault.keystash'), 'bench-password', { kdf: { memoryMiB: 19, iterations: 2, parallelism: 1 } });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let t = performance.now();
    const previewCpu0 = process.cpuUsage();
    const checked = await previewImport(vault, loadFile(await readImportFile(file)));
    const previewMs = performance.now() - t;
    const previewCpu = process.cpuUsage(previewCpu0);
    let peak = process.memoryUsage().rss;
    t = performance.now();
    const cpu0 = process.cpuUsage();
    // How long the event loop went unanswered at worst: in the app, the window's longest wait.
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const result = await commitImport(vault, checked, {
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    const commitMs = performance.now() - t;
    loop.disable();
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage().rss);
    vault.close();
    const mb = (n: number): number => Math.round(n / 1024 / 1024);
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'import',
          rows: ROWS,
          file_mb: Math.round((fileBytes / 1024 / 1024) * 10) / 10,
          preview_ms: Math.round(previewMs),
          preview_cpu_ms: Math.round((previewCpu.user + previewCpu.system) / 1000),
          import_ms: Math.round(commitMs),
          // The whole import as a person waits for it: preview, then commit.
          total_ms: Math.round(previewMs + commitMs),
          // CPU time of the import: on a busy machine wall time also counts other processes.
          import_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
          load_average: os.loadavg().map((l) => Math.round(l * 10) / 10),
          imported: result.imported,
          longest_unresponsive_ms: Math.round(loop.max / 1e6),
          unresponsive_p99_ms: Math.round(loop.percentile(99) / 1e6),
          problems: checked.preview.problems.length,
          rss_before_mb: mb(rssBefore),
          rss_peak_mb: mb(peak),
          target_import_ms: TARGET_MS,
          target_met: commitMs <= TARGET_MS,
          node: process.version,
          cpus: os.cpus().length,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
