// The questions main asks the person directly, in a native dialog the window's code can neither
// see nor answer: more secrets after a burst, and a first link to a new site. The Electron
// adapter (adapters/confirm-dialog.ts) shows them with dialog.showMessageBox; tests answer
// through a stand-in. Also: a terminal's CLI asking the unlocked app for values. Without an adapter every question counts as "no": a safe default.

/** A terminal asking the app for vault values (services/cli-bridge.service.ts). */
export interface CliAccessRequest {
  /** The command line as the CLI reports it, e.g. `keystash run --env-file .env -- npm start`. */
  process: string;
  cwd: string;
  pid: number;
  /** The terminal session: its tty, or the parent process when there is none. */
  terminal: string;
}

export interface Confirmations {
  /** Past the burst of reveals and copies: may the window have more secrets? */
  moreSecrets(recent: number, windowSeconds: number): Promise<boolean>;
  /** The first link to this origin: open it? The answer is remembered per origin. */
  openOrigin(origin: string): Promise<boolean>;
  /** A terminal's keystash CLI wants values from the unlocked app: allow it for 10 minutes? */
  cliAccess(request: CliAccessRequest): Promise<boolean>;
}

export const refuseAll: Confirmations = {
  moreSecrets: () => Promise.resolve(false),
  openOrigin: () => Promise.resolve(false),
  cliAccess: () => Promise.resolve(false),
};
