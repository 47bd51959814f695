// A sync target on a WebDAV server (Nextcloud, ownCloud, Apache mod_dav, ...) through the
// `webdav` package. New files are PUT with `If-None-Match: *`, so the server refuses to
// overwrite an existing name; the server stores a PUT whole or not at all. The folders are
// walked one level at a time, because many servers refuse a PROPFIND of infinite depth.
// The package is loaded on first use, so commands that never sync do not pay for it.
import type { FileStat, WebDAVClient } from 'webdav';
import { KeystashError } from '../errors';
import { isTemporaryName } from './folder-transport';
import type { SyncTransport } from './transport';

const MAX_DEPTH = 3;

function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

function problem(err: unknown, what: string, url: string): KeystashError {
  const status = statusOf(err);
  if (status === 401 || status === 403) return new KeystashError('wrong-password', `The WebDAV server at ${url} refused the user name or password (${status}).`);
  if (status !== undefined) return new KeystashError('io', `The WebDAV server at ${url} answered ${status} when ${what}.`);
  const code = (err as { code?: unknown } | null)?.code;
  return new KeystashError('io', `Could not reach the WebDAV server at ${url} when ${what}${typeof code === 'string' ? ` (${code})` : ''}.`);
}

export class WebdavTransport implements SyncTransport {
  readonly description: string;

  private constructor(
    private readonly client: WebDAVClient,
    url: string,
  ) {
    this.description = url;
  }

  static async connect(url: string, user: string, password: string): Promise<WebdavTransport> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new KeystashError('invalid-input', `${url} is not a URL.`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new KeystashError('invalid-input', 'A WebDAV URL starts with https:// (or http:// on your own network).');
    if (parsed.username || parsed.password) throw new KeystashError('invalid-input', 'Give the WebDAV user name and password separately, not inside the URL.');
    const { createClient } = await import('webdav');
    const client = createClient(url, user ? { username: user, password } : {});
    return new WebdavTransport(client, url);
  }

  /** Checks that the folder is there and these credentials may read it. */
  async check(): Promise<void> {
    try {
      await this.client.getDirectoryContents('/');
    } catch (err) {
      if (statusOf(err) === 404) throw new KeystashError('not-found', `There is no folder at ${this.description}; create it on the server first.`);
      throw problem(err, 'listing the folder', this.description);
    }
  }

  async list(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      let entries: FileStat[];
      try {
        entries = (await this.client.getDirectoryContents(dir)) as FileStat[];
      } catch (err) {
        if (statusOf(err) === 404 && depth > 0) return; // a folder that disappears while we look
        throw problem(err, 'listing the folder', this.description);
      }
      for (const e of entries) {
        if (isTemporaryName(e.basename)) continue;
        const rel = dir === '/' ? e.basename : `${dir.slice(1)}/${e.basename}`;
        if (e.type === 'directory' && depth < MAX_DEPTH) await walk(`/${rel}`, depth + 1);
        else if (e.type === 'file') out.push(rel);
      }
    };
    await walk('/', 0);
    return out.sort();
  }

  async read(file: string): Promise<Uint8Array | null> {
    try {
      const data = await this.client.getFileContents(`/${file}`, { format: 'binary' });
      return new Uint8Array(data as ArrayBuffer);
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw problem(err, `reading ${file}`, this.description);
    }
  }

  async writeNew(file: string, bytes: Uint8Array): Promise<void> {
    const dir = file.includes('/') ? `/${file.slice(0, file.lastIndexOf('/'))}` : null;
    let written: boolean;
    try {
      if (dir && !(await this.client.exists(dir))) await this.client.createDirectory(dir, { recursive: true });
      written = await this.client.putFileContents(`/${file}`, Buffer.from(bytes), { overwrite: false });
    } catch (err) {
      throw problem(err, `writing ${file}`, this.description);
    }
    if (!written) throw new KeystashError('exists', `${file} already exists on the sync target.`);
  }

  async deleteOwn(file: string): Promise<void> {
    try {
      await this.client.deleteFile(`/${file}`);
    } catch (err) {
      if (statusOf(err) !== 404) throw problem(err, `deleting ${file}`, this.description);
    }
  }
}
