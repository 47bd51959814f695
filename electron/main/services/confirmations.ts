// The questions main asks the person directly, in a native dialog the window's code can neither
// see nor answer: more secrets after a burst, and a first link to a new site. The Electron
// adapter (adapters/confirm-dialog.ts) shows them with dialog.showMessageBox; tests answer
// through a stand-in. Without an adapter every question counts as "no": a safe default.

export interface Confirmations {
  /** Past the burst of reveals and copies: may the window have more secrets? */
  moreSecrets(recent: number, windowSeconds: number): Promise<boolean>;
  /** The first link to this origin: open it? The answer is remembered per origin. */
  openOrigin(origin: string): Promise<boolean>;
}

export const refuseAll: Confirmations = {
  moreSecrets: () => Promise.resolve(false),
  openOrigin: () => Promise.resolve(false),
};
