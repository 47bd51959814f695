// The health check's scoring thread (run by score-pool.ts; built as its own entry for the app,
// out/main/health-worker.js, and the CLI). It holds no key and reads no vault: each message is
// a batch of passwords with their context (username, title), and the reply is their zxcvbn
// scores in order. It keeps nothing between batches, logs nothing, and is ended on lock.
import { parentPort } from 'node:worker_threads';
import { strengthScore, useFastScoring } from '../generator/strength';
import type { ScoreJob } from './scorer';

const port = parentPort;
if (!port) throw new Error('score-worker.ts runs as a worker thread (see score-pool.ts).');
// Built once per thread, before the first batch arrives.
useFastScoring();
port.on('message', (jobs: ScoreJob[]) => {
  port.postMessage(jobs.map((j) => strengthScore(j.password, j.context)));
});
