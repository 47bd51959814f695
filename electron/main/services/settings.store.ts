// App preferences (theme, auto-lock, clipboard clearing) in a JSON file in the user-data
// folder. Nothing secret lives here. A damaged or hand-edited file never stops the app:
// each setting that fails validation falls back to its default.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/settings';
import { parseOrThrow } from '../../core/validation';
import { KeystashError } from '../../core/errors';

export const SETTINGS_FILE_NAME = 'settings.json';

function readLenient(file: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return out;
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const r = shape[key].safeParse((raw as Record<string, unknown>)[key]);
    if (r.success) Object.assign(out, { [key]: r.data });
  }
  return out;
}

export class SettingsStore {
  private cached: Settings | null = null;
  private readonly listeners = new Set<(s: Settings) => void>();
  readonly file: string;

  constructor(dir: string) {
    this.file = path.join(dir, SETTINGS_FILE_NAME);
  }

  get(): Settings {
    this.cached ??= readLenient(this.file);
    return { ...this.cached };
  }

  /** Validates the whole patch first, so a bad value changes nothing. */
  set(patch: unknown): Settings {
    const valid = parseOrThrow(settingsSchema.partial().strict(), patch, 'Settings');
    const next = parseOrThrow(settingsSchema, { ...this.get(), ...valid }, 'Settings');
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw new KeystashError('io', `Settings could not be saved (${(err as NodeJS.ErrnoException).code ?? 'write failed'}).`);
    }
    this.cached = next;
    for (const l of this.listeners) l({ ...next });
    return { ...next };
  }

  onChange(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
