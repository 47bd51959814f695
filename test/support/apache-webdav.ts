// A real Apache httpd with mod_dav, started for a test on a random loopback port in its own
// temp ServerRoot (no root needed), with one Basic-auth user. Skips, with the reason, only when
// apache2 is not installed (scripts/install-test-deps.sh installs it).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

export function apacheMissing(): string | null {
  if (!fs.existsSync(APACHE)) return `${APACHE} is not installed (scripts/install-test-deps.sh installs apache2)`;
  for (const m of ['mod_dav.so', 'mod_dav_fs.so', 'mod_auth_basic.so', 'mod_mpm_event.so']) {
    if (!fs.existsSync(path.join(MODULES, m))) return `${MODULES}/${m} is missing`;
  }
  return null;
}

export interface WebdavServer {
  /** The WebDAV folder's URL, ending in /. */
  url: string;
  user: string;
  password: string;
  /** The folder on disk the server serves (for tests that tamper with it). */
  root: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

function config(dir: string, port: number): string {
  const root = os.userInfo().uid === 0 ? 'User nobody\nGroup nogroup\n' : '';
  const mods = ['mpm_event', 'authn_core', 'authn_file', 'authz_core', 'authz_user', 'auth_basic', 'dav', 'dav_fs'];
  return `ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${dir}/httpd.pid"
ErrorLog "${dir}/error.log"
LogLevel warn
${root}${mods.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`).join('\n')}
DAVLockDB "${dir}/lock/DAVLock"
DocumentRoot "${dir}/www"
<Directory "${dir}/www">
  Dav On
  AuthType Basic
  AuthName "keystash-test"
  AuthUserFile "${dir}/htpasswd"
  Require valid-user
</Directory>
`;
}

/** Starts the server; the caller stops it in afterAll. */
export async function startWebdav(): Promise<WebdavServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-dav-'));
  const user = 'keystash';
  const password = 'dav password 7';
  const www = path.join(dir, 'www');
  fs.mkdirSync(path.join(www, 'vault'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'lock'));
  // {SHA} is a format Apache reads without the htpasswd tool.
  fs.writeFileSync(path.join(dir, 'htpasswd'), `${user}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`);
  if (os.userInfo().uid === 0) {
    // Started as root, httpd drops to `nobody`, which must be able to write the served folder.
    fs.chmodSync(dir, 0o755);
    for (const d of [www, path.join(www, 'vault'), path.join(dir, 'lock')]) fs.chmodSync(d, 0o777);
  }
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const conf = path.join(dir, 'httpd.conf');
    fs.writeFileSync(conf, config(dir, port));
    const child: ChildProcess = spawn(APACHE, ['-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    let exited = false;
    child.on('exit', () => (exited = true));
    const deadline = Date.now() + 15_000;
    while (!exited && Date.now() < deadline && !(await answers(port))) await new Promise((r) => setTimeout(r, 100));
    if (!exited && (await answers(port))) {
      return {
        url: `http://127.0.0.1:${port}/vault/`,
        user,
        password,
        root: path.join(www, 'vault'),
        stop: async () => {
          if (!exited) {
            const gone = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await gone;
          }
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    lastError = `${stderr}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`;
  }
  throw new Error(`apache2 did not start: ${lastError}`);
}
