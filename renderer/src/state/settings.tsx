// App preferences for the whole renderer, and the theme they select. The setting lands on
// <html data-theme>; the scheme it resolves to (following the OS for "system", live) lands on
// <html data-scheme>, which the CSS colour variables key on.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import type { Result } from '../../../shared/errors';
import { call } from '../lib/ipc';

interface SettingsApi {
  settings: Settings;
  loaded: boolean;
  /** `password` is needed when the patch weakens protection (a longer auto-lock or clipboard clear). */
  save(patch: Partial<Settings> & { password?: string }): Promise<Result<Settings>>;
}

const SettingsContext = createContext<SettingsApi | null>(null);

export function useSettings(): SettingsApi {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings needs a SettingsProvider');
  return s;
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void call('settings:get', {}).then((r) => {
      if (r.ok) setSettings(r.value);
      setLoaded(true);
    });
  }, []);

  useEffect(() => {
    const root = document.documentElement;
    const osDark = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      root.dataset.theme = settings.theme;
      root.dataset.scheme = settings.theme === 'system' ? (osDark.matches ? 'dark' : 'light') : settings.theme;
    };
    apply();
    osDark.addEventListener('change', apply);
    return () => osDark.removeEventListener('change', apply);
  }, [settings.theme]);

  const save = useCallback(async (patch: Partial<Settings> & { password?: string }) => {
    const r = await call('settings:set', patch);
    if (r.ok) setSettings(r.value);
    return r;
  }, []);

  const api = useMemo(() => ({ settings, loaded, save }), [settings, loaded, save]);
  return <SettingsContext.Provider value={api}>{children}</SettingsContext.Provider>;
}
