// Import and export: the wizard that brings items in from another manager, and the export.
import { ExportForm } from './ExportForm';
import { ImportWizard } from './ImportWizard';
import './import-export.css';

export function ImportExportPage() {
  return (
    <div className="page">
      <h1 className="page-title">Import and export</h1>
      <div className="page-sections">
        <ImportWizard />
        <ExportForm />
      </div>
    </div>
  );
}
