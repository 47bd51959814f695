// Attachments: files kept with an item. The shapes the core, the CLI and the window share.
// Neither Node nor DOM code lives here.

/** The largest file an item can hold. */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/** What the window and `attachment list` see of an attachment: never its content. */
export interface AttachmentInfo {
  id: string;
  name: string;
  /** Size in bytes. */
  size: number;
  /** A media type guessed from the name (`image/png`, `text/plain`, ...), or `application/octet-stream`. */
  mime: string;
  createdAt: number;
  /** Set while the attachment is in the trash. */
  deletedAt: number | null;
}

/** The longest attachment name (a file name, kept as given). */
export const ATTACHMENT_NAME_MAX = 255;

/** An attachment as its item's encrypted record holds it: the info plus its chunk count. */
export interface StoredAttachment extends AttachmentInfo {
  /** How many sealed chunks hold the content (at least one; an empty file has one empty chunk). */
  chunks: number;
}
