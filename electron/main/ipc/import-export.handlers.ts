// import:* and export:* — preview and commit an import, save an export.
import type { Services } from '../services';
import { handler, type HandlerMap } from './handler';

export function importExportHandlers(s: Services): HandlerMap<'import:preview' | 'import:commit' | 'export:save'> {
  return {
    'import:preview': handler('import:preview', (req) => s.importExport.preview(req)),
    'import:commit': handler('import:commit', (req) => s.importExport.commit(req)),
    'export:save': handler('export:save', (req) => s.importExport.export(req)),
  };
}
