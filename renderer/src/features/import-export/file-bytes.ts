// Reads a chosen file in the renderer and encodes it as base64 for the import:preview channel.
// The renderer never parses it: main decodes, parses and keeps it until the import commits.

/** Largest file accepted (the IPC schema allows about 100 MB once encoded). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode's argument list within the engine's limits.
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  bytes.fill(0);
  return btoa(binary);
}
