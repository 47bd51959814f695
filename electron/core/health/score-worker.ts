// The health check's scoring thread (run by score-pool.ts; built as its own entry for the app,
// out/main/health-worker.js, and the CLI). It holds no key and reads no vault: each message is
// a batch of passwords with their context (username, title), and the reply is their zxcvbn
// scores in order. It keeps nothing between batches, logs nothing, and is ended on lock.
// The pool's first thread builds the dictionary tries; each other thread gets them from it
// (in shared memory, through a port the pool gives both) instead of building its own.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { SharedTries } from '../generator/dictionary-index';
import { sharedScoringTries, strengthScore, useFastScoring } from '../generator/strength';
import type { ScoreJob } from './scorer';

/** From the pool: a batch to score, or a port to send this thread's tries on. */
export type ToScoreWorker = ScoreJob[] | { shareTries: MessagePort };
/** What the pool starts a thread with: the port the tries come on, if another thread builds them. */
export interface ScoreWorkerData {
  tries?: MessagePort;
}

const port = parentPort;
if (!port) throw new Error('score-worker.ts runs as a worker thread (see score-pool.ts).');
const reply = port;

function handle(message: ToScoreWorker): void {
  if (Array.isArray(message)) {
    reply.postMessage(message.map((j) => strengthScore(j.password, j.context)));
  } else {
    message.shareTries.postMessage(sharedScoringTries());
    message.shareTries.close();
  }
}

const triesPort = (workerData as ScoreWorkerData | null)?.tries;
if (triesPort) {
  // Batches that come before the tries wait for them.
  let waiting: ToScoreWorker[] | null = [];
  port.on('message', (m: ToScoreWorker) => (waiting ? waiting.push(m) : handle(m)));
  triesPort.once('message', (tries: SharedTries | undefined) => {
    triesPort.close();
    useFastScoring(tries);
    const held = waiting ?? [];
    waiting = null;
    held.forEach(handle);
  });
} else {
  // Built once per thread, before the first batch arrives.
  useFastScoring();
  port.on('message', handle);
}
