// The ProcessHost of a command run in-process: this process's working directory, its files,
// and children started from here with the terminal's stdio. The agent's client uses the same
// functions to do what the agent asks of it (agent/client.ts).
import fs from 'node:fs';
import path from 'node:path';
import { quote } from '../../shared/input-text';
import { runWithSecrets } from '../core/api-keys/run';
import { KeystashError } from '../core/errors';
import type { ProcessHost } from './command';

const MAX_TEXT_FILE = 16 * 1024 * 1024;

async function readText(file: string, shown: string): Promise<string> {
  let handle: fs.promises.FileHandle;
  try {
    // Non-blocking, so a FIFO cannot hang us; then only regular files are read.
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KeystashError('not-found', `${quote(shown)} does not exist.`);
    throw new KeystashError('io', `Could not open ${quote(shown)} (${code ?? 'error'}).`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new KeystashError('invalid-input', `${quote(shown)} is not a regular file.`);
    if (st.size > MAX_TEXT_FILE) throw new KeystashError('invalid-input', `${quote(shown)} is larger than 16 MB.`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

async function writePrivate(file: string, text: string, overwrite: boolean, shown: string): Promise<void> {
  if (!overwrite && fs.existsSync(file)) throw new KeystashError('exists', `${quote(shown)} already exists; add --force to replace it.`);
  // Written beside the target with mode 0600 from the start, then renamed over it: a reader
  // never sees half a file, and the secrets are never readable by others, not even briefly.
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
    await fs.promises.chmod(tmp, 0o600);
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    if (err instanceof KeystashError) throw err;
    throw new KeystashError('io', `Could not write ${quote(shown)} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

export function localHost(cwd: string = process.cwd()): ProcessHost {
  const at = (file: string): string => path.resolve(cwd, file);
  return {
    cwd,
    runChild: (req) => runWithSecrets({ command: req.command, args: req.args, secrets: req.secrets, plain: req.plain, mask: req.mask }),
    readText: (file) => readText(at(file), file),
    writePrivate: (file, text, overwrite) => writePrivate(at(file), text, overwrite, file),
  };
}
