// Public surface of CSV and encrypted-export import, for the CLI, the IPC handlers and tests.
export { commitImport, previewImport, SAMPLE_ROWS, type CommitOptions } from './run';
export type { SourceOptions } from './source';
export { parseMapSpec, guessMapping } from './formats/generic';
export { KNOWN_FORMATS } from './formats';
export { isEncryptedExport } from '../encrypted/envelope';
export * from './types';
