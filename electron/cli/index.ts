// Entry point of the bundled `keystash` CLI (bin/keystash.cjs loads the bundle).
import { main } from './main';
import { guardStdout } from './stdout-guard';

const INTERNAL = 'keystash: Something went wrong inside Keystash. Your vault was not changed.\n';

guardStdout();
// Last line of defence: never print a stack trace (set KEYSTASH_DEBUG=1 to see it).
process.on('uncaughtException', (err) => {
  process.stderr.write(process.env.KEYSTASH_DEBUG ? `${err.stack ?? String(err)}\n` : INTERNAL);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode rather than exit(): stdout may still be flushing into a pipe.
    process.exitCode = code;
  },
  () => {
    process.stderr.write(INTERNAL);
    process.exitCode = 1;
  },
);
