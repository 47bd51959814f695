// import:* and export:* — preview, commit and follow an import, save an export.
import type { Services } from '../services';
import { handler, type HandlerMap } from './handler';

export function importExportHandlers(s: Services): HandlerMap<'import:preview' | 'import:commit' | 'import:progress' | 'export:save'> {
  return {
    'import:preview': handler('import:preview', (req) => s.importExport.preview(req)),
    'import:commit': handler('import:commit', (req) => s.importExport.commit(req)),
    'import:progress': handler('import:progress', (req) => s.importExport.progress(req.previewId)),
    'export:save': handler('export:save', (req) => s.importExport.export(req)),
  };
}
