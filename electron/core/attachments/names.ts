// Attachment names and media types. A name is a file name as given (no folders), unique among
// an item's attachments: a second "scan.pdf" becomes "scan (2).pdf", so nothing is replaced.
import path from 'node:path';
import { ATTACHMENT_NAME_MAX } from '../../../shared/attachments';
import { quote } from '../../../shared/input-text';
import { KeystashError } from '../errors';

// Control characters (NUL included) cannot be shown or saved safely under any system.
// eslint-disable-next-line no-control-regex -- these are exactly the characters refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A file's own name from a path or a name another manager stored; refuses what cannot be a file name. */
export function attachmentName(raw: string): string {
  const name = path.basename(raw.replace(/\\/g, '/')).trim();
  if (name === '' || name === '.' || name === '..') throw new KeystashError('invalid-input', `${quote(raw)} is not a file name an attachment can have.`);
  if (CONTROL.test(name)) throw new KeystashError('invalid-input', 'An attachment name cannot contain control characters.');
  if (name.length > ATTACHMENT_NAME_MAX) throw new KeystashError('invalid-input', `An attachment name can have at most ${ATTACHMENT_NAME_MAX} characters.`);
  return name;
}

/** `name`, or `name (2).ext`, `name (3).ext`... so it differs from every name in `taken`. */
export function uniqueName(name: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(name)) return name;
  const ext = path.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!used.has(candidate)) return candidate;
  }
}

const MIME_BY_EXT: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.txt': 'text/plain',
  '.md': 'text/plain',
  '.log': 'text/plain',
  '.csv': 'text/plain',
  '.json': 'text/plain',
  '.xml': 'text/plain',
  '.yaml': 'text/plain',
  '.yml': 'text/plain',
  '.ini': 'text/plain',
  '.conf': 'text/plain',
  '.env': 'text/plain',
  '.pem': 'text/plain',
  '.pub': 'text/plain',
  '.asc': 'text/plain',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

/**
 * The media type the window previews by: raster images and plain text only (an SVG or HTML
 * file is never rendered, since it could run script); anything else is just saved.
 */
export function mimeOf(name: string): string {
  return MIME_BY_EXT[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}
