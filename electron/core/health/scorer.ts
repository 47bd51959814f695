// Who runs zxcvbn for a health check. A job is one password with its context (username and
// title, which zxcvbn counts as guessable words); the answer is its score, 0–4, in job order.
// In this thread (the CLI's default and the core tests): one password per event-loop turn.
// The desktop app scores in worker threads instead (score-pool.ts).
import { strengthScore } from '../generator/strength';

export interface ScoreJob {
  password: string;
  context: string[];
}

export interface PasswordScorer {
  /** Scores `jobs` in order; `onScored(n)` is told each time n more are done. */
  score(jobs: ScoreJob[], onScored: (n: number) => void): Promise<number[]>;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Scores on the calling thread, giving the event loop a turn after every password. */
export const inThreadScorer: PasswordScorer = {
  async score(jobs, onScored) {
    const scores: number[] = [];
    for (const job of jobs) {
      scores.push(strengthScore(job.password, job.context));
      onScored(1);
      await nextTurn();
    }
    return scores;
  },
};
