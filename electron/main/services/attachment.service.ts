// The app's side of attachments: the OS dialogs that pick a file to attach and a place to save
// one (main reads and writes the files; the window never learns a path), files dropped on the
// window, and the preview of small images and text, which counts as a secret leaving main
// (the caller admits it through the secret rate limit) and is logged as an open.
import path from 'node:path';
import type { AttachmentInfo } from '../../../shared/attachments';
import { MAX_PREVIEW_BYTES, type AttachmentPreview } from '../../../shared/contract/attachment';
import { KeystashError } from '../../core/errors';
import type { VaultService } from './vault.service';

/** Asks which file to attach; null when the person cancels. */
export type ChooseAttachment = () => Promise<string | null>;
/** Asks where to save an attachment (suggesting its name); null when the person cancels. */
export type ChooseAttachmentTarget = (suggestedName: string) => Promise<string | null>;

const PREVIEWABLE = /^(image\/(png|jpeg|gif|webp|bmp)|text\/plain)$/;

export class AttachmentService {
  constructor(
    private readonly vault: VaultService,
    /** Replaceable so tests (and the e2e harness) can answer the dialogs. */
    public chooseFile: ChooseAttachment = async () => null,
    public chooseTarget: ChooseAttachmentTarget = async () => null,
  ) {}

  list(itemId: string): AttachmentInfo[] {
    return this.vault.unlocked().attachments.list(itemId, { trash: true });
  }

  async addFromDialog(itemId: string): Promise<AttachmentInfo | { cancelled: true }> {
    this.vault.unlocked().items.listedItem(itemId);
    const file = await this.chooseFile();
    if (!file) return { cancelled: true };
    return this.vault.unlocked().attachments.addFile(itemId, file);
  }

  addDropped(itemId: string, name: string, base64: string): AttachmentInfo {
    const content = new Uint8Array(Buffer.from(base64, 'base64'));
    try {
      return this.vault.unlocked().attachments.addBytes(itemId, name, content);
    } finally {
      content.fill(0);
    }
  }

  async save(itemId: string, attachmentId: string): Promise<{ saved: true } | { cancelled: true }> {
    const found = this.vault.unlocked().attachments.list(itemId, { trash: true }).find((a) => a.id === attachmentId);
    if (!found) throw new KeystashError('not-found', 'That attachment is no longer there.');
    const target = await this.chooseTarget(found.name);
    if (!target) return { cancelled: true };
    // The save dialog already asked before replacing an existing file.
    this.vault.unlocked().attachments.saveTo(itemId, attachmentId, path.resolve(target), { force: true });
    return { saved: true };
  }

  preview(itemId: string, attachmentId: string): AttachmentPreview {
    const attachments = this.vault.unlocked().attachments;
    const found = attachments.list(itemId, { trash: true }).find((a) => a.id === attachmentId);
    if (!found) throw new KeystashError('not-found', 'That attachment is no longer there.');
    if (!PREVIEWABLE.test(found.mime)) throw new KeystashError('invalid-input', `“${found.name}” cannot be previewed; save it instead.`);
    const { info, content } = attachments.readForPreview(itemId, attachmentId, MAX_PREVIEW_BYTES);
    try {
      return { name: info.name, mime: info.mime, data: Buffer.from(content).toString('base64') };
    } finally {
      content.fill(0);
    }
  }
}
