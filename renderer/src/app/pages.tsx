// The tool pages in the sidebar below the vault filters. A new feature page is one entry
// here: an id, a label, an icon and a component that fills the main area.
import type { ComponentType } from 'react';
import { Activity as ActivityIcon, ArrowDownUp, HeartPulse, Settings as SettingsIcon, TerminalSquare, Wand2, type LucideIcon } from 'lucide-react';
import { ActivityPage } from '../features/activity/ActivityPage';
import { ImportExportPage } from '../features/import-export/ImportExportPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncSettings } from '../features/sync/SyncSettings';
import { GeneratorPage } from '../features/generator/GeneratorPage';
import { HealthPage } from '../features/health/HealthPage';
import { ProfilesPage } from '../features/profiles/ProfilesPage';
import { useHealthCount } from '../features/health/health-count';

/** What the shell hands every tool page. */
interface ToolPageProps {
  /** Shows one item in the vault view. */
  openItem: (id: string) => void;
}

export interface ToolPage {
  id: string;
  label: string;
  icon: LucideIcon;
  Component: ComponentType<ToolPageProps>;
  /** A number for the sidebar (a hook, called on every render of the sidebar). */
  useCount?: () => number | undefined;
}

/** Settings with its Sync section, which the sync feature owns. */
function SettingsWithSync() {
  return (
    <SettingsPage>
      <SyncSettings />
    </SettingsPage>
  );
}

export const TOOL_PAGES: readonly ToolPage[] = [
  { id: 'activity', label: 'Activity', icon: ActivityIcon, Component: ActivityPage },
  { id: 'generator', label: 'Generator', icon: Wand2, Component: GeneratorPage },
  { id: 'health', label: 'Health', icon: HeartPulse, Component: HealthPage, useCount: useHealthCount },
  { id: 'profiles', label: 'Env profiles', icon: TerminalSquare, Component: ProfilesPage },
  { id: 'import-export', label: 'Import / export', icon: ArrowDownUp, Component: ImportExportPage },
  { id: 'settings', label: 'Settings', icon: SettingsIcon, Component: SettingsWithSync },
];
