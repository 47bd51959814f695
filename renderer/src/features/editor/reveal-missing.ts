// Custom fields are saved as a whole list, but concealed values the user never revealed
// are not in the renderer. Before saving a changed list they are fetched from main (each
// fetch is logged as a reveal, which is the honest record: their values did leave main).
import { call } from '../../lib/ipc';
import type { Draft, FieldDraft } from './draft';

export async function revealMissingFields(itemId: string, draft: Draft): Promise<Draft | null> {
  const fields: FieldDraft[] = [];
  for (const f of draft.fields) {
    if (f.value !== null) {
      fields.push(f);
      continue;
    }
    if (f.storedIndex === undefined) return null;
    const r = await call('item:reveal', { id: itemId, field: `field:${f.storedIndex}` });
    if (!r.ok) return null;
    fields.push({ ...f, value: r.value.value });
  }
  return { ...draft, fields };
}
