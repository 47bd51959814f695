// Health-check scoring in worker threads, so the app's main thread stays free for the window
// and zxcvbn runs on every core. What crosses to a worker: batches of passwords that are not
// in the session's score cache, each with the username and title it is scored against; what
// comes back: one score (0–4) per password. No key, no item id, no other field crosses, and
// nothing is logged. The workers are started on first use, ended after a minute idle, and ended
// at once by close() (the app calls it on lock and on quit), which fails the work in flight
// with `locked`: a check never outlives the session, and passwords leave the workers' memory
// with them.
import os from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { KeystashError } from '../errors';
import type { PasswordScorer, ScoreJob } from './scorer';
import type { ScoreWorkerData, ToScoreWorker } from './score-worker';

/** Where the worker's code is: the built file, or the TypeScript source with a loader (tests). */
export interface ScoreWorkerFile {
  file: string;
  /** A module required in the thread before `file` (tests and bench: tsx's CommonJS hook). */
  loader?: string;
}

interface Batch {
  jobs: ScoreJob[];
  resolve: (scores: number[]) => void;
  reject: (e: unknown) => void;
}

interface Thread {
  worker: Worker;
  /** Batches sent and not yet answered, oldest first (a worker answers in order). */
  inFlight: Batch[];
}

/** Passwords per message: enough to make messaging cheap, few enough to spread the work evenly. */
const BATCH = 32;
/**
 * Batches a worker holds at once: the next one waits in its port while it scores the current
 * one, so it never idles until this thread, busy decrypting the next slice of items, gets
 * round to sending more.
 */
const IN_FLIGHT = 2;
const IDLE_MS = 60_000;

export class ScoreWorkerPool implements PasswordScorer {
  private readonly threads: Thread[] = [];
  private readonly queue: Batch[] = [];
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly source: ScoreWorkerFile,
    private readonly size = Math.max(1, Math.min(2, os.availableParallelism())),
  ) {}

  score(jobs: ScoreJob[], onScored: (n: number) => void): Promise<number[]> {
    const parts: Promise<number[]>[] = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      const slice = jobs.slice(i, i + BATCH);
      parts.push(
        new Promise<number[]>((resolve, reject) => this.queue.push({ jobs: slice, resolve, reject })).then((scores) => {
          onScored(scores.length);
          return scores;
        }),
      );
    }
    this.dispatch();
    return Promise.all(parts).then((all) => all.flat());
  }

  /** Starts the workers ahead of a check (they take ~0.7 s to load zxcvbn's dictionaries and build the trie). */
  warm(): void {
    while (this.threads.length < this.size) this.threads.push(this.spawn());
    this.armIdleTimer();
  }

  /** Ends every worker now; work queued or in flight fails with `locked`. */
  close(): void {
    this.clearIdleTimer();
    const cancelled = new KeystashError('locked', 'The health check stopped because the vault was locked.');
    for (const b of this.queue.splice(0)) b.reject(cancelled);
    for (const t of this.threads.splice(0)) {
      for (const b of t.inFlight) b.reject(cancelled);
      void t.worker.terminate();
    }
  }

  /** How many worker threads are running (tests check that lock ends them). */
  get running(): number {
    return this.threads.length;
  }

  private spawn(): Thread {
    const { file, loader } = this.source;
    // The first thread builds the dictionary tries (~0.3 s of CPU and most of a thread's
    // memory); each later one gets them from it, in shared memory, through a port of its own.
    const builder = this.threads[0];
    const channel = builder ? new MessageChannel() : null;
    const data: ScoreWorkerData = channel ? { tries: channel.port2 } : {};
    // A built file needs none of this process's Node flags: a process run through tsx (the
    // bench) would otherwise load tsx's hooks into every scoring thread, which the app never does.
    const options = { workerData: data, transferList: channel ? [channel.port2] : [], ...(loader ? {} : { execArgv: [] }) };
    const worker = loader ? new Worker(`require(${JSON.stringify(loader)}); require(${JSON.stringify(file)});`, { eval: true, ...options }) : new Worker(file, options);
    if (builder && channel) {
      const ask: ToScoreWorker = { shareTries: channel.port1 };
      builder.worker.postMessage(ask, [channel.port1]);
    }
    const thread: Thread = { worker, inFlight: [] };
    worker.on('message', (scores: number[]) => {
      thread.inFlight.shift()?.resolve(scores);
      this.dispatch();
    });
    // A worker that fails takes the whole pool down: the check fails and the next one starts afresh.
    const fail = (e: unknown) => {
      if (!this.threads.includes(thread)) return;
      this.threads.splice(this.threads.indexOf(thread), 1);
      const error = new KeystashError('internal', `The health check's scoring thread failed: ${e instanceof Error ? e.message : String(e)}`);
      for (const b of thread.inFlight.splice(0)) b.reject(error);
      for (const b of this.queue.splice(0)) b.reject(error);
      this.close();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    return thread;
  }

  private dispatch(): void {
    this.clearIdleTimer();
    while (this.threads.length < this.size && this.threads.length < this.queue.length + this.busy()) this.threads.push(this.spawn());
    // Round by round, so the batches spread over the threads.
    for (let round = 0; round < IN_FLIGHT; round++) {
      for (const t of this.threads) {
        if (t.inFlight.length > round) continue;
        const next = this.queue.shift();
        if (!next) break;
        t.inFlight.push(next);
        t.worker.postMessage(next.jobs);
      }
    }
    // Only a working thread keeps the process alive (the CLI exits once its check is done).
    for (const t of this.threads) {
      if (t.inFlight.length > 0) t.worker.ref();
      else t.worker.unref();
    }
    if (this.busy() === 0) this.armIdleTimer();
  }

  private busy(): number {
    return this.threads.filter((t) => t.inFlight.length > 0).length;
  }

  private armIdleTimer(): void {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
    // An idle pool must not keep a CLI process alive.
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
