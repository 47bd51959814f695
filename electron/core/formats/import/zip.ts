// Zipped exports (1Password's .1pux, Proton Pass's export): the entries of a zip, read in
// memory under limits, so a small file cannot expand into gigabytes ("zip bomb"): no entry
// over 100 MB (the attachment limit) and no more than 500 MB in all, checked from the sizes the
// zip declares before anything is inflated (fflate then stops at the declared size).
import { unzipSync } from 'fflate';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/attachments';
import { KeystashError } from '../../errors';

const MAX_TOTAL_BYTES = 500 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function unzipEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  let tooLarge: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        total += file.originalSize;
        if (file.originalSize > MAX_ATTACHMENT_BYTES || total > MAX_TOTAL_BYTES) tooLarge ??= file.name;
        return tooLarge === null;
      },
    });
  } catch {
    throw new KeystashError('invalid-input', 'The zip file is damaged; nothing to import.');
  }
  if (tooLarge !== null) throw new KeystashError('invalid-input', `The zip file holds more than Keystash reads (${tooLarge} makes it over 100 MB for one file or 500 MB in all); nothing was imported.`);
  return entries;
}
