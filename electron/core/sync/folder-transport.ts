// A sync target that is a folder: a Syncthing, Dropbox, Nextcloud or iCloud folder, or a USB
// stick. A new file is written under a dot-name in its own directory and then hard-linked to
// its real name, which fails if the name exists: another process never sees a half-written
// batch under a batch's name, and nothing is ever overwritten.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { KeystashError } from '../errors';
import type { SyncTransport } from './transport';

/** Temporary names this transport and sync tools use while a file is being written. */
export function isTemporaryName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~') || name.endsWith('.tmp') || name.endsWith('.partial');
}

export class FolderTransport implements SyncTransport {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = root;
  }

  /** Creates the folder if needed; refuses a path that is a file. */
  static open(root: string): FolderTransport {
    const abs = path.resolve(root);
    if (fs.existsSync(abs) && !fs.statSync(abs).isDirectory()) {
      throw new KeystashError('invalid-input', `${abs} is a file, not a folder.`);
    }
    fs.mkdirSync(abs, { recursive: true, mode: 0o700 });
    return new FolderTransport(abs);
  }

  async list(): Promise<string[]> {
    if (!fs.existsSync(this.root)) throw new KeystashError('io', `The sync folder ${this.root} is not there (an unmounted drive?).`);
    const out: string[] = [];
    const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        return; // a folder that disappears while we look is the same as one that is not there
      }
      for (const e of entries) {
        if (isTemporaryName(e.name)) continue;
        const relPath = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory() && depth < 3) await walk(path.join(dir, e.name), relPath, depth + 1);
        else if (e.isFile()) out.push(relPath);
      }
    };
    await walk(this.root, '', 0);
    return out.sort();
  }

  async read(file: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.promises.readFile(this.resolve(file)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new KeystashError('io', `Could not read ${file} from the sync folder.`);
    }
  }

  async writeNew(file: string, bytes: Uint8Array): Promise<void> {
    const target = this.resolve(file);
    const dir = path.dirname(target);
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.promises.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.promises.link(tmp, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new KeystashError('exists', `${file} already exists on the sync target.`);
      // A file system without hard links (some FAT sticks): an exclusive create, then the bytes.
      await fs.promises.writeFile(target, bytes, { flag: 'wx', mode: 0o600 }).catch((e: NodeJS.ErrnoException) => {
        throw new KeystashError(e.code === 'EEXIST' ? 'exists' : 'io', `Could not write ${file} to the sync folder.`);
      });
    } finally {
      await fs.promises.rm(tmp, { force: true });
    }
  }

  async deleteOwn(file: string): Promise<void> {
    await fs.promises.rm(this.resolve(file), { force: true });
  }

  private resolve(file: string): string {
    const target = path.resolve(this.root, file);
    if (!target.startsWith(this.root + path.sep)) throw new KeystashError('invalid-input', `${file} is outside the sync folder.`);
    return target;
  }
}
