// Which IPC calls main answers: only those from our window's main frame, showing our UI.
// A frame that somehow navigated elsewhere, a subframe, or another webContents gets an
// error Result and never reaches a handler.
import { isAppUrl, type AppOrigins } from './navigation';

export interface SenderInfo {
  /** The webContents id of the sender (event.sender.id). */
  webContentsId: number;
  /** event.senderFrame?.url; null when the frame is gone. */
  frameUrl: string | null;
  /** True when the sender frame is the top-level frame (senderFrame.parent === null). */
  isMainFrame: boolean;
}

export interface TrustedWindow {
  /** Id of our window's webContents, or null before it exists / after it closed. */
  webContentsId: () => number | null;
  origins: AppOrigins;
}

export function isTrustedSender(s: SenderInfo, w: TrustedWindow): boolean {
  const ours = w.webContentsId();
  return ours !== null && s.webContentsId === ours && s.isMainFrame && s.frameUrl !== null && isAppUrl(s.frameUrl, w.origins);
}
