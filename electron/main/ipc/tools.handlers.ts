// generator:*, health:*, and the item channels built on them (TOTP codes, env-line copies).
// Secrets stay in main: the window gets codes, copies are written to the clipboard here, and
// each use is logged (a shown code is a `reveal` of totp, a copy a `copy`).
import type { Services } from '../services';
import { defaultEnvName, defaultField, envLine } from '../../core/api-keys/env-format';
import { totpCode } from '../../core/items/totp';
import { handler, type HandlerMap } from './handler';

type ToolsChannel =
  | 'generator:generate'
  | 'generator:history'
  | 'generator:copy'
  | 'generator:clear-history'
  | 'item:totp'
  | 'item:copy-totp'
  | 'item:copy-env'
  | 'health:report'
  | 'health:due-keys';

export function toolsHandlers(s: Services): HandlerMap<ToolsChannel> {
  const v = () => s.vault.unlocked();
  return {
    'generator:generate': handler('generator:generate', (r) => s.generator.generate(r.options)),
    'generator:history': handler('generator:history', () => s.generator.history()),
    'generator:copy': handler('generator:copy', (r) => s.generator.copy(r.index)),
    'generator:clear-history': handler('generator:clear-history', () => {
      s.generator.clear();
      return null;
    }),
    'item:totp': handler('item:totp', (r) => totpCode(v().useField(r.id, 'totp', 'reveal', 'one-time code'), s.now())),
    'item:copy-totp': handler('item:copy-totp', async (r) => {
      const code = totpCode(v().useField(r.id, 'totp', 'copy', 'one-time code'), s.now());
      const { clearsInMs } = await s.clipboard.copyText(code.code);
      return { clearsInMs, expiresInMs: code.expiresInMs };
    }),
    'item:copy-env': handler('item:copy-env', async (r) => {
      const item = v().getItem(r.id);
      const name = defaultEnvName(item);
      const line = envLine(name, v().useField(r.id, defaultField(item), 'copy', r.format === 'shell' ? 'as env var' : 'as .env line'), r.format);
      const { clearsInMs } = await s.clipboard.copyText(line);
      return { clearsInMs, name };
    }),
    'health:report': handler('health:report', () => s.health.report()),
    'health:due-keys': handler('health:due-keys', () => s.health.dueKeys()),
  };
}
