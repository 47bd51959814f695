// The unlock-once agent process (`keystash unlock` starts it detached). It unlocks the vault
// with the password on its stdin, exactly as any command would (RunContext, source `cli`),
// listens on its private socket, and runs the commands CLI clients send it through the same
// executeCommand as in-process runs, with its unlocked vault. It ends on `keystash lock`,
// after the idle timeout, or when the vault file is replaced or removed; the vault is then
// locked (logged) and the socket removed. Nothing is written to disk but the socket and the
// endpoint file (its address and token, core/agent/endpoint.ts). Every connection must present
// the token first, or is dropped; on Windows the agent listens on a named pipe with a random
// name, and that token is what keeps other users out (docs/security.md).
import fs from 'node:fs';
import net from 'node:net';
import { toErrorInfo, KeystashError } from '../../core/errors';
import { endpointFile, newAddress, readEndpoint, writeEndpoint, type Endpoint } from '../../core/agent/endpoint';
import { agentDir, currentRuntime, ensurePrivateDir } from '../../core/agent/runtime-dir';
import { newToken, tokenMatches } from '../../core/agent/token';
import type { Frame } from '../../core/agent/frames';
import { ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import type { Vault } from '../../core/vault';
import { Args } from '../command';
import { COMMANDS } from '../commands';
import { RunContext } from '../context';
import { exitCodeFor, EXIT } from '../exit-codes';
import { executeCommand } from '../execute';
import { Input } from '../input';
import { LineReader } from '../line-reader';
import { localHost } from '../local-host';
import { Output } from '../output';
import { openAgent } from './locate';
import { Peer } from './peer';
import { FORWARDED_ENV } from './relay';

/** How often the agent looks whether its vault file was replaced, between commands. */
const FILE_CHECK_MS = 1_000;

function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

function option(argv: string[], name: string): string {
  const i = argv.indexOf(name);
  const v = i === -1 ? undefined : argv[i + 1];
  if (v === undefined) throw new KeystashError('invalid-input', `The agent needs ${name}.`);
  return v;
}

const isWindows = process.platform === 'win32';

/** Listens on a fresh address for this vault and writes the endpoint file once it listens. */
async function listen(dir: string, vaultPath: string): Promise<{ server: net.Server; endpoint: Endpoint; file: string }> {
  const r = currentRuntime();
  const file = endpointFile(r, dir, vaultPath);
  const previous = readEndpoint(file);
  const live = previous ? await openAgent(previous) : null;
  if (live) {
    live.destroy();
    throw new KeystashError('exists', 'An agent is already running for this vault.');
  }
  const endpoint = { address: newAddress(r, dir, vaultPath), token: newToken() };
  if (!isWindows) fs.rmSync(endpoint.address, { force: true });
  const server = net.createServer();
  // The socket is created 0600 (umask), and chmod-ed again in case the platform ignores it.
  // A named pipe takes no mode; readableAll/writableAll stay off (the default).
  const umask = isWindows ? null : process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ path: endpoint.address, readableAll: false, writableAll: false }, () => resolve());
    });
  } finally {
    if (umask !== null) process.umask(umask);
  }
  if (!isWindows) fs.chmodSync(endpoint.address, 0o600);
  writeEndpoint(file, endpoint);
  return { server, endpoint, file };
}

const errorCode = (code: unknown): ErrorCode => ((ERROR_CODES as readonly string[]).includes(code as string) ? (code as ErrorCode) : 'internal');

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The agent's environment with the client's values of the variables a command reads (relay.ts FORWARDED_ENV). */
function commandEnv(client: Record<string, unknown>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of FORWARDED_ENV) {
    const v = client[k];
    if (typeof v === 'string') env[k] = v;
    else delete env[k];
  }
  return env;
}

class Agent {
  private active = 0;
  private idle: NodeJS.Timeout | null = null;
  private readonly watcher: NodeJS.Timeout;
  private done!: (code: number) => void;
  readonly finished = new Promise<number>((resolve) => (this.done = resolve));

  constructor(
    private readonly server: net.Server,
    private readonly endpoint: Endpoint,
    private readonly file: string,
    private readonly vaultPath: string,
    private readonly vault: Vault,
    private readonly ctx: RunContext,
    private readonly timeoutMs: number,
    private readonly identity: string | null,
  ) {
    server.on('connection', (s) => this.accept(s));
    this.watcher = setInterval(() => {
      if (this.active === 0 && this.replaced()) this.shutdown();
    }, FILE_CHECK_MS);
    this.armIdle();
  }

  private replaced(): boolean {
    return fileIdentity(this.vaultPath) !== this.identity;
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = this.active === 0 ? setTimeout(() => this.shutdown(), this.timeoutMs) : null;
  }

  private accept(socket: net.Socket): void {
    // The first frame must be the token; anything else, and the connection is dropped unanswered.
    let admitted = false;
    const peer = new Peer(
      socket,
      (frame) => {
        if (admitted) void this.onFrame(peer, frame);
        else if (frame.t === 'hello' && tokenMatches(this.endpoint.token, frame.token)) admitted = true;
        else socket.destroy();
      },
      ['line', 'done', 'failed'],
    );
  }

