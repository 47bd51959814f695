// The parts of the FIDO Alliance's Credential Exchange Format (CXF 1.0) Keystash reads and
// writes, as zod schemas: the header, accounts, collections, items and the credential types
// basic-auth, totp, note, custom-fields, file and api-key. Anything else an exporter adds is
// let through (looseObject) and ignored, as the format asks of importers.
import { z } from 'zod';

export const editableField = z.looseObject({
  id: z.string().nullish(),
  fieldType: z.string(),
  value: z.string(),
  label: z.string().nullish(),
});
export type EditableField = z.infer<typeof editableField>;

export const credentialSchema = z.looseObject({ type: z.string() });

export const itemSchema = z.looseObject({
  id: z.string(),
  creationAt: z.number().nullish(),
  modifiedAt: z.number().nullish(),
  title: z.string(),
  subtitle: z.string().nullish(),
  favorite: z.boolean().nullish(),
  scope: z.looseObject({ urls: z.array(z.string()).nullish() }).nullish(),
  credentials: z.array(credentialSchema),
  tags: z.array(z.string()).nullish(),
  extensions: z.array(z.looseObject({ name: z.string().nullish() })).nullish(),
});
export type CxfItem = z.infer<typeof itemSchema>;

export interface CxfCollection {
  id: string;
  title: string;
  items: { item: string }[];
  subCollections?: CxfCollection[];
}

const collectionSchema: z.ZodType<CxfCollection> = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    title: z.string(),
    items: z.array(z.looseObject({ item: z.string() })),
    subCollections: z.array(collectionSchema).optional(),
  }),
) as unknown as z.ZodType<CxfCollection>;

export const headerSchema = z.looseObject({
  version: z.looseObject({ major: z.number(), minor: z.number() }),
  exporterRpId: z.string(),
  exporterDisplayName: z.string(),
  timestamp: z.number(),
  accounts: z.array(
    z.looseObject({
      id: z.string(),
      username: z.string(),
      email: z.string(),
      collections: z.array(collectionSchema),
      items: z.array(z.unknown()),
    }),
  ),
});
export type CxfHeader = z.infer<typeof headerSchema>;

/** Whether parsed JSON is a CXF header (the format's required top-level members). */
export function isCxf(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  const o = json as Record<string, unknown>;
  return Array.isArray(o.accounts) && typeof o.exporterRpId === 'string' && !!o.version && typeof o.version === 'object';
}

/** The name of Keystash's item extension: what CXF has no member for, so a Keystash round trip loses nothing. */
export const KEYSTASH_EXTENSION = 'keystash';

/** In a zip, the header and each file credential's content (`documents/<file id>`). */
export const INDEX_NAME = 'index.json';
export const DOCUMENTS = 'documents/';

export const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
