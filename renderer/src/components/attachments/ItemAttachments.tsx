// An item's files in the detail pane: attach with the OS dialog or by dropping files on the
// section, preview a small image or text file (logged in main like a reveal), save one through
// the OS save dialog, move one to the item's trash and back, or delete it for good. The window
// never holds a file's content except while it shows a preview.
import { useEffect, useState, type DragEvent } from 'react';
import { Eye, Paperclip, RotateCcw, Save, Trash2, X } from 'lucide-react';
import { MAX_ATTACHMENT_BYTES, type AttachmentInfo } from '../../../../shared/attachments';
import type { AttachmentPreview } from '../../../../shared/contract/attachment';
import { call } from '../../lib/ipc';
import { Button, IconButton } from '../Button';
import { useConfirm } from '../Confirm';
import { useToast } from '../Toast';
import './attachments.css';

const PREVIEWABLE = /^(image\/(png|jpeg|gif|webp|bmp)|text\/plain)$/;

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A dropped file's bytes as base64, converted in slices (one big spread overflows the stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  bytes.fill(0);
  return btoa(binary);
}

function PreviewView({ preview, onClose }: { preview: AttachmentPreview; onClose: () => void }) {
  const text = preview.mime === 'text/plain' ? new TextDecoder().decode(Uint8Array.from(atob(preview.data), (c) => c.charCodeAt(0))) : null;
  return (
    <figure className="attachment-preview" aria-label={`Preview of ${preview.name}`}>
      <figcaption>
        <span>{preview.name}</span>
        <IconButton icon={X} label="Close the preview" onClick={onClose} />
      </figcaption>
      {text !== null ? <pre className="attachment-text">{text}</pre> : <img src={`data:${preview.mime};base64,${preview.data}`} alt={preview.name} />}
    </figure>
  );
}

export function ItemAttachments({ itemId, inTrash, onChanged }: { itemId: string; inTrash: boolean; onChanged: () => void }) {
  const [list, setList] = useState<AttachmentInfo[] | null>(null);
  const [preview, setPreview] = useState<AttachmentPreview | null>(null);
  const [showRemoved, setShowRemoved] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();
  const toast = useToast();

  const reload = async (): Promise<void> => {
    const r = await call('attachment:list', { id: itemId });
    if (r.ok) setList(r.value);
    else toast.error(r.error.message);
  };

  useEffect(() => {
    setPreview(null);
    setShowRemoved(false);
    let live = true;
    void call('attachment:list', { id: itemId }).then((r) => {
      if (live && r.ok) setList(r.value);
    });
    return () => {
      live = false;
    };
  }, [itemId]);

  const changed = async (): Promise<void> => {
    await reload();
    onChanged();
  };

  const attach = async (): Promise<void> => {
    setBusy(true);
    const r = await call('attachment:add', { id: itemId });
    setBusy(false);
    if (!r.ok) return toast.error(r.error.message);
    if ('cancelled' in r.value) return;
    toast.info(`Attached “${r.value.name}”.`);
    await changed();
  };

  const drop = async (e: DragEvent<HTMLElement>): Promise<void> => {
    e.preventDefault();
    setDragging(false);
    if (inTrash) return toast.error('Restore the item before adding files.');
    const files = [...e.dataTransfer.files];
    setBusy(true);
    for (const f of files) {
      if (f.size > MAX_ATTACHMENT_BYTES) {
        toast.error(`“${f.name}” is larger than 100 MB, the most an attachment can hold.`);
        continue;
      }
      const r = await call('attachment:add-dropped', { id: itemId, name: f.name, data: await base64Of(f) });
      if (!r.ok) toast.error(r.error.message);
      else toast.info(`Attached “${r.value.name}”.`);
    }
    setBusy(false);
    await changed();
  };

  const show = async (a: AttachmentInfo): Promise<void> => {
    if (preview?.name === a.name) return setPreview(null);
    const r = await call('attachment:preview', { id: itemId, attachmentId: a.id });
    if (!r.ok) return toast.error(r.error.message);
    setPreview(r.value);
  };

  const save = async (a: AttachmentInfo): Promise<void> => {
    const r = await call('attachment:save', { id: itemId, attachmentId: a.id });
    if (!r.ok) return toast.error(r.error.message);
    if ('saved' in r.value) toast.info(`Saved “${a.name}”.`);
  };

  const act = async (a: AttachmentInfo, action: 'trash' | 'restore' | 'purge'): Promise<void> => {
    if (action === 'purge') {
      const yes = await confirm({ title: 'Delete this file for good?', message: `“${a.name}” will be removed from the vault. This cannot be undone.`, confirmLabel: 'Delete forever', danger: true });
      if (!yes) return;
    }
    const r = await call(`attachment:${action}`, { id: itemId, attachmentId: a.id });
    if (!r.ok) return toast.error(r.error.message);
    if (preview?.name === a.name) setPreview(null);
    await changed();
  };

  const live = (list ?? []).filter((a) => a.deletedAt === null);
  const removed = (list ?? []).filter((a) => a.deletedAt !== null);
  return (
    <section
      className={`attachments${dragging ? ' attachments-drop' : ''}`}
      aria-labelledby="attachments-title"
      data-testid="attachments"
      onDragOver={(e) => {
        e.preventDefault();
        if (!inTrash) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void drop(e)}
    >
      <div className="attachments-head">
        <h3 id="attachments-title" className="section-title">
          <Paperclip size={14} aria-hidden="true" /> Attachments
        </h3>
        {inTrash ? null : (
          <Button icon={Paperclip} busy={busy} onClick={() => void attach()}>
            Attach file…
          </Button>
        )}
      </div>
      {list === null ? null : live.length === 0 ? (
        <p className="field-hint">{inTrash ? 'No files.' : 'No files yet. Attach one, or drop files here (up to 100 MB each).'}</p>
      ) : (
        <ul className="attachment-list" aria-label="Files">
          {live.map((a) => (
            <li key={a.id} className="attachment-row">
              <span className="attachment-name" title={a.name}>
                {a.name}
              </span>
              <span className="attachment-size">{sizeText(a.size)}</span>
              <span className="attachment-actions">
                {PREVIEWABLE.test(a.mime) ? <IconButton icon={Eye} label={`Preview ${a.name}`} pressed={preview?.name === a.name} onClick={() => void show(a)} /> : null}
                <IconButton icon={Save} label={`Save ${a.name} as…`} onClick={() => void save(a)} />
                {inTrash ? null : <IconButton icon={Trash2} label={`Move ${a.name} to the trash`} onClick={() => void act(a, 'trash')} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      {preview ? <PreviewView preview={preview} onClose={() => setPreview(null)} /> : null}
      {removed.length > 0 ? (
        <div className="attachments-removed">
          <Button variant="ghost" aria-expanded={showRemoved} onClick={() => setShowRemoved(!showRemoved)}>
            {showRemoved ? 'Hide' : 'Show'} files in the trash ({removed.length})
          </Button>
          {showRemoved ? (
            <ul className="attachment-list" aria-label="Files in the trash">
              {removed.map((a) => (
                <li key={a.id} className="attachment-row attachment-removed">
                  <span className="attachment-name" title={a.name}>
                    {a.name}
                  </span>
                  <span className="attachment-size">{sizeText(a.size)}</span>
                  <span className="attachment-actions">
                    <IconButton icon={RotateCcw} label={`Restore ${a.name}`} onClick={() => void act(a, 'restore')} />
                    <IconButton icon={Trash2} label={`Delete ${a.name} forever`} onClick={() => void act(a, 'purge')} />
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
