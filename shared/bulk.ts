// Changes applied to many items at once from the app's selection: trash, restore, purge,
// favourite, move to a folder, add or remove a tag. Each runs as one transaction in the core.
import { z } from 'zod';
import { tagSchema } from './domain';
import { noNul } from './input-text';

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trash') }).strict(),
  z.object({ kind: z.literal('restore') }).strict(),
  z.object({ kind: z.literal('purge') }).strict(),
  z.object({ kind: z.literal('favorite'), value: z.boolean() }).strict(),
  // An empty folder name takes the items out of their folder.
  z.object({ kind: z.literal('move'), folder: noNul(z.string().trim().max(500), 'Folder names') }).strict(),
  z.object({ kind: z.literal('add-tag'), tag: tagSchema }).strict(),
  z.object({ kind: z.literal('remove-tag'), tag: tagSchema }).strict(),
]);
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** What a bulk change did: the ids it changed (items already in that state are skipped). */
export interface BulkResult {
  changed: string[];
}
