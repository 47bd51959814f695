// Public surface of CSV and encrypted-export import, for the CLI, the IPC handlers and tests:
// read a file once (under the one size limit), load it, preview it, commit the preview.
export { MAX_IMPORT_BYTES, readImportFile } from './file';
export { commitImport, previewImport, runImport, SAMPLE_ROWS, type CheckedImport, type CommitOptions, type KeptItem } from './run';
export { loadFile, type LoadedFile, type SourceOptions } from './source';
export { parseMapSpec, guessMapping } from './formats/generic';
export { KNOWN_FORMATS } from './formats';
export * from './types';
