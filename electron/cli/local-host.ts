// The ProcessHost of a command run in-process: this process's working directory, and children
// started from here with the terminal's stdio.
import { runWithSecrets } from '../core/api-keys/run';
import type { ProcessHost } from './command';

export function localHost(): ProcessHost {
  return {
    cwd: process.cwd(),
    runChild: (req) => runWithSecrets({ command: req.command, args: req.args, secrets: req.secrets }),
  };
}
