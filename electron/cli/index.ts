// Entry point of the bundled `keystash` CLI (bin/keystash.cjs loads the bundle).
import { main } from './main';

const INTERNAL = 'keystash: Something went wrong inside Keystash. Your vault was not changed.\n';

// `keystash list | head -1` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') process.stderr.write(`keystash: Could not write the output (${err.code ?? 'error'}).\n`);
});
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
