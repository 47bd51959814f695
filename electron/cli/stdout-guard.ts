// `keystash list | head -1` closes the pipe early; that is the reader's choice, not an error.
export function guardStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') process.stderr.write(`keystash: Could not write the output (${err.code ?? 'error'}).\n`);
  });
}
