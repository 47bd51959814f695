// Bundles the `keystash` CLI (electron/cli + electron/core + shared) into one CommonJS file
// so that `bin/keystash.cjs` starts fast under plain Node, with no TypeScript loader.
// Native modules stay external: they are loaded from node_modules with Node's ABI.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

await build({
  entryPoints: [path.join(root, 'electron/cli/index.ts')],
  outfile: path.join(root, 'out/cli/keystash.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'argon2'],
  logLevel: 'warning',
});
