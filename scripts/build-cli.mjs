// Bundles the `keystash` CLI (electron/cli + electron/core + shared) into one CommonJS file
// so that `bin/keystash.cjs` starts fast under plain Node, with no TypeScript loader.
// Native modules stay external: they are loaded from node_modules with Node's ABI.
// Output is written to a temp file and renamed, so test workers that rebuild at the same
// time never see (or run) a half-written bundle.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'out/cli/keystash.cjs');

const result = await build({
  entryPoints: [path.join(root, 'electron/cli/index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'argon2'],
  logLevel: 'warning',
  write: false,
});

fs.mkdirSync(path.dirname(outfile), { recursive: true });
// The map first, so the bundle never points at a map that is not there yet.
const ordered = [...result.outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')));
for (const file of ordered) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, file.contents);
  fs.renameSync(tmp, file.path);
}
