// Bundles the `keystash` CLI (electron/cli + electron/core + shared) for plain Node, with no
// TypeScript loader. Output is ES modules with code splitting: a small entry
// (out/cli/keystash.mjs: argument parsing, help, the command registry) and chunks under
// out/cli/chunks/ that each command loads when it runs (plus out/cli/health-worker.mjs, the
// health check's scoring thread), so `keystash --help` and `--version`
// never parse the strength estimator's dictionaries, the wordlists or the importers.
// Native modules stay external: they are loaded from node_modules with Node's ABI.
//
// Test workers may rebuild while others run the CLI: every file is written to a temp name and
// renamed, chunks (content-hashed names) before the entry that imports them, and chunks of
// older builds are removed only once they are an hour old.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, 'out/cli');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const result = await build({
  // The health check's scoring thread is an entry of its own: out/cli/health-worker.mjs.
  entryPoints: { keystash: path.join(root, 'electron/cli/index.ts'), 'health-worker': path.join(root, 'electron/core/health/score-worker.ts') },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS dependencies call require() for Node's built-ins; ES modules have none.
  banner: { js: "import { createRequire as __keystashRequire } from 'node:module'; const require = __keystashRequire(import.meta.url);" },
  define: { KEYSTASH_VERSION: JSON.stringify(pkg.version) },
  sourcemap: 'linked',
  external: ['better-sqlite3', 'argon2'],
  logLevel: 'warning',
  write: false,
});

// The quick agent client that bin/keystash.cjs runs before loading the bundle: one small
// CommonJS file, no source map, and nothing but Node's built-ins beside our own few modules
// (test/cli/startup.test.ts checks what it requires).
const quick = await build({
  entryPoints: [path.join(root, 'electron/cli/agent/quick-client.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifySyntax: true,
  logLevel: 'warning',
  write: false,
});
const quickFile = path.join(outdir, 'agent-quick.cjs');

fs.mkdirSync(path.join(outdir, 'chunks'), { recursive: true });
const isEntry = (f) => path.dirname(f.path) === outdir;
// Maps first, then chunks, then the entry: nothing is ever imported before what it imports.
const rank = (f) => (f.path.endsWith('.map') ? 0 : isEntry(f) ? 2 : 1);
const ordered = [...result.outputFiles, ...quick.outputFiles.map((f) => ({ path: quickFile, contents: f.contents }))].sort((a, b) => rank(a) - rank(b));
for (const file of ordered) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, file.contents);
  fs.renameSync(tmp, file.path);
}

const written = new Set(result.outputFiles.map((f) => f.path));
const HOUR = 3_600_000;
for (const name of fs.readdirSync(path.join(outdir, 'chunks'))) {
  const file = path.join(outdir, 'chunks', name);
  if (written.has(file)) continue;
  // Another build may rename or remove a file between our listing and our look at it.
  let age = 0;
  try {
    age = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    continue;
  }
  if (age > HOUR) fs.rmSync(file, { force: true });
}
// The single-file bundle of earlier versions; bin/keystash.cjs no longer loads it.
fs.rmSync(path.join(outdir, 'keystash.cjs'), { force: true });
fs.rmSync(path.join(outdir, 'keystash.cjs.map'), { force: true });