  private async onFrame(peer: Peer, frame: Frame): Promise<void> {
    if (frame.t === 'lock') {
      peer.send({ t: 'locked' });
      peer.socket.end();
      this.shutdown();
      return;
    }
    if (frame.t !== 'run') {
      peer.socket.destroy();
      return;
    }
    if (this.replaced()) {
      peer.send({ t: 'gone', reason: 'The vault file was replaced or removed since `keystash unlock`; the agent has ended.' });
      peer.socket.end();
      this.shutdown();
      return;
    }
    this.active++;
    this.armIdle();
    try {
      peer.send({ t: 'exit', code: await this.run(peer, frame) });
    } catch (err) {
      peer.send({ t: 'err', d: `keystash: ${toErrorInfo(err).message}\n` });
      peer.send({ t: 'exit', code: EXIT.usage });
    } finally {
      peer.socket.end();
      this.active--;
      this.armIdle();
    }
  }

  private async run(peer: Peer, frame: Frame): Promise<number> {
    const { name, argv, cwd, stdinIsTty, env } = frame;
    if (typeof name !== 'string' || !isStrings(argv) || typeof cwd !== 'string' || typeof stdinIsTty !== 'boolean' || typeof env !== 'object' || env === null) {
      throw new KeystashError('invalid-input', 'The agent received a malformed request.');
    }
    const entry = COMMANDS.find((c) => c.name === name && c.agent);
    if (!entry) throw new KeystashError('invalid-input', `The agent does not run ${name}.`);
    const text = (t: 'out' | 'err') => (chunk: string) => peer.sendText(t, chunk);
    // The client's failures come back as their error code and sentence, and are thrown here
    // as they would have been in-process.
    const answer = async (question: Frame): Promise<Frame> => {
      const reply = await peer.ask(question);
      if (reply.t === 'failed') throw new KeystashError(errorCode(reply.code), String(reply.message));
      return reply;
    };
    return executeCommand(await entry.load(), argv, {
      out: new Output({ write: text('out') }, { write: text('err') }),
      lines: { next: async () => ((await answer({ t: 'read-line' })).value as string | null) ?? null },
      stdinIsTty,
      prompt: async (label) => String((await answer({ t: 'prompt', label })).value),
      env: commandEnv(env as Record<string, unknown>),
      host: {
        cwd,
        runChild: async (req) => Number((await answer({ t: 'spawn', ...req })).code),
        readText: async (file) => String((await answer({ t: 'read-file', file })).text),
        writePrivate: async (file, text, overwrite) => void (await answer({ t: 'write-file', file, text, overwrite })),
      },
      served: this.vault,
    });
  }

  shutdown(): void {
    if (this.idle) clearTimeout(this.idle);
    clearInterval(this.watcher);
    this.server.close();
    try {
      fs.rmSync(this.file, { force: true });
      if (!isWindows) fs.rmSync(this.endpoint.address, { force: true });
    } catch {
      // The directory is private; a socket left behind is found dead and replaced next time.
    }
    this.ctx.close();
    this.done(EXIT.ok);
  }
}

/** `keystash --agent-serve --vault PATH --timeout MS`, password on stdin; reports on stdout. */
export async function serveAgent(argv: string[]): Promise<number> {
  const report = (frame: Frame): void => void process.stdout.write(`${JSON.stringify(frame)}\n`);
  const notes: string[] = [];
  const lines = new LineReader(process.stdin);
  let ctx: RunContext | null = null;
  let agent: Agent;
  try {
    const vaultPath = option(argv, '--vault');
    const timeoutMs = Number(option(argv, '--timeout'));
    const dir = agentDir();
    ensurePrivateDir(dir);
    const identity = fileIdentity(vaultPath);
    const input = new Input({
      passwordStdin: true,
      lines,
      stdinIsTty: false,
      prompt: () => Promise.reject(new KeystashError('invalid-input', 'The agent cannot prompt.')),
    });
    const out = new Output({ write: () => true }, { write: (s: string) => notes.push(s.trimEnd()) });
    // Unlocking runs no child and touches no file the person names: the local host is never used.
    ctx = new RunContext(new Args([], {}), vaultPath, out, input, localHost('/'));
    const vault = await ctx.vault();
    const { server, endpoint, file } = await listen(dir, vaultPath);
    agent = new Agent(server, endpoint, file, vaultPath, vault, ctx, timeoutMs, identity);
    report({ t: 'ready', pid: process.pid, notes, integrityFailed: ctx.integrityFailed });
  } catch (err) {
    ctx?.close();
    const info = toErrorInfo(err);
    report({ t: 'failed', code: info.code, message: info.message, notes });
    return exitCodeFor(info.code);
  } finally {
    lines.close();
  }
  return agent.finished;
}
