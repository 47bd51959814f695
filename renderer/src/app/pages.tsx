// The tool pages in the sidebar below the vault filters. A new feature page is one entry
// here: an id, a label, an icon and a component that fills the main area.
import type { ComponentType } from 'react';
import { ArrowDownUp, Settings as SettingsIcon, type LucideIcon } from 'lucide-react';
import { ImportExportPage } from '../features/import-export/ImportExportPage';
import { SettingsPage } from '../features/settings/SettingsPage';

export interface ToolPage {
  id: string;
  label: string;
  icon: LucideIcon;
  Component: ComponentType;
}

export const TOOL_PAGES: readonly ToolPage[] = [
  { id: 'import-export', label: 'Import / export', icon: ArrowDownUp, Component: ImportExportPage },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, Component: SettingsPage },
];
