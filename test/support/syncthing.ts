// Real Syncthing instances for tests: each with its own home, GUI/REST and sync ports on
// loopback, and global discovery, local discovery, relays, NAT traversal, usage reporting and
// upgrades off, so they can only find each other at the addresses the test gives them.
// Skipped, with the reason, only when syncthing is not installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const SYNCTHING = '/usr/bin/syncthing';

export function syncthingMissing(): string | null {
  return fs.existsSync(SYNCTHING) ? null : `${SYNCTHING} is not installed (scripts/install-test-deps.sh installs syncthing)`;
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

export class SyncthingInstance {
  private child: ChildProcess | null = null;
  log = '';

  private constructor(
    readonly home: string,
    readonly deviceId: string,
    readonly apiKey: string,
    readonly guiPort: number,
    readonly listenPort: number,
  ) {}

  static async create(): Promise<SyncthingInstance> {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'keystash-st-'));
    const gen = spawnSync(SYNCTHING, ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], { encoding: 'utf8' });
    const out = `${gen.stdout}${gen.stderr}`;
    const deviceId = /Device ID: ([A-Z0-9-]+)/.exec(out)?.[1];
    if (!deviceId) throw new Error(`syncthing generate printed no device id: ${out}`);
    const guiPort = await freePort();
    const listenPort = await freePort();
    const file = path.join(home, 'config.xml');
    let xml = fs.readFileSync(file, 'utf8');
    const apiKey = /<apikey>([^<]+)<\/apikey>/.exec(xml)?.[1] ?? '';
    const set = (tag: string, value: string): void => {
      xml = xml.replace(new RegExp(`<${tag}>[^<]*</${tag}>`), `<${tag}>${value}</${tag}>`);
    };
    xml = xml.replace(/<gui ([^>]*)>\s*<address>[^<]*<\/address>/, `<gui $1>\n        <address>127.0.0.1:${guiPort}</address>`);
    set('listenAddress', `tcp://127.0.0.1:${listenPort}`);
    for (const off of ['globalAnnounceEnabled', 'localAnnounceEnabled', 'relaysEnabled', 'natEnabled', 'startBrowser', 'crashReportingEnabled', 'restartOnWakeup']) set(off, 'false');
    set('urAccepted', '-1');
    set('autoUpgradeIntervalH', '0');
    set('globalAnnounceServer', '');
    fs.writeFileSync(file, xml);
    return new SyncthingInstance(home, deviceId, apiKey, guiPort, listenPort);
  }

  async start(): Promise<void> {
    this.child = spawn(SYNCTHING, ['serve', `--home=${this.home}`, '--no-browser', '--no-restart', '--logfile=-'], {
      env: { ...process.env, STNOUPGRADE: '1', STNORESTART: '1', HOME: this.home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.setEncoding('utf8').on('data', (c: string) => (this.log += c));
    this.child.stderr?.setEncoding('utf8').on('data', (c: string) => (this.log += c));
    await waitFor(async () => (await this.api('GET', '/rest/system/ping').catch(() => null)) !== null, 30_000, () => `syncthing did not answer:\n${this.log}`);
  }

  async api(method: string, route: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`http://127.0.0.1:${this.guiPort}${route}`, {
      method,
      headers: { 'X-API-Key': this.apiKey, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : null;
  }

  /** Knows `other` at its loopback address only. */
  async addPeer(other: SyncthingInstance): Promise<void> {
    await this.api('POST', '/rest/config/devices', { deviceID: other.deviceId, name: 'peer', addresses: [`tcp://127.0.0.1:${other.listenPort}`] });
  }

  /** Shares `dir` as folder `id` with `peers`, rescanning every second. */
  async shareFolder(id: string, dir: string, peers: SyncthingInstance[]): Promise<void> {
    fs.mkdirSync(dir, { recursive: true });
    await this.api('POST', '/rest/config/folders', {
      id,
      label: id,
      path: dir,
      type: 'sendreceive',
      rescanIntervalS: 1,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
      devices: [{ deviceID: this.deviceId }, ...peers.map((p) => ({ deviceID: p.deviceId }))],
    });
  }

  async rescan(id: string): Promise<void> {
    await this.api('POST', `/rest/db/scan?folder=${encodeURIComponent(id)}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, why: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out: ${why()}`);
}
