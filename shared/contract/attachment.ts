// attachment:* — the files an item holds. Adding from the OS dialog and saving go through main
// (the window never learns a path); a file dropped on the window arrives as base64 (the window
// read it to drop it). A preview returns the content of a small image or text file and is
// logged like a reveal; the window never gets any other file's bytes.
import { z } from 'zod';
import { ATTACHMENT_NAME_MAX, MAX_ATTACHMENT_BYTES, type AttachmentInfo } from '../attachments';
import { channel, id, type DomainChannels } from './kit';

const byAttachment = z.object({ id, attachmentId: id }).strict();

/** Base64 of at most MAX_ATTACHMENT_BYTES. */
const base64 = z
  .string()
  .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'The file is larger than 100 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file content is not base64');

export interface AttachmentPreview {
  name: string;
  mime: string;
  /** The content, base64. */
  data: string;
}

/** The largest file the window previews (an image or a text file); larger ones are saved instead. */
export const MAX_PREVIEW_BYTES = 10 * 1024 * 1024;

export const attachmentChannels = {
  /** Every attachment of the item, those in its trash included (deletedAt set). */
  'attachment:list': channel(z.object({ id }).strict()).returns<AttachmentInfo[]>(),
  'attachment:add': channel(z.object({ id }).strict()).returns<AttachmentInfo | { cancelled: true }>(),
  'attachment:add-dropped': channel(z.object({ id, name: z.string().min(1).max(ATTACHMENT_NAME_MAX), data: base64 }).strict()).returns<AttachmentInfo>(),
  'attachment:save': channel(byAttachment).returns<{ saved: true } | { cancelled: true }>(),
  'attachment:preview': channel(byAttachment).returns<AttachmentPreview>(),
  'attachment:trash': channel(byAttachment).returns<AttachmentInfo>(),
  'attachment:restore': channel(byAttachment).returns<AttachmentInfo>(),
  'attachment:purge': channel(byAttachment).returns<null>(),
} satisfies DomainChannels<'attachment'>;
