// What sync needs from a place that holds files: list them, read one, write a new one, delete
// one of its own. The merge never sees more than this, so another transport (S3, an rclone
// remote) is one more implementation of this interface.

export interface SyncTransport {
  /** Shown in status and errors: the folder path or the URL, never a password. */
  readonly description: string;
  /** Every file under the target, as '/'-separated paths relative to it. */
  list(): Promise<string[]>;
  /** The file's bytes, or null when it is not there (any more). */
  read(file: string): Promise<Uint8Array | null>;
  /**
   * Writes a file that must not exist yet, so that a reader never sees it half-written where
   * the transport can help it. Throws `exists` when the name is taken.
   */
  writeNew(file: string, bytes: Uint8Array): Promise<void>;
  /** Deletes a file this device wrote; a missing file is not an error. */
  deleteOwn(file: string): Promise<void>;
}
