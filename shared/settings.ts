// App preferences: their schema (main validates a stored file and every change with it), the
// defaults a new install starts from, and the themes the window can draw.
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(720),
  clipboardClearSeconds: z.number().int().min(5).max(600),
  theme: z.enum(THEMES),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 5, clipboardClearSeconds: 30, theme: 'system' };
