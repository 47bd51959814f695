// attachment:* — an item's files: list, add (dialog or drop), save (dialog), preview (a secret
// leaving main: it waits for the secret rate limit and is logged), trash, restore, purge.
import type { Services } from '../services';
import { handlers } from './handler';

export function attachmentHandlers(s: Services) {
  const a = () => s.vault.unlocked().attachments;
  return handlers<'attachment'>({
    'attachment:list': (r) => s.attachments.list(r.id),
    'attachment:add': (r) => s.attachments.addFromDialog(r.id),
    'attachment:add-dropped': (r) => s.attachments.addDropped(r.id, r.name, r.data),
    'attachment:save': (r) => s.attachments.save(r.id, r.attachmentId),
    'attachment:preview': async (r) => {
      s.vault.unlocked();
      await s.secretRate.admit();
      return s.attachments.preview(r.id, r.attachmentId);
    },
    'attachment:trash': (r) => a().trash(r.id, r.attachmentId),
    'attachment:restore': (r) => a().restore(r.id, r.attachmentId),
    'attachment:purge': (r) => {
      a().purge(r.id, r.attachmentId);
      return null;
    },
  });
}
