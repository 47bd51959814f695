// import:* and export:* — choose a file, preview, commit and follow an import, save an export.
import type { Services } from '../services';
import { handlers } from './handler';

export function importExportHandlers(s: Services) {
  return handlers<'import' | 'export'>({
    'import:choose-file': () => s.importExport.chooseFile(),
    'import:choose-key-file': (req) => s.importExport.chooseKeyFile(req.sourceId),
    'import:preview': (req) => s.importExport.preview(req),
    'import:commit': (req) => s.importExport.commit(req),
    'import:progress': (req) => s.importExport.progress(req.previewId),
    'export:save': (req) => s.importExport.export(req),
  });
}
