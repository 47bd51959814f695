// Entry point of the bundled `keystash` CLI (bin/keystash.cjs loads the bundle).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode rather than exit(): stdout may still be flushing into a pipe.
    process.exitCode = code;
  },
  () => {
    process.stderr.write('keystash: Something went wrong inside Keystash. Your vault was not changed.\n');
    process.exitCode = 1;
  },
);
